import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { type InspectionsFile, InspectionsFileSchema } from './inspections.schemas.ts';

type Importer = {
  importInspectionsFile(
    actor: Actor,
    file: InspectionsFile,
  ): Promise<{ inspections: number; grades: number; findings: number; changes: number }>;
};

/**
 * Checks an inspections file and loads it: every problem, whether the schema's or the service's (dates out of
 * order, a finding given twice, an unknown office), is named by the file, line and path, and nothing is saved.
 */
export async function loadInspectionsText(inspections: Importer, actor: Actor, text: string, name: string) {
  const { data, locate } = parseYamlFileWithLines(InspectionsFileSchema, text, name);
  try {
    return { body: data.body, ...(await inspections.importInspectionsFile(actor, data)) };
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: locate(problem.field) })),
      );
    throw error;
  }
}
