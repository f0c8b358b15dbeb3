import { z } from 'zod';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .default('')
    .transform((value) => value || null);

export const MeetingIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const MeetingFormSchema = z.object({
  panel: z.string({ message: 'Select the panel' }).regex(SLUG, 'Select the panel'),
  title: z
    .string()
    .trim()
    .min(1, 'Enter the meeting’s title')
    .max(300, 'Title must be 300 characters or fewer'),
  date: z.iso.date({ message: 'Enter the date of the meeting as YYYY-MM-DD' }),
  time: z.string().trim().regex(TIME, 'Enter the start time as HH:MM, for example 11:00'),
  venue: z.string().trim().min(1, 'Enter the venue').max(500, 'Venue must be 500 characters or fewer'),
});
export type MeetingForm = z.infer<typeof MeetingFormSchema>;

/** A meeting's details as the officer corrects them; the panel it belongs to does not change. */
export const MeetingEditFormSchema = MeetingFormSchema.omit({ panel: true });
export type MeetingEditForm = z.infer<typeof MeetingEditFormSchema>;

export const AgendaItemFormSchema = z.object({
  position: z.coerce
    .number({ message: 'Enter the item’s number on the agenda, as a whole number' })
    .int('Enter the item’s number on the agenda, as a whole number')
    .min(1, 'The item’s number must be 1 or more')
    .max(500, 'The item’s number must be 500 or less'),
  slotTime: z
    .union([z.literal(''), z.string().trim().regex(TIME, 'Enter the time slot as HH:MM, for example 11:05')])
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
