import { z } from 'zod';
import {
  dateField,
  optionalText,
  recordId,
  timeField,
  withDateParts,
} from '../../kernel/http/form-fields.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const MeetingIdParams = z.object({ id: recordId });

const MeetingFields = z.object({
  panel: z.string({ message: 'Select who holds the meeting' }).regex(SLUG, 'Select who holds the meeting'),
  title: z
    .string()
    .trim()
    .min(1, 'Enter the meeting’s title')
    .max(300, 'Title must be 300 characters or fewer'),
  // The GOV.UK date input's three boxes, or an ISO date from JSON; a time as people write it ("11am").
  date: dateField('The date of the meeting'),
  time: timeField('The start time'),
  // Optional: when the meeting is expected to end, on the same day; empty where nobody has said.
  // (An empty box is no answer, so a mistyped time gets the time field's own message, not a union's.)
  endTime: z
    .preprocess(
      (value) => (value == null || String(value).trim() === '' ? undefined : value),
      timeField('The end time').optional(),
    )
    .transform((value) => value ?? null),
  venue: z.string().trim().min(1, 'Enter the venue').max(500, 'Venue must be 500 characters or fewer'),
});

/** A new meeting, for the body chosen as `panel` (the field's name since meetings were only panels'). */
export const MeetingFormSchema = withDateParts(['date'], MeetingFields);
/** What a form, the API or a caller in code gives: the end time may be left out (unknown). */
type EndTimeOptional<Form> = Omit<Form, 'endTime'> & { endTime?: string | null };
export type MeetingForm = EndTimeOptional<z.infer<typeof MeetingFormSchema>>;

/** A meeting's details as the officer corrects them; the body it belongs to does not change. */
export const MeetingEditFormSchema = withDateParts(['date'], MeetingFields.omit({ panel: true }));
export type MeetingEditForm = EndTimeOptional<z.infer<typeof MeetingEditFormSchema>>;

export const AgendaItemFormSchema = z.object({
  position: z.coerce
    .number({ message: 'Enter the item’s number on the agenda, as a whole number' })
    .int('Enter the item’s number on the agenda, as a whole number')
    .min(1, 'The item’s number must be 1 or more')
    .max(500, 'The item’s number must be 500 or less'),
  slotTime: z
    .union([z.literal(''), timeField('The time slot')])
    .default('')
    .transform((value) => value || null),
  title: z.string().trim().min(1, 'Enter the item’s title').max(300, 'Title must be 300 characters or fewer'),
  purpose: optionalText(2000, 'Purpose'),
  lead: optionalText(200, 'Lead'),
  exemptParagraph: z
    .enum(['', '1', '2', '3', '4', '5', '6', '7'], { message: 'Select whether the item is public or exempt' })
    .default('')
    .transform((value) => (value ? Number(value) : null)),
});
export type AgendaItemForm = z.infer<typeof AgendaItemFormSchema>;
