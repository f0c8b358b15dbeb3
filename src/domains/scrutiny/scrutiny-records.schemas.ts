import { z } from 'zod';
import { SCRUTINY_FUNCTIONS } from './scrutiny-functions.ts';
import {
  DECISION_KINDS,
  GROUP_KINDS,
  GROUP_ROLES,
  OUTCOME_KINDS,
  RECOMMENDATION_ORIGINS,
  RESPONSE_KINDS,
} from './scrutiny-records.tables.ts';

// Form and query schemas for minutes, recommendations and groups: every message names what to fix.

const ID = z.coerce.number().int().positive().max(2_147_483_647);

export const MeetingItemParams = z.object({ id: ID, itemId: ID });
export const RecordIdParams = z.object({ id: ID });
export const GroupMemberParams = z.object({ id: ID, memberId: ID });

/** A choice from a list of records by id: anything else gets the same plain message. */
export const choiceOf = (message: string) =>
  z.coerce.number({ message }).int(message).positive(message).max(2_147_483_647, message);

export const requiredText = (max: number, missing: string, label: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`);

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .default('')
    .transform((value) => value || null);

const requiredDate = (missing: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .pipe(z.iso.date({ message: `${missing} as YYYY-MM-DD, for example 2017-02-03` }));

const optionalDate = (label: string) =>
  z
    .union([z.literal(''), z.iso.date({ message: `Enter ${label} as YYYY-MM-DD, for example 2017-02-03` })])
    .default('')
    .transform((value) => value || null);

export const optionalFunction = z
  .union([z.literal(''), z.enum(SCRUTINY_FUNCTIONS, { message: 'Select a function from the list' })])
  .default('')
  .transform((value) => value || null);

// Actions (of minutes and of recommendations) and the ledger entry made from a minute

export const ActionFormSchema = z.object({
  text: requiredText(2000, 'Enter what is to be done', 'The action'),
  owner: requiredText(200, 'Enter who is to do it, for example Chief Constable', 'The owner'),
  dueOn: optionalDate('the due date'),
});
export type ActionForm = z.infer<typeof ActionFormSchema>;

/** What the minutes do not say about a recommendation they record, for its entry in the ledger. */
export const LedgerEntryFormSchema = z.object({
  topic: optionalText(200, 'The topic'),
  addressee: requiredText(
    200,
    'Enter who the recommendation is for, for example Police and Crime Commissioner',
    'The addressee',
  ),
  responseDueOn: optionalDate('the response deadline'),
});
export type LedgerEntryForm = z.infer<typeof LedgerEntryFormSchema>;

// Recommendations

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

export const ResponseFormSchema = z.object({
  response: z.enum(RESPONSE_KINDS, {
    message: 'Select whether the recommendation was accepted, partly accepted or not accepted',
  }),
  responseText: requiredText(20_000, 'Enter the response', 'The response'),
  respondedOn: requiredDate('Enter the date of the response'),
});
export type ResponseForm = z.infer<typeof ResponseFormSchema>;

export const ProgressFormSchema = z.object({
  reportedOn: requiredDate('Enter the date of the update'),
  text: requiredText(20_000, 'Enter the progress update', 'The update'),
});
export type ProgressForm = z.infer<typeof ProgressFormSchema>;

export const OutcomeFormSchema = z.object({
  outcome: z.enum(OUTCOME_KINDS, { message: 'Select the outcome' }),
  outcomeText: optionalText(20_000, 'The outcome'),
  outcomeOn: requiredDate('Enter the date of the outcome'),
});
export type OutcomeForm = z.infer<typeof OutcomeFormSchema>;

export const NewRecommendationFormSchema = z.object({
  meeting: z.coerce
    .number({ message: 'Select the meeting that made or received the recommendation' })
    .int('Select the meeting that made or received the recommendation')
    .positive('Select the meeting that made or received the recommendation')
    .max(2_147_483_647, 'Select the meeting that made or received the recommendation'),
  origin: z.enum(['panel', 'sub-committee', 'task-and-finish-group'], {
    message: 'Select who made the recommendation',
  }),
  group: z
    .union([z.literal(''), ID], { message: 'Select the group from the list' })
    .default('')
    .transform((value) => (value === '' ? null : value)),
  madeOn: optionalDate('the date it was made'),
  function: optionalFunction,
  topic: optionalText(200, 'The topic'),
  text: requiredText(20_000, 'Enter the recommendation', 'The recommendation'),
  addressee: requiredText(
    200,
    'Enter who the recommendation is for, for example Police and Crime Commissioner',
    'The addressee',
  ),
  responseDueOn: optionalDate('the response deadline'),
});
export type NewRecommendationForm = z.infer<typeof NewRecommendationFormSchema>;

// Groups

const functionList = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.enum(SCRUTINY_FUNCTIONS, { message: 'Select functions from the list' })));

export const GroupFormSchema = z.object({
  panel: z.string({ message: 'Select the panel' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Select the panel'),
  name: requiredText(200, 'Enter the group’s name', 'Name'),
  kind: z.enum(GROUP_KINDS, { message: 'Select whether it is a sub-committee or a task-and-finish group' }),
  termsOfReference: requiredText(20_000, 'Enter the terms of reference', 'The terms of reference'),
  delegated: functionList,
  advisory: functionList,
});
export type GroupForm = z.infer<typeof GroupFormSchema>;

export const GroupMemberFormSchema = z.object({
  member: z.coerce
    .number({ message: 'Select a member of the panel' })
    .int('Select a member of the panel')
    .positive('Select a member of the panel')
    .max(2_147_483_647, 'Select a member of the panel'),
  role: z.enum(GROUP_ROLES, { message: 'Select whether they chair the group or are a member' }),
});
export type GroupMemberForm = z.infer<typeof GroupMemberFormSchema>;

// What the minutes and recommendations API sends: the OpenAPI document is generated from these.

const TextOn = (kinds: readonly [string, ...string[]]) =>
  z.object({ kind: z.enum(kinds), text: z.string().nullable(), date: z.iso.date().nullable() });

const ActionJson = z.object({
  text: z.string(),
  owner: z.string().nullable(),
  due: z.iso.date().nullable(),
  done: z.iso.date().nullable(),
});

export const MinutesJson = z
  .object({
    meeting: z.object({ id: z.int(), url: z.string(), start: z.string() }),
    state: z.enum(['none', 'draft', 'approved']),
    approvedAt: z
      .object({ meeting: z.int(), start: z.string() })
      .nullable()
      .meta({ description: 'The meeting that approved the minutes' }),
    items: z.array(
      z.object({
        number: z.int(),
        title: z.string(),
        text: z.string().nullable(),
        public: z.boolean(),
        exemptReason: z.string().nullable(),
        decisions: z.array(z.object({ kind: z.enum(DECISION_KINDS), text: z.string() })),
        actions: z.array(ActionJson),
      }),
    ),
  })
  .meta({ id: 'Minutes' });

export const RecommendationJson = z
  .object({
    id: z.int(),
    type: z.literal('Recommendation'),
    reference: z.string(),
    url: z.string(),
    web: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    origin: z.enum(RECOMMENDATION_ORIGINS),
    group: z.object({ id: z.int(), name: z.string().nullable() }).nullable(),
    meeting: z.object({ id: z.int(), url: z.string() }).nullable(),
    minute: z.int().nullable(),
    sourceTitle: z.string().nullable(),
    madeOn: z.iso.date().nullable(),
    function: z.enum(SCRUTINY_FUNCTIONS).nullable(),
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
