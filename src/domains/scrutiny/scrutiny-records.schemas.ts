import { z } from 'zod';
import { optionalDateField, withDateParts } from '../../kernel/http/form-fields.ts';
import { ActionJson } from '../recommendations/index.ts';
import { SCRUTINY_FUNCTIONS } from './scrutiny-functions.ts';
import { DECISION_KINDS, GROUP_KINDS, GROUP_ROLES } from './scrutiny-records.tables.ts';

// Form and query schemas for minutes, recommendations and groups: every message names what to fix.

const ID = z.coerce.number().int().positive().max(2_147_483_647);

export const MeetingItemParams = z.object({ id: ID, itemId: ID });
/** A decision or action of a minute item, by its position in the item. */
export const MinutePartParams = z.object({ id: ID, itemId: ID, position: ID });
export const RecordIdParams = z.object({ id: ID });
export const GroupMemberParams = z.object({ id: ID, memberId: ID });

const requiredText = (max: number, missing: string, label: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`);

const optionalText = (max: number, label: string) =>
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

const optionalFunction = z
  .union([z.literal(''), z.enum(SCRUTINY_FUNCTIONS, { message: 'Select a function from the list' })])
  .default('')
  .transform((value) => value || null);

// Minutes

export const MinuteItemFormSchema = z.object({
  number: z.coerce
    .number({ message: 'Enter the minute number, as a whole number' })
    .int('Enter the minute number, as a whole number')
    .min(1, 'The minute number must be 1 or more')
    .max(1_000_000, 'The minute number must be 1,000,000 or less'),
  title: requiredText(300, 'Enter the minute’s title', 'Title'),
  text: requiredText(20_000, 'Enter what the minute records', 'The minute'),
  agendaItem: z
    .union([z.literal(''), z.coerce.number().int().positive()], {
      message: 'Select the agenda item from the list',
    })
    .default('')
    .transform((value) => (value === '' ? null : value)),
  exemptParagraph: z
    .enum(['', '1', '2', '3', '4', '5', '6', '7'], { message: 'Select whether the item is public or exempt' })
    .default('')
    .transform((value) => (value ? Number(value) : null)),
});
export type MinuteItemForm = z.infer<typeof MinuteItemFormSchema>;

/** An item's number stays as it is: minute numbers run on, so changing one would break the series. */
export const MinuteItemEditFormSchema = MinuteItemFormSchema.omit({ number: true });
export type MinuteItemEditForm = z.infer<typeof MinuteItemEditFormSchema>;

export const MinuteDecisionFormSchema = z.object({
  kind: z.enum(DECISION_KINDS, { message: 'Select whether the panel resolved, recommended or noted' }),
  text: requiredText(5000, 'Enter the wording of the decision', 'The decision'),
});
export type MinuteDecisionForm = z.infer<typeof MinuteDecisionFormSchema>;

export const ActionFormSchema = z.object({
  text: requiredText(2000, 'Enter what is to be done', 'The action'),
  owner: requiredText(200, 'Enter who is to do it, for example Chief Constable', 'The owner'),
  dueOn: optionalDate('the due date'),
});
export type ActionForm = z.infer<typeof ActionFormSchema>;

/** Following up an action: when it is due, and the day it was done (empty while it is not). */
export const ActionProgressFormSchema = z.object({
  dueOn: optionalDate('the due date'),
  doneOn: optionalDate('the date it was done'),
});
export type ActionProgressForm = z.infer<typeof ActionProgressFormSchema>;

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

export const ApprovalFormSchema = z.object({
  approvingMeeting: z.coerce
    .number({ message: 'Select the meeting that approved the minutes' })
    .int('Select the meeting that approved the minutes')
    .positive('Select the meeting that approved the minutes')
    .max(2_147_483_647, 'Select the meeting that approved the minutes'),
});
export type ApprovalForm = z.infer<typeof ApprovalFormSchema>;

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
      .union([z.literal(''), ID], { message: 'Select the group from the list' })
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

// Work programme

/** "2016/17": two years in a row, as panels name their programmes. */
const programmeYear = z
  .string({ message: 'Enter the programme year, for example 2016/17' })
  .trim()
  // Each check stops the next, so one mistake gives one message.
  .min(1, { message: 'Enter the programme year, for example 2016/17', abort: true })
  .regex(/^\d{4}\/\d{2}$/, {
    message: 'Enter the programme year as two years, for example 2016/17',
    abort: true,
  })
  .refine(
    (value) => (Number(value.slice(0, 4)) + 1) % 100 === Number(value.slice(5)),
    'Enter the programme year as two years in a row, for example 2016/17',
  );

/** The other items, one a line; blank lines are left out. */
const itemLines = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  )
  .refine((lines) => lines.every((line) => line.length <= 300), 'Each item must be 300 characters or fewer')
  .refine((lines) => lines.length <= 30, 'List 30 items or fewer');

export const WorkProgrammeEntryFormSchema = z.object({
  programme: programmeYear,
  meetsOn: requiredDate('Enter the date of the meeting'),
  mainFocus: optionalText(300, 'The main focus'),
  function: optionalFunction,
  items: itemLines,
});
export type WorkProgrammeEntryForm = z.infer<typeof WorkProgrammeEntryFormSchema>;

export const NewWorkProgrammeEntryFormSchema = WorkProgrammeEntryFormSchema.extend({
  panel: z.string({ message: 'Select the panel' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Select the panel'),
});
export type NewWorkProgrammeEntryForm = z.infer<typeof NewWorkProgrammeEntryFormSchema>;

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
