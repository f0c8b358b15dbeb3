import { z } from 'zod';
import {
  dateField,
  optionalText,
  recordId,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import { VOTES, withVotes } from '../precept/index.ts';
import { HEARING_DECISIONS, POSTS, RESPONSES } from './appointments.tables.ts';

// The confirmation hearings' forms and URL parameters: every message names what to fix.

const slug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'body must be an office’s slug');

export const BodyParams = z.object({ body: slug });
export const AppointmentParams = z.object({
  body: slug,
  id: recordId.meta({ description: 'The proposed appointment’s id' }),
});
export type AppointmentTarget = z.infer<typeof AppointmentParams>;

/** The notification of a proposed appointment (Sch 8 para 3(2); Sch 1 para 9): every part the law asks for. */
export const ProposalFormSchema = withDateParts(
  ['notifiedOn'],
  z.object({
    body: z.string({ message: 'Select the office' }).min(1, 'Select the office'),
    post: z.enum(POSTS, { message: 'Select the post' }),
    candidate: requiredText(200, 'Enter the candidate’s name', 'The candidate’s name'),
    notifiedOn: dateField('The date the Panel received the notification'),
    criteria: requiredText(20_000, 'Enter the criteria used to assess the candidate', 'The criteria'),
    suitability: requiredText(
      20_000,
      'Enter why the candidate meets the criteria',
      'Why the candidate meets the criteria',
    ),
    terms: requiredText(
      20_000,
      'Enter the terms and conditions of the appointment',
      'The terms and conditions',
    ),
  }),
);
export type ProposalForm = z.infer<typeof ProposalFormSchema> & { illustrative?: boolean };

/** The Panel's report after its hearing: the meeting, the date, its decision, the vote and the report. */
export const ReportFormSchema = withVotes(
  withDateParts(
    ['reportedOn'],
    z.object({
      meeting: z
        .string({ message: 'Select the meeting that held the confirmation hearing' })
        .regex(/^\d{1,9}$/, 'Select the meeting that held the confirmation hearing')
        .transform(Number),
      reportedOn: dateField('The date of the Panel’s report'),
      decision: z.enum(HEARING_DECISIONS, { message: 'Select what the Panel decided' }),
      summary: optionalText(20_000, 'The report'),
      votes: z.record(
        z.string().regex(/^\d{1,9}$/),
        z.enum(VOTES, { message: 'Select for, against, abstained or absent for each member' }),
      ),
    }),
  ),
);
export type ReportForm = z.infer<typeof ReportFormSchema>;

/** The Commissioner's notice accepting or rejecting the Panel's recommendation (Sch 8 para 7(3)). */
export const ResponseFormSchema = withDateParts(
  ['respondedOn'],
  z.object({
    response: z.enum(RESPONSES, { message: 'Select whether the Commissioner accepted the recommendation' }),
    respondedOn: dateField('The date the Commissioner notified the Panel'),
    summary: optionalText(20_000, 'The response'),
  }),
);
export type ResponseForm = z.infer<typeof ResponseFormSchema>;
