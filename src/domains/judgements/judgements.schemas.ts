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

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = (message: string) => z.string().trim().regex(SLUG, message);

/** An upload's query string: the body is the file itself, so its name comes here. */
export const UploadQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the name of the file')
    .max(255, 'The file’s name must be 255 characters or fewer'),
});

export const SeriesUploadQuerySchema = UploadQuerySchema.extend({
  indicator: z.string().trim().min(1, 'Choose the indicator these figures are for'),
});

/** `?indicator=` preselects a series indicator on the upload form. */
export const SeriesFormQuerySchema = z.object({
  indicator: slug('must be an indicator’s slug, such as ksi').optional(),
});

export const SeriesLoadedQuerySchema = z.object({
  indicator: slug('must be an indicator’s slug, such as ksi'),
});

export const PopulationLoadedQuerySchema = z.object({
  file: z.string().trim().min(1, 'must name a file').max(255, 'must be 255 characters or fewer'),
});

/** The indicators page after a rebuild names the indicator rebuilt. */
export const IndicatorsQuerySchema = z.object({
  rebuilt: slug('must be an indicator’s slug').optional(),
});

export const RebuildFormSchema = z.object({
  slug: slug('Choose an indicator to rebuild'),
});
