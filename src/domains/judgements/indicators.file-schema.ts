import { z } from 'zod';
import {
  ANTI_SOCIAL_BEHAVIOUR,
  POLICE_UK_CRIME_TYPES,
  POLICE_UK_OUTCOME_CATEGORIES,
} from './indicators.vocabulary.ts';
import { FREQUENCIES, GEOGRAPHIES, INDICATOR_KINDS } from './judgements.tables.ts';

/**
 * The indicator file (`peelian-indicators/1`, YAML or JSON): what each plan measure is judged on, as reviewed
 * data rather than code. Each indicator says where its figures come from, in what unit, for what geography
 * and how often, and which plan measures (plan slug and measure code) it serves.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const code = z.string().regex(/^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/, 'must be a measure code such as PC1.M1');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be blank').max(max, `must be ${max} characters or fewer`);

const CRIME_TYPES = new Set<string>(POLICE_UK_CRIME_TYPES);
const OUTCOMES = new Set<string>(POLICE_UK_OUTCOME_CATEGORIES);

const crimeType = z.string().superRefine((value, ctx) => {
  if (value !== ANTI_SOCIAL_BEHAVIOUR && !CRIME_TYPES.has(value))
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a police.uk crime type (they are: ${[...POLICE_UK_CRIME_TYPES, ANTI_SOCIAL_BEHAVIOUR].join(', ')})`,
    });
});

const outcomeCategory = z.string().superRefine((value, ctx) => {
  if (!OUTCOMES.has(value))
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a police.uk last outcome category (they are: ${POLICE_UK_OUTCOME_CATEGORIES.join(', ')})`,
    });
});

const distinct = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `must name at least one ${what}`)
    .superRefine((values, ctx) => {
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index)
          ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
      });
    });

const MeasureLinkSchema = z.strictObject({ plan: slug, measure: code });

const common = {
  slug,
  title: text(200),
  source: text(500),
  unit: text(80),
  geography: z.enum(GEOGRAPHIES, { message: `must be one of ${GEOGRAPHIES.join(', ')}` }),
  frequency: z.enum(FREQUENCIES, { message: `must be one of ${FREQUENCIES.join(', ')}` }).default('monthly'),
  description: text(4000),
  decimals: z.number().int().min(0).max(4).optional(),
  measures: z.array(MeasureLinkSchema).default([]),
};

const crimeTypes = distinct(crimeType, 'crime type');

const IndicatorEntrySchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...common, kind: z.literal('crime-count'), crimeTypes }),
      z.strictObject({
        ...common,
        kind: z.literal('crime-rate'),
        crimeTypes,
        perPopulation: z.number().int().positive().default(1000),
      }),
      z.strictObject({
        ...common,
        kind: z.literal('outcome-share'),
        crimeTypes,
        outcomeCategories: distinct(outcomeCategory, 'outcome category'),
      }),
      z.strictObject({ ...common, kind: z.literal('series') }),
    ],
    { error: () => `must have a kind: one of ${INDICATOR_KINDS.join(', ')}` },
  )
  .superRefine((entry, ctx) => {
    if ('crimeTypes' in entry && entry.crimeTypes.includes(ANTI_SOCIAL_BEHAVIOUR)) {
      // Anti-social behaviour is not a crime: it is counted as its own series, never inside a crime total.
      if (entry.crimeTypes.length > 1)
        ctx.addIssue({
          code: 'custom',
          path: ['crimeTypes'],
          message: `${ANTI_SOCIAL_BEHAVIOUR} is not a crime and is never added to crimes: list it alone, in an indicator of its own`,
        });
      if (entry.kind === 'outcome-share')
        ctx.addIssue({
          code: 'custom',
          path: ['crimeTypes'],
          message: `${ANTI_SOCIAL_BEHAVIOUR} has no outcomes in police.uk, so it cannot have an outcome share`,
        });
    }
    if (entry.kind === 'series' && entry.geography !== 'force-area')
      ctx.addIssue({
        code: 'custom',
        path: ['geography'],
        message:
          'a series is imported as month,value for the whole force area, so its geography is force-area',
      });
    entry.measures.forEach((link, index) => {
      if (
        entry.measures.findIndex((other) => other.plan === link.plan && other.measure === link.measure) <
        index
      )
        ctx.addIssue({
          code: 'custom',
          path: ['measures', index],
          message: `${link.plan} ${link.measure} is listed twice`,
        });
    });
  });

export const IndicatorFileSchema = z
  .strictObject({
    format: z.literal('peelian-indicators/1', { message: 'must be peelian-indicators/1' }),
    /** The police.uk force area (its slug) whose data the indicators read. */
    forceArea: slug,
    indicators: z.array(IndicatorEntrySchema).min(1, 'must define at least one indicator'),
  })
  .superRefine((file, ctx) => {
    file.indicators.forEach((indicator, index) => {
      if (file.indicators.findIndex((other) => other.slug === indicator.slug) < index)
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'slug'],
          message: `${indicator.slug} is defined twice in this file`,
        });
    });
  });

export type IndicatorFile = z.infer<typeof IndicatorFileSchema>;
export type IndicatorEntry = IndicatorFile['indicators'][number];
