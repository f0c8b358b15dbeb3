import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { type LocatedYamlFile, parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { type InspectionsFile, InspectionsFileSchema } from './inspections.schemas.ts';

type Importer = {
  importInspectionsFile(
    actor: Actor,
    file: InspectionsFile,
  ): Promise<{ inspections: number; grades: number; findings: number; changes: number }>;
};

/** Checks an inspections file against its schema: every problem is named by the file, line and path. */
export function parseInspectionsFile(text: string, name: string): LocatedYamlFile<InspectionsFile> {
  return parseYamlFileWithLines(InspectionsFileSchema, text, name);
}

/**
 * Loads a checked file: what the service refuses (dates out of order, a finding given twice, an unknown
 * office) is named by the file, line and path too, and nothing is saved.
 */
export async function importLocated(
  inspections: Importer,
  actor: Actor,
  file: LocatedYamlFile<InspectionsFile>,
) {
  try {
    return { body: file.data.body, ...(await inspections.importInspectionsFile(actor, file.data)) };
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: file.locate(problem.field) })),
      );
    throw error;
  }
}

/** Checks and loads an inspections file's text, as the demo and the tests do; a bad file is a rejection. */
export async function loadInspectionsText(inspections: Importer, actor: Actor, text: string, name: string) {
  return importLocated(inspections, actor, parseInspectionsFile(text, name));
}
