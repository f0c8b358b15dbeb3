import { z } from 'zod';
import { dateField, recordId, withDateParts } from '../../../kernel/http/form-fields.ts';
import { MeetingIdParams } from '../scrutiny.schemas.ts';
import { DECLARATION_KINDS, INTEREST_CATEGORIES, PARTICIPATIONS } from '../scrutiny-interests.tables.ts';
import { choiceOf } from '../scrutiny-records.schemas.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const PanelParams = z.object({ slug: z.string().regex(SLUG, 'There is no such panel') });
export const InterestIdParams = PanelParams.extend({ interestId: recordId });
export const DeclarationIdParams = MeetingIdParams.extend({ declarationId: recordId });

const description = (label: string) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(2000, 'Description must be 2000 characters or fewer');

/** An interest on the register; the date it was registered is typed in the GOV.UK date input. */
export const InterestFormSchema = withDateParts(
  ['registeredOn'],
  z.object({
    member: choiceOf('Select the member'),
    category: z.enum(INTEREST_CATEGORIES, { message: 'Select the kind of interest' }),
    description: description('a description of the interest'),
    // A checkbox: present ('yes') when ticked, absent otherwise.
    sensitive: z
      .literal(['yes', ''], { message: 'Tick the box only for a sensitive interest' })
      .default('')
      .transform((value) => value === 'yes'),
    registeredOn: dateField('The date the interest was registered'),
  }),
);
export type InterestForm = z.infer<typeof InterestFormSchema>;

export const DeclarationFormSchema = z.object({
  member: choiceOf('Select the member'),
  agendaItem: z
    .union([z.literal(''), recordId], { message: 'Select the agenda item, or the meeting as a whole' })
    .default('')
    .transform((value) => (value === '' ? null : value)),
  kind: z.enum(DECLARATION_KINDS, { message: 'Select the kind of interest declared' }),
  description: description('what the member declared'),
  participation: z.enum(PARTICIPATIONS, { message: 'Select whether the member took part in the item' }),
});
export type DeclarationForm = z.infer<typeof DeclarationFormSchema>;
