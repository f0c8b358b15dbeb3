import { z } from 'zod';

const MONTH = z.string().regex(/^\d{4}-\d{2}$/);

const monthParam = (end: string) =>
  z
    .string({ message: `Give ${end} as YYYY-MM` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `Give ${end} as YYYY-MM, e.g. 2025-01`)
    .optional()
    .meta({ description: `The period’s ${end}, YYYY-MM, included` });

/** `?from=2025-01&to=2025-12`: both optional; the latest twelve months loaded when neither is given. */
export const PeriodQuerySchema = z.object({
  from: monthParam('first month (from)'),
  to: monthParam('last month (to)'),
});

const PeriodJson = z
  .object({
    from: MONTH,
    to: MONTH,
    monthsLoaded: z.array(MONTH),
    monthsNotLoaded: z.array(MONTH).meta({ description: 'Months of the period with no file loaded' }),
  })
  .nullable()
  .meta({ description: 'The months covered; null when nothing of this kind is loaded for the force' });

const shareOf = (what: string) =>
  z.object({
    key: z.string().meta({ description: 'The value as the file has it; "" where the file left it blank' }),
    label: z.string().meta({ description: 'The value in words (a blank is said to be one)' }),
    count: z.int().min(1),
    share: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: `Of all ${what} in the period` }),
  });

const ShareJson = shareOf('searches');

const RatedShareJson = ShareJson.extend({
  ratePer1000: z.number().nullable().meta({
    description: 'Searches per 1,000 residents of the force area; null without a population figure',
  }),
});

export const StopAndSearchJson = z
  .object({
    force: z.string(),
    name: z.string(),
    source: z.string(),
    period: PeriodJson,
    searches: z.int().min(0),
    noFurtherAction: z.int().min(0).meta({ description: 'Searches with a "no further action" outcome' }),
    residents: z.number().nullable().meta({
      description:
        'The force area’s residents for the period (the average of each loaded month’s year); null when a year has no figure',
    }),
    populationSources: z.array(z.object({ year: z.int(), population: z.int(), source: z.string() })),
    ratePer1000: z.number().nullable(),
    monthly: z.array(
      z.object({ month: MONTH, searches: z.int().min(0), ratePer1000: z.number().nullable() }),
    ),
    byType: z.array(RatedShareJson),
    byObjectOfSearch: z.array(RatedShareJson),
    byOutcome: z.array(RatedShareJson),
    bySelfDefinedEthnicity: z.array(ShareJson),
    byOfficerDefinedEthnicity: z.array(ShareJson),
    byAgeRange: z.array(ShareJson),
    byGender: z.array(ShareJson),
    noRateBy: z.string().meta({
      description: 'Why ethnicity, age and gender have counts and shares but no rate per 1,000',
    }),
  })
  .meta({ id: 'StopAndSearchFigures' });

export const CrimeOutcomesJson = z
  .object({
    force: z.string(),
    name: z.string(),
    source: z.string(),
    period: PeriodJson,
    provisionalMonths: z.int().meta({
      description: 'How many of the force’s latest street months count as provisional',
    }),
    provisionalFrom: MONTH.nullable().meta({
      description: 'Months from this one on are provisional: their outcomes are still changing',
    }),
    crimes: z.int().min(0),
    monthly: z.array(
      z.object({
        month: MONTH,
        crimes: z.int().min(0),
        underInvestigation: z.int().min(0),
        noSuspectIdentified: z.int().min(0),
        provisional: z.boolean(),
      }),
    ),
    byCrimeType: z.array(
      z.object({
        crimeType: z.string(),
        crimes: z.int().min(1),
        underInvestigation: z.int().min(0),
        noSuspectIdentified: z.int().min(0),
        noOutcomeRecorded: z.int().min(0),
        provisionalCrimes: z.int().min(0).meta({ description: 'Of the crimes, those of provisional months' }),
      }),
    ),
    byOutcome: z.array(shareOf('crimes')),
  })
  .meta({ id: 'CrimeOutcomes' });
