import { z } from 'zod';
import { dateField, optionalText, withDateParts } from '../../../kernel/http/form-fields.ts';
import { optionalFunction } from '../scrutiny-records.schemas.ts';

// The work programme's forms: every message names what to fix.

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

const EntryFields = z.object({
  programme: programmeYear,
  meetsOn: dateField('The date of the meeting'),
  mainFocus: optionalText(300, 'The main focus'),
  function: optionalFunction,
  items: itemLines,
});

/** An entry's date is typed in the GOV.UK date input. */
export const WorkProgrammeEntryFormSchema = withDateParts(['meetsOn'], EntryFields);
export type WorkProgrammeEntryForm = z.infer<typeof WorkProgrammeEntryFormSchema>;

export const NewWorkProgrammeEntryFormSchema = withDateParts(
  ['meetsOn'],
  EntryFields.extend({
    panel: z.string({ message: 'Select the panel' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Select the panel'),
  }),
);
export type NewWorkProgrammeEntryForm = z.infer<typeof NewWorkProgrammeEntryFormSchema>;
