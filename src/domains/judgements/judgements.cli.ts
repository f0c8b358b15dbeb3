import {
  type DomainCommand,
  type DomainCommandContext,
  readFileArgument,
  UsageError,
} from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import type { JudgementsService, RefreshResult } from './judgements.service.ts';

type JudgementsCommandServices = { judgements: JudgementsService };

function describeRefresh(refresh: RefreshResult): string {
  const failed = refresh.failed.map((failure) => `${failure.slug} (${failure.error})`).join('; ');
  return `Rebuilt ${plural(refresh.refreshed, 'indicator')}${failed ? `; failed: ${failed}` : ''}.`;
}

/** `peelian import indicators <file>` */
export async function runImportIndicators({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<JudgementsCommandServices>): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'indicator file (YAML or JSON)');
  const file = parseIndicatorFile(text, name);
  const result = await withServices((services) => services.judgements.loadIndicatorFile(actor, file, name));
  stderr(
    `Loaded ${result.indicators} indicators from ${name} (${result.changed} changed). ${describeRefresh(result.refresh)}`,
  );
  stdout(JSON.stringify(result));
}

/** `peelian import population <csv>` */
export async function runImportPopulation({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<JudgementsCommandServices>): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'population CSV file');
  const result = await withServices((services) => services.judgements.importPopulation(actor, name, text));
  stderr(
    `Loaded ${result.rows} populations for ${result.areas} areas, ${result.firstYear} to ${result.lastYear}. ${describeRefresh(result.refresh)}`,
  );
  stdout(JSON.stringify(result));
}

/** `peelian import series <indicator> <csv>` */
export async function runImportSeries({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<JudgementsCommandServices>): Promise<void> {
  const slug = positionals[0];
  if (!slug) throw new UsageError('Give the indicator whose series this is, then the CSV file.');
  const { name, text } = readFileArgument(positionals, 1, 'series CSV file (month,value)');
  const result = await withServices((services) => services.judgements.importSeries(actor, slug, name, text));
  stderr(
    `Loaded ${result.months} months (${result.from} to ${result.to}) into ${slug}. ${describeRefresh(result.refresh)}`,
  );
  stdout(JSON.stringify(result));
}

/** The commands this domain adds to `peelian`. */
export const JUDGEMENTS_COMMANDS: DomainCommand<JudgementsCommandServices>[] = [
  {
    words: ['import', 'indicators'],
    summary: 'Load an indicator file (YAML or JSON): what plan measures are judged on; rebuilds what changed',
    usage: 'peelian import indicators <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportIndicators,
  },
  {
    words: ['import', 'population'],
    summary: 'Load residents by area and year (area_code,year,population CSV) for rates; all or nothing',
    usage: 'peelian import population <csv>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportPopulation,
  },
  {
    words: ['import', 'series'],
    summary: "Replace a series indicator's values with a month,value CSV (no gaps, no repeats)",
    usage: 'peelian import series <indicator> <csv>',
    options: {},
    positionals: 2,
    optionHelp: [],
    run: runImportSeries,
  },
];
