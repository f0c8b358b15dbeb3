import { z } from 'zod';
import { parseFinancialYear } from '../../kernel/calendar/index.ts';
import { dateField, optionalText, withDateParts } from '../../kernel/http/form-fields.ts';
import { withVotes } from './panel-vote.ts';
import { limitField, optionalPenceField, penceField, taxBaseField } from './precept.money.ts';
import { PANEL_DECISIONS, VETO_REASONS, VOTES } from './precept.tables.ts';

// The precept's forms and URL parameters: every message names what to fix.

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'body must be an office’s slug');

/** A financial year label, e.g. 2025-26, as the year it begins. */
const financialYear = (message: string) =>
  z
    .string({ message })
    .trim()
    .transform((value, context) => {
      try {
        return parseFinancialYear(value).startYear;
      } catch {
        context.issues.push({ code: 'custom', message, input: value });
        return z.NEVER;
      }
    });

export const BodyParams = z.object({ body: slug });
export const YearParams = z.object({
  body: slug,
  year: financialYear('year must be a financial year, like 2025-26'),
});
export type YearTarget = z.infer<typeof YearParams>;

/** The proposal, which starts the year: the Commissioner's office, the year, its figures and the date. */
export const ProposalFormSchema = withDateParts(
  ['proposedOn'],
  z.object({
    body: z.string({ message: 'Select the office' }).min(1, 'Select the office'),
    year: financialYear('Enter the financial year the precept is for, like 2025-26'),
    proposed: penceField('the proposed Band D precept'),
    proposedOn: dateField('The date the Panel was notified'),
    previous: optionalPenceField('last year’s Band D precept'),
    referendumLimit: limitField('the referendum limit'),
    taxBase: taxBaseField,
  }),
);
export type ProposalForm = z.infer<typeof ProposalFormSchema> & { illustrative?: boolean };

/** The Panel's report on the proposed precept: its meeting, decision, the reason for a veto and the vote. */
export const ReportFormSchema = withVotes(
  withDateParts(
    ['reportedOn'],
    z.object({
      meeting: z
        .string()
        .regex(/^(\d{1,9})?$/, 'Select the Panel’s meeting')
        .default('')
        .transform((value) => (value ? Number(value) : null)),
      reportedOn: dateField('The date of the Panel’s report'),
      decision: z.enum(PANEL_DECISIONS, { message: 'Select what the Panel decided' }),
      vetoReason: z
        .enum(['', ...VETO_REASONS], { message: 'Select why the Panel vetoed the precept' })
        .default('')
        .transform((value) => value || null),
      summary: optionalText(20_000, 'The report'),
      votes: z.record(
        z.string().regex(/^\d{1,9}$/),
        z.enum(VOTES, { message: 'Select for, against, abstained or absent for each member' }),
      ),
    }),
  ),
);
export type ReportForm = z.infer<typeof ReportFormSchema>;

/** The Commissioner's response to the Panel's report; after a veto, with the revised precept. */
export const ResponseFormSchema = withDateParts(
  ['respondedOn'],
  z.object({
    revised: optionalPenceField('the revised Band D precept'),
    respondedOn: dateField('The date of the response'),
    summary: optionalText(20_000, 'The response'),
  }),
);
export type ResponseForm = z.infer<typeof ResponseFormSchema>;

/** The Panel's report on the revised precept (no second veto). */
export const RevisedReportFormSchema = withDateParts(
  ['reportedOn'],
  z.object({
    reportedOn: dateField('The date of the Panel’s report on the revised precept'),
    summary: optionalText(20_000, 'The report'),
  }),
);
export type RevisedReportForm = z.infer<typeof RevisedReportFormSchema>;

/** The precept issued for the year. */
export const IssueFormSchema = withDateParts(
  ['issuedOn'],
  z.object({
    final: penceField('the Band D precept issued'),
    issuedOn: dateField('The date the precept was issued'),
  }),
);
export type IssueForm = z.infer<typeof IssueFormSchema>;
