import { z } from 'zod';

/**
 * The fields the scrutiny files (panel, attendance, records) read alike, so that a value is read the same way
 * whichever file gives it.
 */

/** Text that says something: trimmed, and not empty. */
export const text = z.string().trim().min(1);

/** A field the file may leave out or give as null: read as null, never undefined, so it is stored as null. */
export function orNull<Schema extends z.ZodType>(schema: Schema) {
  return schema.nullish().transform((value) => value ?? null);
}

export const optionalText = orNull(text);

/** A time of day on the 24-hour clock, `HH:MM`. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** A slug, as URLs have it: lower-case letters and digits in words joined by hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The paragraph of Schedule 12A that makes an item exempt from publication (1 to 7). */
export const exemptParagraph = z.number().int().min(1).max(7);
