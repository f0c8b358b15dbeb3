import { z } from 'zod';

/** `?area=` on the scorecard: a local authority's GSS code, or nothing for the whole force area. */
export const ScorecardQuerySchema = z.object({
  area: z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .pipe(
      z
        .string()
        .regex(/^[EW]\d{8}$/, 'must be a local authority GSS code such as E06000038')
        .optional(),
    )
    .optional(),
});

export const MeasureParamsSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, 'must be a measure code such as PC1.M1'),
});
