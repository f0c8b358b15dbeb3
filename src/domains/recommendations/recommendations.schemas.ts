import { z } from 'zod';
import {
  dateField,
  optionalDateField,
  optionalText,
  recordId,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import { OUTCOME_KINDS, RECOMMENDATION_ORIGINS, RESPONSE_KINDS } from './recommendations.tables.ts';

// The ledger's forms, filters and API documents: every message names what to fix.

export const RecommendationIdParams = z.object({ id: recordId });

export const RECOMMENDATION_STATUSES = [
  'awaiting-response',
  'response-overdue',
  'no-deadline-set',
  'responded',
  'in-progress',
  'implemented',
  'closed',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** The ledger's filters, from a query string: anything unknown is refused, naming the parameter. */
export const RecommendationFilterSchema = z.object({
  status: z
    .enum(['', ...RECOMMENDATION_STATUSES], {
      message: `status must be one of: ${RECOMMENDATION_STATUSES.join(', ')}`,
    })
    .default('')
    .transform((value) => value || null)
    .meta({
      description:
        'awaiting-response: no response yet, deadline not passed or none set; response-overdue: no response and the deadline passed; responded: a response, nothing done on it yet; in-progress: a response with actions or progress updates; implemented; closed: any other outcome',
    }),
  origin: z
    .enum(['', ...RECOMMENDATION_ORIGINS], {
      message: `origin must be one of: ${RECOMMENDATION_ORIGINS.join(', ')}`,
    })
    .default('')
    .transform((value) => value || null),
  overdue: z
    .enum(['', 'yes', 'no', 'true', 'false'], { message: 'overdue must be yes or no' })
    .default('')
    .transform((value) => (value === '' ? null : value === 'yes' || value === 'true'))
    .meta({
      description:
        'yes: a response past its deadline, or an action past its due date and not done, on a recommendation without an outcome (London dates)',
    }),
});
export type RecommendationFilter = z.infer<typeof RecommendationFilterSchema>;

// Dates are typed in the GOV.UK date input; an ISO date string (from JSON, or a test) is taken as well.

export const ResponseFormSchema = withDateParts(
  ['respondedOn'],
  z.object({
    response: z.enum(RESPONSE_KINDS, {
      message: 'Select whether the recommendation was accepted, partly accepted or not accepted',
    }),
    responseText: requiredText(20_000, 'Enter the response', 'The response'),
    respondedOn: dateField('The date of the response'),
  }),
);
export type ResponseForm = z.infer<typeof ResponseFormSchema>;

export const ProgressFormSchema = withDateParts(
  ['reportedOn'],
  z.object({
    reportedOn: dateField('The date of the update'),
    text: requiredText(20_000, 'Enter the progress update', 'The update'),
  }),
);
export type ProgressForm = z.infer<typeof ProgressFormSchema>;

export const ActionFormSchema = withDateParts(
  ['dueOn'],
  z.object({
    text: requiredText(2000, 'Enter what is to be done', 'The action'),
    owner: requiredText(200, 'Enter who is to do it, for example Chief Constable', 'The owner'),
    dueOn: optionalDateField('The due date'),
  }),
);
export type ActionForm = z.infer<typeof ActionFormSchema>;

export const OutcomeFormSchema = withDateParts(
  ['outcomeOn'],
  z.object({
    outcome: z.enum(OUTCOME_KINDS, { message: 'Select the outcome' }),
    outcomeText: optionalText(20_000, 'The outcome'),
    outcomeOn: dateField('The date of the outcome'),
  }),
);
export type OutcomeForm = z.infer<typeof OutcomeFormSchema>;

// What the API sends: the OpenAPI document is generated from these.

const TextOn = (kinds: readonly [string, ...string[]]) =>
  z.object({ kind: z.enum(kinds), text: z.string().nullable(), date: z.iso.date().nullable() });

export const ActionJson = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  due: z.iso.date().nullable(),
  done: z.iso.date().nullable(),
});

export const RecommendationJson = z
  .object({
    id: z.int(),
    type: z.literal('Recommendation'),
    reference: z.string(),
    url: z.string(),
    web: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    origin: z.enum(RECOMMENDATION_ORIGINS),
    originUrl: z.string().nullable().meta({ description: 'A link to where the recommendation came from' }),
    group: z.object({ id: z.int(), name: z.string().nullable() }).nullable(),
    meeting: z.object({ id: z.int(), url: z.string() }).nullable(),
    minute: z.int().nullable(),
    sourceTitle: z.string().nullable(),
    madeOn: z.iso.date().nullable(),
    function: z
      .string()
      .nullable()
      .meta({ description: 'The function of the body it serves, as its origin names it' }),
    topic: z.string().nullable(),
    text: z.string(),
    addressee: z.string(),
    responseDue: z.iso.date().nullable(),
    response: TextOn(RESPONSE_KINDS).nullable(),
    actions: z.array(ActionJson),
    progress: z.array(z.object({ date: z.iso.date(), text: z.string() })),
    outcome: TextOn(OUTCOME_KINDS).nullable(),
    status: z.enum(RECOMMENDATION_STATUSES),
    overdue: z.boolean(),
  })
  .meta({ id: 'Recommendation' });

export const RecommendationListJson = z.object({ recommendations: z.array(RecommendationJson) });

/** Which body's impact, and for which year (the year each recommendation was made); both default to the latest. */
export const ImpactQuerySchema = z.object({
  body: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a body slug')
    .optional()
    .meta({ description: 'The body whose recommendations to show, by slug; the first with any if omitted' }),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .meta({ description: 'The year the recommendations were made; the latest with any if omitted' }),
});
export type ImpactQuery = z.infer<typeof ImpactQuerySchema>;

const ImpactCounts = (kinds: readonly string[]) =>
  z.object(Object.fromEntries(kinds.map((k) => [k, z.int()])));

export const ImpactJson = z
  .object({
    body: z.object({ slug: z.string(), name: z.string() }).nullable(),
    year: z.int().nullable(),
    counts: z.object({
      response: ImpactCounts([...RESPONSE_KINDS, 'awaiting']),
      outcome: ImpactCounts([...OUTCOME_KINDS, 'open']),
    }),
    recommendations: z.array(
      z.object({
        reference: z.string(),
        web: z.string(),
        madeOn: z.iso.date(),
        text: z.string(),
        response: TextOn(RESPONSE_KINDS).nullable(),
        outcome: TextOn(OUTCOME_KINDS).nullable(),
        measures: z.array(
          z.object({
            plan: z.string(),
            code: z.string(),
            text: z.string(),
            judgement: z
              .string()
              .nullable()
              .meta({ description: 'The scorecard’s judgement today; null when not in the plan in force' }),
            url: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'RecommendationImpact' });
