import { z } from 'zod';
import {
  optionalDateField,
  recordId,
  requiredText,
  withDateParts,
} from '../../../kernel/http/form-fields.ts';
import { choiceOf } from '../scrutiny-records.schemas.ts';
import { DECISION_KINDS } from '../scrutiny-records.tables.ts';

// The minutes' forms: every message names what to fix.

/** A decision or action of a minute item, by its position in the item. */
export const MinutePartParams = z.object({ id: recordId, itemId: recordId, position: recordId });

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

const dueOn = optionalDateField('The due date');

/** An action the minutes set, its due date typed in the GOV.UK date input. */
export const MinuteActionFormSchema = withDateParts(
  ['dueOn'],
  z.object({
    text: requiredText(2000, 'Enter what is to be done', 'The action'),
    owner: requiredText(200, 'Enter who is to do it, for example Chief Constable', 'The owner'),
    dueOn,
  }),
);
export type ActionForm = z.infer<typeof MinuteActionFormSchema>;

/** Following up an action: when it is due, and the day it was done (empty while it is not). */
export const ActionProgressFormSchema = withDateParts(
  ['dueOn', 'doneOn'],
  z.object({ dueOn, doneOn: optionalDateField('The date it was done') }),
);
export type ActionProgressForm = z.infer<typeof ActionProgressFormSchema>;

export const ApprovalFormSchema = z.object({
  approvingMeeting: choiceOf('Select the meeting that approved the minutes'),
});
export type ApprovalForm = z.infer<typeof ApprovalFormSchema>;
