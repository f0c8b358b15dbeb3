import { type DomainCommand, fileCommand } from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseIndicatorFile } from './indicators.files.ts';
import type { JudgementsService, RefreshResult } from './judgements.service.ts';

type JudgementsCommandServices = { judgements: JudgementsService };

function describeRefresh(refresh: RefreshResult): string {
  const failed = refresh.failed.map((failure) => `${failure.slug} (${failure.error})`).join('; ');
  return `Rebuilt ${plural(refresh.refreshed, 'indicator')}${failed ? `; failed: ${failed}` : ''}.`;
}

type TextFile = { name: string; text: string };
const asText = (text: string, name: string): TextFile => ({ name, text });

/** The commands this domain adds to `peelian`. */
export const JUDGEMENTS_COMMANDS: DomainCommand<JudgementsCommandServices>[] = [
  fileCommand({
    words: ['import', 'indicators'],
    summary: 'Load an indicator file (YAML or JSON): what plan measures are judged on; rebuilds what changed',
    usage: 'peelian import indicators <file>',
    fileIs: 'indicator file (YAML or JSON)',
    parse: (text, name) => ({ name, file: parseIndicatorFile(text, name) }),
    apply: ({ judgements }: JudgementsCommandServices, actor, { name, file }) =>
      judgements.loadIndicatorFile(actor, file, name),
    report: (result, { name }) =>
      `Loaded ${result.indicators} indicators from ${name} (${result.changed} changed). ${describeRefresh(result.refresh)}`,
    json: true,
  }),
  fileCommand({
    words: ['import', 'population'],
    summary: 'Load residents by area and year (area_code,year,population CSV) for rates; all or nothing',
    usage: 'peelian import population <csv>',
    fileIs: 'population CSV file',
    parse: asText,
    apply: ({ judgements }: JudgementsCommandServices, actor, { name, text }) =>
      judgements.importPopulation(actor, name, text),
    report: (result) =>
      `Loaded ${result.rows} populations for ${result.areas} areas, ${result.firstYear} to ${result.lastYear}. ${describeRefresh(result.refresh)}`,
    json: true,
  }),
  fileCommand({
    words: ['import', 'series'],
    summary: "Replace a series indicator's values with a month,value CSV (no gaps, no repeats)",
    usage: 'peelian import series <indicator> <csv>',
    before: ['Give the indicator whose series this is, then the CSV file.'],
    fileIs: 'series CSV file (month,value)',
    parse: asText,
    apply: ({ judgements }: JudgementsCommandServices, actor, { name, text }, [slug = '']) =>
      judgements.importSeries(actor, slug, name, text),
    report: (result, _file, [slug]) =>
      `Loaded ${result.months} months (${result.from} to ${result.to}) into ${slug}. ${describeRefresh(result.refresh)}`,
    json: true,
  }),
];
