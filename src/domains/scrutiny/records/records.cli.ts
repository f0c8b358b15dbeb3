import {
  type DomainCommand,
  type DomainCommandContext,
  readFileArgument,
} from '../../../kernel/cli/command.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { parseRecordsFileWithLines } from './records.files.ts';

type ScrutinyCommandServices = { scrutiny: ScrutinyService };

/**
 * `peelian import scrutiny-records <file>`: a panel's groups, minutes, recommendations and work programme from
 * a reviewed file, in one transaction (a problem anywhere saves nothing); loading it again changes nothing.
 */
export async function runImportScrutinyRecords({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<ScrutinyCommandServices>): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'scrutiny records file (YAML or JSON)');
  const { data, locate } = parseRecordsFileWithLines(text, name);
  const result = await withServices((services) =>
    services.scrutiny.records.importRecordsFile(actor, data),
  ).catch((error: unknown) => {
    // What the database lacks (a meeting, a minute, a panel member) is placed in the file like a typing slip.
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: locate(problem.field) })),
      );
    throw error;
  });
  stderr(
    `Loaded ${name} for ${data.body}: ${result.groups} groups, ${result.minuteItems} minute items, ${result.recommendations} recommendations, ${result.workProgrammeEntries} work programme entries (${result.changes} change${result.changes === 1 ? '' : 's'}).`,
  );
  stdout(JSON.stringify(result));
}

/** The commands this domain adds to `peelian`. */
export const SCRUTINY_COMMANDS: DomainCommand<ScrutinyCommandServices>[] = [
  {
    words: ['import', 'scrutiny-records'],
    summary: "Load a panel's groups, minutes, recommendations and work programme file; all or nothing",
    usage: 'peelian import scrutiny-records <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportScrutinyRecords,
  },
];
