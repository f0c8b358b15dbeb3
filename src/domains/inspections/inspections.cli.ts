import { type DomainCommand, type DomainCommandContext, readFileArgument } from '../../kernel/cli/command.ts';
import { importLocated, parseInspectionsFile } from './inspections.files.ts';
import type { InspectionsService } from './inspections.service.ts';

type InspectionsCommandServices = { inspections: InspectionsService };

/**
 * `peelian import inspections <file>`: an office's inspection and audit reports, prepared from the published
 * PDFs, in one transaction (a problem anywhere saves nothing); loading it again changes nothing.
 */
export async function runImportInspections({
  positionals,
  stdout,
  stderr,
  withServices,
  actor,
}: DomainCommandContext<InspectionsCommandServices>): Promise<void> {
  const { name, text } = readFileArgument(positionals, 0, 'inspections file (YAML or JSON)');
  // The file is checked before the database is opened: a typing slip costs nothing.
  const file = parseInspectionsFile(text, name);
  const result = await withServices((services) => importLocated(services.inspections, actor, file));
  stderr(
    `Loaded ${name} for ${result.body}: ${result.inspections} reports, ${result.grades} grades, ${result.findings} findings (${result.changes} change${result.changes === 1 ? '' : 's'}).`,
  );
  stdout(JSON.stringify(result));
}

/** The commands this domain adds to `peelian`. */
export const INSPECTIONS_COMMANDS: DomainCommand<InspectionsCommandServices>[] = [
  {
    words: ['import', 'inspections'],
    summary: 'Load an office’s inspection and audit reports file; all or nothing',
    usage: 'peelian import inspections <file>',
    options: {},
    positionals: 1,
    optionHelp: [],
    run: runImportInspections,
  },
];
