import { type DomainCommand, fileCommand } from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { parseContractsCsv, parseSpendingCsv } from './transparency.csv.ts';
import type { TransparencyService } from './transparency.service.ts';

type TransparencyCommandServices = { transparency: TransparencyService };

/** `peelian import spending <body> <month> <file>`: one month of spending over £500; all or nothing. */
const importSpending = fileCommand<TransparencyCommandServices, { text: string; name: string }, unknown>({
  words: ['import', 'spending'],
  summary:
    'Load one month of a policing body’s spending over £500 from its CSV; the month is replaced, all or nothing',
  usage: 'peelian import spending <body> <month YYYY-MM> <file.csv>',
  fileIs: 'spending CSV file',
  before: ['Give the policing body’s slug.', 'Give the month the file is for, like 2026-10.'],
  parse: (text, name) => ({ text, name }),
  apply: ({ transparency }, actor, file, [body, month]) =>
    transparency.importSpendingMonth(actor, {
      body: body as string,
      month: month as string,
      fileName: file.name,
      lines: parseSpendingCsv(file.text, file.name, month as string),
    }),
  report: (result) => {
    const { body, month, lines, changed } = result as {
      body: string;
      month: string;
      lines: number;
      changed: boolean;
    };
    return `Loaded ${plural(lines, 'line')} of ${body}’s spending for ${month}${changed ? '' : ' (no change)'}.`;
  },
  json: true,
});

/** `peelian import contracts <body> <file>`: the body's whole register of contracts over £10,000. */
const importContracts = fileCommand<
  TransparencyCommandServices,
  ReturnType<typeof parseContractsCsv>,
  unknown
>({
  words: ['import', 'contracts'],
  summary: 'Load a policing body’s register of contracts over £10,000 from its CSV; all or nothing',
  usage: 'peelian import contracts <body> <file.csv>',
  fileIs: 'contracts CSV file',
  before: ['Give the policing body’s slug.'],
  parse: parseContractsCsv,
  apply: ({ transparency }, actor, lines, [body]) =>
    transparency.importContracts(actor, { body: body as string, lines }),
  report: (result) => {
    const { body, contracts, changes } = result as { body: string; contracts: number; changes: number };
    return `Loaded ${plural(contracts, 'contract')} of ${body} (${plural(changes, 'change')}).`;
  },
  json: true,
});

/** `peelian transparency check-links [body]`: whether each recorded evidence address answers, now. */
const checkLinks: DomainCommand<TransparencyCommandServices> = {
  words: ['transparency', 'check-links'],
  summary: 'Check that each evidence address officers recorded can be reached (of one policing body, or all)',
  usage: 'peelian transparency check-links [body]',
  options: {},
  positionals: 1,
  optionHelp: [],
  async run({ positionals, stdout, stderr, withServices, actor }) {
    const results = await withServices(({ transparency }) =>
      transparency.checkAllLinks(actor, positionals[0]),
    );
    for (const result of results)
      stdout(
        `${result.problem ? 'FAIL' : 'ok  '} ${result.url}${result.problem ? ` — ${result.problem}` : ''}`,
      );
    const failed = results.filter((result) => result.problem).length;
    stderr(`Checked ${plural(results.length, 'address', 'addresses')}: ${failed} unreachable.`);
  },
};

/** The commands this domain adds to `peelian`. */
export const TRANSPARENCY_COMMANDS: DomainCommand<TransparencyCommandServices>[] = [
  importSpending,
  importContracts,
  checkLinks,
];
