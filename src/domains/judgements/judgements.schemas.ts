import { z } from 'zod';
import {
  IMPROVEMENT_DIRECTIONS,
  POINT_TYPES,
  SPC_METHOD,
  SPECIAL_CAUSE_RULES,
} from '../../kernel/spc/index.ts';
import { JUDGEMENTS } from './judgements.judge.ts';
import { FREQUENCIES, GEOGRAPHIES, INDICATOR_KINDS } from './judgements.tables.ts';

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
    .optional()
    .meta({
      description:
        'A local authority GSS code (e.g. E06000038) to show its figures where an indicator has them; the whole force area when absent. An indicator with force-wide figures only says so (forceWideOnly).',
    }),
});

export const MeasureParamsSchema = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, 'must be a measure code such as PC1.M1')
    .meta({ description: 'The measure code, e.g. PC1.M1' }),
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

// What the scorecard API sends: the OpenAPI document is generated from these.

const MONTH = z.string().regex(/^\d{4}-\d{2}$/);

const SpcPointJson = z
  .object({
    month: MONTH,
    value: z.number(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    judged: z.boolean().meta({
      description: 'false for months before the last gap of more than 3 months, which are not judged',
    }),
    mean: z.number().nullable(),
    upperLimit: z.number().nullable(),
    lowerLimit: z.number().nullable(),
    rule: z.enum(SPECIAL_CAUSE_RULES).nullable(),
    type: z.enum(POINT_TYPES).nullable(),
    notJudged: z.enum(['before-gap', 'trial-limits']).nullable().meta({
      description:
        'why the month has no rule or type: before the last gap of more than 3 months, or in a series too short (fewer than 6 months) or too flat for even trial limits to be read',
    }),
    provisional: z.boolean().meta({
      description:
        'true when the rule and type are read from trial limits (fewer than 13 months): provisional',
    }),
  })
  .meta({ id: 'SpcPoint' });

const IndicatorSummaryJson = z
  .object({
    slug: z.string(),
    title: z.string(),
    kind: z.enum(INDICATOR_KINDS),
    description: z.string(),
    source: z.string(),
    unit: z.string(),
    geography: z.enum(GEOGRAPHIES),
    frequency: z.enum(FREQUENCIES),
    crimeTypes: z.array(z.string()),
    outcomeCategories: z.array(z.string()),
    perPopulation: z.number().nullable(),
    area: z.string().nullable(),
    forceWideOnly: z.boolean(),
    judgement: z.enum(JUDGEMENTS),
    provisional: z.boolean().meta({
      description:
        'true when the judgement is read from trial limits (6 to 12 months): a provisional reading, which may change as months are added',
    }),
    variation: z.enum(POINT_TYPES).nullable().meta({
      description:
        'the latest month’s type; null when nothing is judged or the series is too short to read (judgement "trial")',
    }),
    trialLimits: z.boolean().nullable(),
    mean: z.number().nullable(),
    upperLimit: z.number().nullable(),
    lowerLimit: z.number().nullable(),
    period: z
      .object({
        from: MONTH,
        to: MONTH,
        months: z.int().positive().meta({ description: 'the months with figures, judged together' }),
        missingMonths: z.array(MONTH).meta({
          description:
            'months with no figures inside the period (gaps of up to 3 months), judged across: no moving range spans them',
        }),
      })
      .nullable(),
    notJudged: z.object({ months: z.array(MONTH), missingMonths: z.array(MONTH) }),
    refreshedAt: z.iso.datetime().nullable(),
    method: z
      .string()
      .meta({ description: 'The SPC method and rule set that made the judgement', example: SPC_METHOD }),
  })
  .meta({ id: 'IndicatorJudgement' });

const IndicatorJson = IndicatorSummaryJson.extend({ points: z.array(SpcPointJson) }).meta({
  id: 'IndicatorJudgementWithPoints',
});

const ScorecardPlanJson = z
  .object({
    slug: z.string(),
    title: z.string(),
    version: z.int().positive(),
    termStart: z.iso.date(),
    termEnd: z.iso.date(),
  })
  .nullable()
  .meta({ description: 'The plan in force; null when none is' });

const ScorecardAreaJson = z
  .object({ code: z.string(), name: z.string(), forceWide: z.boolean() })
  .nullable()
  .meta({ description: 'The area shown: the force area, or the local authority asked for' });

const MeasureJson = z.object({
  code: z.string(),
  text: z.string(),
  direction: z
    .string()
    .meta({ description: 'The plan’s direction: increase, decrease, maintain-low or neutral' }),
  improvement: z.enum(IMPROVEMENT_DIRECTIONS),
  priority: z.object({ code: z.string(), title: z.string() }),
  pillar: z.object({ code: z.string(), title: z.string() }),
  judgement: z.enum(JUDGEMENTS),
});

export const ScorecardJson = z
  .object({
    plan: ScorecardPlanJson,
    area: ScorecardAreaJson,
    measures: z.array(MeasureJson.extend({ indicators: z.array(IndicatorSummaryJson) })),
  })
  .meta({ id: 'Scorecard' });

export const MeasureDetailJson = z
  .object({
    plan: ScorecardPlanJson,
    area: ScorecardAreaJson,
    measure: MeasureJson,
    indicators: z.array(IndicatorJson),
  })
  .meta({ id: 'MeasureDetail' });
