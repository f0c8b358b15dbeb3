import { z } from 'zod';
import { AUDIENCES, CHANNELS, QUESTION_KINDS } from './engagement.tables.ts';

// Engagement's URLs, survey file, forms and API documents: every message names what to fix.

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const Text = z.string().trim().min(1, 'must not be empty');
const IsoDate = z.iso.date('must be a date as YYYY-MM-DD');
const Code = z.string().regex(SLUG, 'must be lower-case words or numbers joined by dashes, like very-safe');

export const SurveyParams = z.object({ survey: z.string().regex(SLUG, 'survey must be a survey’s slug') });

const OptionFile = z.strictObject({ code: Code, label: Text.max(300) });

const ScaleFile = z.strictObject({
  from: z.int('must be a whole number').min(0, 'must be 0 or more').max(10, 'must be 10 or less'),
  to: z.int('must be a whole number').min(1, 'must be 1 or more').max(10, 'must be 10 or less'),
  fromLabel: Text.max(100),
  toLabel: Text.max(100),
});

export const QuestionFileSchema = z.strictObject({
  code: Code,
  kind: z.enum(QUESTION_KINDS, { message: `must be one of: ${QUESTION_KINDS.join(', ')}` }),
  text: Text.max(500),
  hint: Text.max(1000).optional(),
  required: z.boolean('must be true or false').default(false),
  /** A free-text question asking how to reach the person: refused in a young people's survey. */
  contact: z.boolean('must be true or false').default(false),
  options: z.array(OptionFile).max(40, 'must list at most 40 options').optional(),
  scale: ScaleFile.optional(),
});
export type QuestionFile = z.infer<typeof QuestionFileSchema>;

/** A survey an officer prepares (`format: peelian-survey/1`); loaded whole or not at all. */
export const SurveyFileSchema = z.strictObject({
  format: z.literal('peelian-survey/1', { message: 'must be peelian-survey/1' }),
  body: z.string().regex(SLUG, 'must be the policing body’s slug'),
  slug: z.string().regex(SLUG, 'must be lower-case words joined by dashes'),
  title: Text.max(200),
  summary: Text.max(5000),
  audience: z.enum(AUDIENCES, { message: `must be one of: ${AUDIENCES.join(', ')}` }),
  opensOn: IsoDate,
  closesOn: IsoDate,
  retentionDays: z
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(3650, 'must be 3650 days or fewer'),
  privacyNotice: Text.max(10000),
  publishResults: z.boolean('must be true or false').default(false),
  questions: z
    .array(QuestionFileSchema)
    .min(1, 'must list at least one question')
    .max(100, 'must list at most 100 questions'),
});
export type SurveyFile = z.infer<typeof SurveyFileSchema>;

/** A public response as the form sends it: answers by question (`q-<code>`), the honeypot and the token. */
export const ResponseFormSchema = z
  .object({ website: z.string().default('') })
  .catchall(z.union([z.string(), z.array(z.string())]))
  .transform(({ website, ...body }) => ({
    website,
    answers: Object.fromEntries(
      Object.entries(body)
        .filter(([key]) => key.startsWith('q-'))
        .map(([key, value]) => [key.slice(2), [value].flat()]),
    ) as Record<string, string[]>,
  }));
export type ResponseForm = z.infer<typeof ResponseFormSchema>;

export const ImportFormSchema = z.object({
  csv: z
    .string()
    .trim()
    .min(1, 'Paste the responses as CSV')
    .max(5_000_000, 'The CSV is too long: import it with the command instead'),
});

export const AnalysisQuery = z.object({
  area: z
    .string()
    .regex(/^([EW][0-9]{8})?$/, 'area must be a local authority’s GSS code')
    .optional()
    .transform((area) => area || undefined),
});

// What the API sends: the OpenAPI document is generated from these.

const Cell = z
  .object({
    code: z.string(),
    label: z.string(),
    count: z.int().nullable().meta({ description: 'null when fewer than 10 (suppressed)' }),
    percent: z
      .number()
      .nullable()
      .meta({ description: 'Of those answering the question; null when suppressed' }),
    low: z.number().nullable().meta({ description: 'The 95% Wilson interval’s lower end, in per cent' }),
    high: z.number().nullable().meta({ description: 'The 95% Wilson interval’s upper end, in per cent' }),
  })
  .meta({ id: 'SurveyResultCell' });

export const QuestionResultJson = z
  .object({
    code: z.string(),
    text: z.string(),
    kind: z.enum(QUESTION_KINDS),
    answered: z.int().nullable().meta({ description: 'How many answered; null when fewer than 10' }),
    options: z
      .array(Cell)
      .meta({ description: 'Empty for free text and postcodes, which are never published' }),
  })
  .meta({ id: 'SurveyQuestionResult' });

export const SurveyResultsJson = z
  .object({
    type: z.literal('SurveyResults'),
    slug: z.string(),
    title: z.string(),
    body: z.string(),
    audience: z.enum(AUDIENCES),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    web: z.string(),
    responses: z.int().nullable().meta({ description: 'How many responded; null when fewer than 10' }),
    channels: z.array(z.object({ channel: z.enum(CHANNELS), count: z.int().nullable() })),
    questions: z.array(QuestionResultJson),
  })
  .meta({ id: 'SurveyResults' });

export const SurveySummaryJson = z
  .object({
    slug: z.string(),
    title: z.string(),
    body: z.string(),
    audience: z.enum(AUDIENCES),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    open: z.boolean(),
    web: z.string(),
    results: z.string().nullable().meta({ description: 'The results’ API address, once they are published' }),
  })
  .meta({ id: 'SurveySummary' });
export const SurveyListJson = z.object({ surveys: z.array(SurveySummaryJson) });
