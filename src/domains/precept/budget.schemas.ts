import { z } from 'zod';
import { parseFinancialYear } from '../../kernel/calendar/index.ts';

// The budget file the OPCC keeps (`format: peelian-budget/1`), the pages' parameters and the API documents.

const Text = z.string().trim().min(1, 'must not be empty');
const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be an office’s slug');

/** "2017-18" read as the year it begins. */
const FinancialYear = z
  .string({ message: 'must be a financial year like 2017-18' })
  .trim()
  .transform((value, context) => {
    try {
      return parseFinancialYear(value).startYear;
    } catch {
      context.issues.push({ code: 'custom', message: 'must be a financial year like 2017-18', input: value });
      return z.NEVER;
    }
  });

/** Whole pence; a revenue line may be negative (income netted off), so the sign is checked where it matters. */
const Pence = z
  .int('must be a whole number of pence')
  .min(-Number.MAX_SAFE_INTEGER, 'is too large')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');
const NonNegativePence = Pence.nonnegative('must not be negative');

/**
 * Band D equivalent properties to two places, as billing authorities publish them ("143209.41"), kept as whole
 * hundredths so no sum or product ever touches a float.
 */
const TaxBase = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be Band D equivalents with at most two decimals'))
  .transform((value) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .pipe(z.int().positive('must be more than nothing'));

const Line = z.strictObject({ heading: Text.max(200), amountPence: Pence });

export const BudgetFileSchema = z.strictObject({
  format: z.literal('peelian-budget/1', { message: 'must be peelian-budget/1' }),
  body: slug,
  year: FinancialYear,
  illustrative: Text.max(2000).optional(),
  source: Text.max(2000).optional(),
  bandDPence: z.int('must be a whole number of pence').positive('must be more than nothing'),
  revenue: z.array(Line).min(1, 'must list at least one revenue line'),
  capital: z.array(Line.extend({ amountPence: NonNegativePence })).default([]),
  funding: z.strictObject({
    policeGrantPence: NonNegativePence,
    preceptPence: NonNegativePence,
    otherGrantsPence: NonNegativePence,
    reservesPence: NonNegativePence,
  }),
  taxBase: z
    .array(z.strictObject({ authority: Text.max(200), bandD: TaxBase }))
    .min(1, 'must list each billing authority’s tax base'),
  mtfp: z
    .array(
      z.strictObject({
        year: FinancialYear,
        spendingPence: NonNegativePence,
        fundingPence: NonNegativePence,
        savingsPence: NonNegativePence,
      }),
    )
    .default([]),
  monitoring: z
    .array(
      z.strictObject({
        quarter: z.int('must be 1, 2, 3 or 4').min(1, 'must be 1, 2, 3 or 4').max(4, 'must be 1, 2, 3 or 4'),
        heading: Text.max(200),
        budgetPence: Pence,
        forecastPence: Pence,
        commentary: Text.max(2000).optional(),
      }),
    )
    .default([]),
});
export type BudgetFile = z.infer<typeof BudgetFileSchema>;

export const BudgetBodyParams = z.object({
  body: z.string().regex(/^[a-z0-9-]{1,100}$/, 'body must be an office’s slug'),
});
export const BudgetYearParams = BudgetBodyParams.extend({ year: FinancialYear });
export type BudgetTarget = z.infer<typeof BudgetYearParams>;

const Money = z.int().describe('whole pence');
const LineJson = z.object({ heading: z.string(), amountPence: Money });

export const BudgetJson = z
  .object({
    body: z.object({ slug: z.string(), name: z.string() }),
    year: z.string(),
    illustrative: z.string().nullable(),
    source: z.string().nullable(),
    bandDPence: Money,
    netRevenuePence: Money,
    revenue: z.array(LineJson),
    capital: z.array(LineJson),
    capitalTotalPence: Money,
    funding: z.object({
      policeGrantPence: Money,
      preceptPence: Money,
      otherGrantsPence: Money,
      reservesPence: Money,
    }),
    taxBase: z.array(z.object({ authority: z.string(), bandD: z.string(), precept: Money })),
    taxBaseTotal: z.string().describe('Band D equivalents, to two places'),
    mtfp: z.array(
      z.object({
        year: z.string(),
        spendingPence: Money,
        fundingPence: Money,
        gapPence: Money,
        savingsPence: Money,
        remainingGapPence: Money,
      }),
    ),
    monitoring: z.array(
      z.object({
        quarter: z.int().min(1).max(4),
        lines: z.array(
          z.object({
            heading: z.string(),
            budgetPence: Money,
            forecastPence: Money,
            variancePence: Money.describe('forecast less budget: more than nothing is an overspend'),
            commentary: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Budget' });

export const BudgetListJson = z.object({
  budgets: z.array(z.object({ year: z.string(), illustrative: z.boolean(), url: z.string() })),
});
