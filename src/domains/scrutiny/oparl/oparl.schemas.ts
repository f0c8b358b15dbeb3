import { z } from 'zod';
import { OPARL_LISTS } from './oparl.paths.ts';

const INSTANT_MESSAGE = 'Give a date and time in ISO 8601 with its offset, e.g. 2026-01-31T00:00:00+00:00';
const instant = z.iso.datetime({ offset: true, message: INSTANT_MESSAGE });

/** A list's query, with OParl's names: the page, its size (at most 100) and the date filters. */
export const OparlListQuerySchema = z.object({
  page: z.coerce.number({ message: 'Give the page as a whole number from 1' }).int().min(1).default(1),
  limit: z.coerce
    .number({ message: 'Give the limit as a whole number from 1 to 100' })
    .int()
    .min(1)
    .max(100)
    .default(20),
  created_since: instant.optional(),
  created_until: instant.optional(),
  modified_since: instant.optional(),
  modified_until: instant.optional(),
});
export type OparlListQueryInput = z.output<typeof OparlListQuerySchema>;

export const OparlBodyParams = z.object({ body: z.string() });
export const OparlListParams = z.object({
  body: z.string(),
  list: z.enum(OPARL_LISTS, { message: `Give one of the lists: ${OPARL_LISTS.join(', ')}` }),
});
export const OparlIdParams = z.object({ id: z.coerce.number().int().positive() });
export const OparlKeyParams = z.object({ id: z.string() });
