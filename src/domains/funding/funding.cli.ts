import { type DomainCommand, type DomainCommandContext, readFileArgument } from '../../kernel/cli/command.ts';
import { plural } from '../../kernel/formats/words.ts';
import { loadCheckedFundsFile, readFundsFile } from './funding.files.ts';
import type { FundingService } from './funding.service.ts';

type FundingCommandServices = { funding: FundingService };

/** `peelian import funds <file>`: a policing body's funds from the file an officer prepares; all or nothing. */
async function runImportFunds({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<FundingCommandServices>): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'funds file (YAML or JSON)');
  // The file's shape is checked before the database opens, so a typo costs nothing.
  const file = readFundsFile(text, name);
  const result = await withServices(({ funding }) => loadCheckedFundsFile(funding, actor, file));
  stderr(
    `Loaded ${name}: ${plural(result.funds, 'fund')} of ${result.body} (${plural(result.changes, 'fund')} changed).`,
  );
  stdout(JSON.stringify(result));
}

/** The commands this domain adds to `peelian`. */
export const FUNDING_COMMANDS: DomainCommand<FundingCommandServices>[] = [
  {
    words: ['import', 'funds'],
    summary: 'Load a policing body’s funds (budgets, rounds, criteria, allocation formulas); all or nothing',
    usage: 'peelian import funds <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportFunds,
  },
];
