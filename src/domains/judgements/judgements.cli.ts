import { type CommandContext, readFileArgument, UsageError } from '../../cli/command.ts';
import { cliActor, withDatabase } from '../../cli/with-database.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import type { RefreshResult } from './judgements.service.ts';

function describeRefresh(refresh: RefreshResult): string {
  const failed = refresh.failed.map((failure) => `${failure.slug} (${failure.error})`).join('; ');
  return `Rebuilt ${plural(refresh.refreshed, 'indicator')}${failed ? `; failed: ${failed}` : ''}.`;
}

/** `peelian import indicators <file>` */
export async function runImportIndicators({ positionals, stdout, stderr }: CommandContext): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'indicator file (YAML or JSON)');
  const file = parseIndicatorFile(text, name);
  const result = await withDatabase(({ services }) =>
    services.judgements.loadIndicatorFile(cliActor(), file, name),
  );
  stderr(
    `Loaded ${result.indicators} indicators from ${name} (${result.changed} changed). ${describeRefresh(result.refresh)}`,
  );
  stdout(JSON.stringify(result));
}

/** `peelian import population <csv>` */
export async function runImportPopulation({ positionals, stdout, stderr }: CommandContext): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'population CSV file');
  const result = await withDatabase(({ services }) =>
    services.judgements.importPopulation(cliActor(), name, text),
  );
  stderr(
    `Loaded ${result.rows} populations for ${result.areas} areas, ${result.firstYear} to ${result.lastYear}. ${describeRefresh(result.refresh)}`,
  );
  stdout(JSON.stringify(result));
}

/** `peelian import series <indicator> <csv>` */
export async function runImportSeries({ positionals, stdout, stderr }: CommandContext): Promise<void> {
  const slug = positionals[0];
  if (!slug) throw new UsageError('Give the indicator whose series this is, then the CSV file.');
  const { name, text } = readFileArgument(positionals, 1, 'series CSV file (month,value)');
  const result = await withDatabase(({ services }) =>
    services.judgements.importSeries(cliActor(), slug, name, text),
  );
  stderr(
    `Loaded ${result.months} months (${result.from} to ${result.to}) into ${slug}. ${describeRefresh(result.refresh)}`,
  );
  stdout(JSON.stringify(result));
}
