import type { z } from 'zod';
import { type FieldError, ValidationError } from '../errors.ts';

/** Parses a form or JSON body with its schema; every problem names its field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })),
  );
}

/** The GOV.UK error summary list and per-field messages, from field errors. */
export function toFormErrors(errors: FieldError[]) {
  const byField: Record<string, { text: string }> = {};
  for (const error of errors) byField[error.field] ??= { text: error.message };
  return {
    errorList: errors.map((error) => ({ text: error.message, href: `#${error.field}` })),
    fieldErrors: byField,
  };
}
