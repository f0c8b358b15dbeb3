import { z } from 'zod';
import {
  dateField,
  optionalDateField,
  optionalText,
  recordId,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import { KINDS, NOT_RECORDED_GROUNDS, OUTCOMES, RECORDINGS, SUBJECTS } from './complaints.tables.ts';

// The complaints' forms and URL parameters: every message names what to fix.

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'panel must be a Panel’s slug');

export const PanelParams = z.object({ panel: slug });
export const CaseParams = z.object({ panel: slug, id: recordId.meta({ description: 'The case’s id' }) });
export type CaseTarget = z.infer<typeof CaseParams>;

/** A choice the form may leave unmade: blank is null. */
const optionalChoice = <const Values extends readonly [string, ...string[]]>(
  values: Values,
  message: string,
) =>
  z
    .union([z.literal(''), z.enum(values)], { message })
    .default('')
    .transform((value) => (value === '' ? null : value));

export const CASE_STATES = ['open', 'overdue', 'closed'] as const;

/** The register's filters, from the query string; each may be left out. */
export const CaseFiltersSchema = z.object({
  year: z
    .string()
    .regex(/^(\d{4}-\d{2})?$/, 'year must be a financial year such as 2025-26')
    .default('')
    .transform((value) => value || null),
  state: optionalChoice(CASE_STATES, 'state must be open, overdue or closed'),
  subject: optionalChoice(SUBJECTS, 'subject must be commissioner or deputy-commissioner'),
});
export type CaseFilters = z.infer<typeof CaseFiltersSchema>;

/**
 * A case as the officer enters it, and later completes it: one form, saved whole or not at all. The
 * complainant's details are only what the Panel needs to reply (a name, one way to reach them); a complaint
 * may be anonymous (reg 15(3)(d)).
 */
export const CaseFormSchema = withDateParts(
  ['receivedOn', 'incidentOn', 'recordingDecidedOn', 'referredOn', 'outcomeOn'],
  z.object({
    kind: z.enum(KINDS, { message: 'Select whether this is a complaint or a conduct matter' }),
    subject: z.enum(SUBJECTS, { message: 'Select whose conduct it is about' }),
    complainantName: optionalText(200, 'The complainant’s name'),
    complainantContact: optionalText(500, 'The complainant’s contact details'),
    summary: requiredText(20_000, 'Enter a summary of the complaint', 'The summary'),
    receivedOn: dateField('The date the Panel received it'),
    incidentOn: optionalDateField('The date of the latest incident'),
    serious: z
      .enum(['yes', 'no'], { message: 'Select whether it alleges a criminal offence' })
      .transform((value) => value === 'yes'),
    recording: z.enum(RECORDINGS, { message: 'Select whether the complaint was recorded' }),
    recordingDecidedOn: optionalDateField('The date of the recording decision'),
    notRecordedGrounds: optionalChoice(NOT_RECORDED_GROUNDS, 'Select the grounds for not recording'),
    notRecordedNote: optionalText(5_000, 'The note on not recording'),
    referredOn: optionalDateField('The date it was referred to the IOPC'),
    outcome: optionalChoice(OUTCOMES, 'Select the outcome'),
    outcomeOn: optionalDateField('The date of the outcome'),
    outcomeNote: optionalText(20_000, 'The note on the outcome'),
  }),
);
export type CaseForm = z.infer<typeof CaseFormSchema>;

/** A whole number of the command line's option, the message naming the option and its range. */
const wholeNumber = (option: string, min: number, max: number) =>
  z.coerce
    .number({ message: `--${option} must be a whole number from ${min} to ${max}` })
    .int(`--${option} must be a whole number from ${min} to ${max}`)
    .min(min, `--${option} must be a whole number from ${min} to ${max}`)
    .max(max, `--${option} must be a whole number from ${min} to ${max}`);

/** A Panel's timescales, as the command line sets them. */
export const TimescalesSchema = z.object({
  recordingDays: wholeNumber('recording-days', 1, 365),
  referralDays: wholeNumber('referral-days', 0, 365),
  resolutionDays: wholeNumber('resolution-days', 1, 730),
  retentionYears: wholeNumber('retention-years', 1, 100),
});
