import type { Actor } from '../../kernel/auth/actor.ts';
import { ValidationError } from '../../kernel/errors.ts';
import { parseYamlFileWithLines } from '../../kernel/formats/yaml-file.ts';
import { DeliveryFileSchema } from './delivery.schemas.ts';
import type { DeliveryService } from './delivery.service.ts';

/**
 * Reads a delivery plan file (YAML or JSON, `format: peelian-delivery/1`) and loads it: every problem, whether
 * in the file's shape or found against the plan and what is recorded (an unknown aim, a rewritten status
 * history), is named by the file's line and path; any problem saves nothing.
 */
export async function loadDeliveryFile(
  delivery: DeliveryService,
  actor: Actor,
  text: string,
  fileName: string,
) {
  const { data, locate } = parseYamlFileWithLines(DeliveryFileSchema, text, fileName);
  try {
    return await delivery.importDeliveryFile(actor, data);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        error.fieldErrors.map((problem) => ({ ...problem, field: locate(problem.field) })),
      );
    throw error;
  }
}
