import { z } from 'zod';
import { CRITERION_SOURCES, FUND_KINDS } from './funding.tables.ts';

// Funding's URLs, files, forms and API documents: every message names what to fix.

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const AREA_CODE = /^[EW][0-9]{8}$/;

/** "2017-18": a financial year, April to March, named by the years it spans. */
export const FinancialYear = z
  .string({ message: 'must be a financial year like 2025-26' })
  .regex(/^\d{4}-\d{2}$/, 'must be a financial year like 2025-26')
  .refine(
    (year) => (Number(year.slice(0, 4)) + 1) % 100 === Number(year.slice(5)),
    'must be a financial year like 2025-26: the second year follows the first',
  );

export const FundParams = z.object({ fund: z.string().regex(SLUG, 'fund must be a fund’s slug') });
export const AllocationParams = FundParams.extend({ year: FinancialYear });
export type AllocationKey = z.infer<typeof AllocationParams>;
export const LetterParams = AllocationParams.extend({
  area: z.string().regex(AREA_CODE, 'area must be a local authority’s GSS code'),
});

// The funds file an officer prepares (`format: peelian-funds/1`).

const Text = z.string().trim().min(1, 'must not be empty');
const IsoDate = z.iso.date('must be a date as YYYY-MM-DD');
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const Pence = z
  .int('must be a whole number of pence')
  .nonnegative('must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');
const Weight = z.int('must be a whole per cent').min(1, 'must be at least 1').max(100, 'must be 100 or less');
/** A per cent with at most two decimals (10, 12.5): the retained share, kept as basis points. */
const Percent = z
  .number({ message: 'must be a per cent, like 10' })
  .min(0, 'must not be negative')
  .max(100, 'must be 100 or less')
  .refine(
    // Kept as whole basis points: 12.5 is 1250; a third decimal would be lost, so it is refused.
    (value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-9,
    'must have at most two decimals',
  );
const Value = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(
    z.string().regex(/^[0-9]+(\.[0-9]{1,4})?$/, 'must be a number, not negative, with at most four decimals'),
  );

const FormulaCriterionFile = z.strictObject({
  code: z.string().regex(SLUG, 'must be lower-case words joined by dashes, like population'),
  label: Text.max(200),
  source: z.enum(CRITERION_SOURCES, { message: `must be one of: ${CRITERION_SOURCES.join(', ')}` }),
  sourceNote: Text.max(1000),
  weight: Weight,
  populationYear: z.int().min(1900).max(2200).optional(),
  values: z.record(z.string().regex(AREA_CODE, 'must be a GSS code like E06000038'), Value).optional(),
});

const FormulaFile = z.strictObject({
  year: FinancialYear,
  retainedPercent: Percent,
  crimes: z.strictObject({ from: Month, to: Month }).optional(),
  note: Text.max(2000).optional(),
  criteria: z.array(FormulaCriterionFile).min(1, 'must list at least one criterion'),
});

export const FundFileSchema = z.strictObject({
  slug: z.string().regex(SLUG, 'must be lower-case words joined by dashes'),
  name: Text.max(200),
  kind: z.enum(FUND_KINDS, { message: `must be one of: ${FUND_KINDS.join(', ')}` }),
  summary: Text.max(5000),
  eligibility: Text.max(5000),
  illustrative: Text.max(2000).optional(),
  plan: z.string().regex(SLUG, 'must be a plan’s slug').optional(),
  priorities: z.array(Text.max(40)).max(50).default([]),
  budgets: z.array(z.strictObject({ year: FinancialYear, amountPence: Pence })).min(1, 'must give a budget'),
  rounds: z.array(z.strictObject({ name: Text.max(200), opensOn: IsoDate, closesOn: IsoDate })).default([]),
  assessment: z
    .array(z.strictObject({ name: Text.max(200), weight: Weight, description: Text.max(2000).optional() }))
    .default([]),
  formulas: z.array(FormulaFile).default([]),
});
export type FundFile = z.infer<typeof FundFileSchema>;
export type FormulaFileEntry = z.infer<typeof FormulaFile>;

export const FundsFileSchema = z.strictObject({
  format: z.literal('peelian-funds/1', { message: 'must be peelian-funds/1' }),
  body: z.string().regex(SLUG, 'must be the policing body’s slug'),
  funds: z.array(FundFileSchema).min(1, 'must list at least one fund'),
});
export type FundsFile = z.infer<typeof FundsFileSchema>;

// The what-if view's query (a GET form: nothing is saved) and the form that records an allocation.

export const WhatIfQuery = z
  .object({ retained: z.string().trim().max(10).optional() })
  .catchall(z.string().trim().max(10));
export type WhatIfInput = z.infer<typeof WhatIfQuery>;

export const RecordFormSchema = z
  .object({})
  .catchall(z.union([z.string(), z.array(z.string())]))
  .transform((body) =>
    Object.fromEntries(
      Object.entries(body)
        .filter(([key]) => key.startsWith('amount-'))
        .map(([key, value]) => [
          key.slice('amount-'.length),
          Array.isArray(value) ? (value[0] ?? '') : value,
        ]),
    ),
  );

// What the API sends: the OpenAPI document is generated from these.

const Money = z.int().meta({ description: 'Whole pence' });

export const FundSummaryJson = z
  .object({
    type: z.literal('Fund'),
    slug: z.string(),
    url: z.string(),
    web: z.string(),
    name: z.string(),
    kind: z.enum(FUND_KINDS),
    body: z.object({ slug: z.string(), name: z.string() }),
    summary: z.string(),
    illustrative: z
      .string()
      .nullable()
      .meta({ description: 'What in the record is illustrative, if anything' }),
    budgets: z.array(z.object({ year: z.string(), amountPence: Money })),
  })
  .meta({ id: 'FundSummary' });

export const FundListJson = z.object({ funds: z.array(FundSummaryJson) });

export const FundJson = FundSummaryJson.extend({
  eligibility: z.string(),
  plan: z.string().nullable(),
  priorities: z.array(z.object({ code: z.string(), title: z.string().nullable() })),
  rounds: z.array(z.object({ name: z.string(), opensOn: z.iso.date(), closesOn: z.iso.date() })),
  assessmentCriteria: z.array(
    z.object({ name: z.string(), weight: z.int(), description: z.string().nullable() }),
  ),
  allocations: z.array(z.object({ year: z.string(), url: z.string(), recorded: z.boolean() })),
}).meta({ id: 'Fund' });

export const AllocationJson = z
  .object({
    type: z.literal('FundAllocation'),
    fund: z.string(),
    year: z.string(),
    web: z.string(),
    recorded: z
      .object({ on: z.iso.date(), by: z.string() })
      .nullable()
      .meta({ description: 'When and by whom it was recorded; null while it is the formula’s working' }),
    potPence: Money,
    retainedPercent: z.string(),
    retainedPence: Money,
    allocatedPence: Money.meta({ description: 'The pot less the retained share: the amounts add up to it' }),
    criteria: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        source: z.enum(CRITERION_SOURCES),
        sourceNote: z.string(),
        weight: z.int(),
      }),
    ),
    problems: z.array(z.string()).meta({ description: 'Why the formula cannot be worked yet, if it cannot' }),
    authorities: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        values: z.record(z.string(), z.string()).meta({ description: 'Each criterion’s figure, by code' }),
        sharePercent: z.string(),
        amountPence: Money,
      }),
    ),
  })
  .meta({ id: 'FundAllocation' });
