import { type CommandContext, readFileArgument } from '../../cli/command.ts';
import { cliActor, withDatabase } from '../../cli/with-database.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { parseRecordsFileWithLines } from './scrutiny-records.files.ts';

/**
 * `peelian import scrutiny-records <file>`: a panel's groups, minutes, recommendations and work programme from
 * a reviewed file, in one transaction (a problem anywhere saves nothing); loading it again changes nothing.
 */
export async function runImportScrutinyRecords({
  positionals,
  stdout,
  stderr,
}: CommandContext): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'scrutiny records file (YAML or JSON)');
  const { data, locate } = parseRecordsFileWithLines(text, name);
  const result = await withDatabase(({ services }) =>
    services.scrutiny.records.importRecordsFile(cliActor(), data),
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
