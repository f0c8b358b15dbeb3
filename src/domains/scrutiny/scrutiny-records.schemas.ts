import { z } from 'zod';
import {
  optionalDateField,
  optionalText,
  recordId,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import { ActionJson } from '../recommendations/index.ts';
import { SCRUTINY_FUNCTIONS } from './scrutiny-functions.ts';
import { DECISION_KINDS, GROUP_KINDS, GROUP_ROLES } from './scrutiny-records.tables.ts';

// Form and query schemas for minutes, recommendations and groups: every message names what to fix.

export const MeetingItemParams = z.object({ id: recordId, itemId: recordId });
export const RecordIdParams = z.object({ id: recordId });
export const GroupMemberParams = z.object({ id: recordId, memberId: recordId });

/** A choice from a list of records by id: anything else gets the same plain message. */
export const choiceOf = (message: string) =>
  z.coerce.number({ message }).int(message).positive(message).max(2_147_483_647, message);

export const optionalFunction = z
  .union([z.literal(''), z.enum(SCRUTINY_FUNCTIONS, { message: 'Select a function from the list' })])
  .default('')
  .transform((value) => value || null);

// The ledger entry made from a recommendation of the minutes

/** What the minutes do not say about a recommendation they record, for its entry in the ledger. */
export const LedgerEntryFormSchema = withDateParts(
  ['responseDueOn'],
  z.object({
    topic: optionalText(200, 'The topic'),
    addressee: requiredText(
      200,
      'Enter who the recommendation is for, for example Police and Crime Commissioner',
      'The addressee',
    ),
    responseDueOn: optionalDateField('The response deadline'),
  }),
);
export type LedgerEntryForm = z.infer<typeof LedgerEntryFormSchema>;

// Recommendations the panel and its groups make

export const NewRecommendationFormSchema = withDateParts(
  ['madeOn', 'responseDueOn'],
  z.object({
    meeting: z.coerce
      .number({ message: 'Select the meeting that made or received the recommendation' })
      .int('Select the meeting that made or received the recommendation')
      .positive('Select the meeting that made or received the recommendation')
      .max(2_147_483_647, 'Select the meeting that made or received the recommendation'),
    origin: z.enum(['panel', 'sub-committee', 'task-and-finish-group'], {
      message: 'Select who made the recommendation',
    }),
    group: z
      .union([z.literal(''), recordId], { message: 'Select the group from the list' })
      .default('')
      .transform((value) => (value === '' ? null : value)),
    madeOn: optionalDateField('The date it was made'),
    function: optionalFunction,
    topic: optionalText(200, 'The topic'),
    text: requiredText(20_000, 'Enter the recommendation', 'The recommendation'),
    addressee: requiredText(
      200,
      'Enter who the recommendation is for, for example Police and Crime Commissioner',
      'The addressee',
    ),
    responseDueOn: optionalDateField('The response deadline'),
  }),
);
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

// What the minutes API sends: the OpenAPI document is generated from these.

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
