import { z } from 'zod';
import { optionalText, recordId, requiredText } from '../../kernel/http/form-fields.ts';
import { penceField } from '../precept/index.ts';
import { MODERATIONS, ORGANISATION_TYPES } from './grants.tables.ts';

// Grants' forms, URL parameters and API documents: every message names what to fix.

export const IdParams = z.object({ id: recordId.meta({ description: 'The record’s id' }) });

/** The question pages of an application, in the order they are asked: one thing per page. */
export const QUESTIONS = ['project', 'purpose', 'amount', 'contact'] as const;
export type Question = (typeof QUESTIONS)[number];
export const QuestionParams = IdParams.extend({
  question: z.enum(QUESTIONS, { message: `question must be one of: ${QUESTIONS.join(', ')}` }),
});

const upperOrBlank = (max: number, label: string) =>
  optionalText(max, label).transform((value) => value?.replaceAll(' ', '').toUpperCase() ?? null);

export const OrganisationFormSchema = z.object({
  type: z.enum(ORGANISATION_TYPES, { message: 'Select the type of organisation' }),
  charityNumber: upperOrBlank(20, 'The charity number').pipe(
    z
      .string()
      .regex(/^[0-9]{6,8}(-[0-9]{1,3})?$/, 'The charity number must be 6 to 8 digits, like 1123456')
      .nullable(),
  ),
  companyNumber: upperOrBlank(20, 'The company number').pipe(
    z
      .string()
      .regex(/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, 'The company number must be 8 characters, like 01234567')
      .nullable(),
  ),
  localAuthorityCode: upperOrBlank(20, 'The GSS code').pipe(
    z
      .string()
      .regex(/^[EWSN][0-9]{8}$/, 'The GSS code must be like E06000038')
      .nullable(),
  ),
});
export type OrganisationForm = z.infer<typeof OrganisationFormSchema>;

export const StartFormSchema = z.object({
  fund: z.string().regex(/^[a-z0-9-]{1,100}$/, 'Select a fund'),
  round: z.string({ message: 'Select a round' }).min(1, 'Select a round').max(200),
});
export type StartForm = z.infer<typeof StartFormSchema>;

/** Each question page's one field. */
export const QUESTION_SCHEMAS = {
  project: z.object({ project: requiredText(200, 'Enter the name of your project', 'The project’s name') }),
  purpose: z.object({
    purpose: requiredText(5000, 'Enter what the money is for', 'What the money is for'),
  }),
  amount: z.object({ amount: penceField('the amount you are asking for') }),
  contact: z.object({
    contactName: requiredText(200, 'Enter the name of the person to contact', 'The name'),
  }),
} as const;
export const AnswerFormSchema = z.record(z.string(), z.unknown());

export const DeclarationFormSchema = z.object({
  conflicted: z.enum(['yes', 'no'], { message: 'Select whether you have a conflict of interest' }),
  note: optionalText(2000, 'The note'),
});
export type DeclarationForm = z.infer<typeof DeclarationFormSchema>;

/** Scores arrive as `score-1`, `score-2`… for the round's criteria in order; the service checks them. */
export const ScoreFormSchema = z.record(z.string(), z.string());

export const ModerationFormSchema = z
  .object({
    moderation: z.enum(MODERATIONS, { message: 'Select whether you agree with the scores' }),
    note: optionalText(2000, 'The note'),
  })
  .catchall(z.string());
export type ModerationForm = z.infer<typeof ModerationFormSchema>;

export const DecisionFormSchema = z.object({
  decision: z.enum(['approve', 'reject'], { message: 'Select approve or reject' }),
  reason: requiredText(5000, 'Enter the reason for the decision', 'The reason'),
});
export type DecisionForm = z.infer<typeof DecisionFormSchema>;

export const AwardFormSchema = z.object({
  amount: penceField('the amount awarded'),
  conditions: requiredText(10_000, 'Enter the conditions of the award', 'The conditions'),
  instalments: requiredText(5000, 'Enter at least one instalment', 'The payment schedule'),
});
export type AwardForm = z.infer<typeof AwardFormSchema>;

// The API's documents.

export const AwardJson = z.object({
  id: z.int(),
  recipient: z.object({
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    localAuthorityCode: z.string().nullable(),
  }),
  fund: z.object({ slug: z.string(), name: z.string() }),
  financialYear: z.string(),
  amountPence: z.int(),
  awardedOn: z.iso.date(),
  purpose: z.string(),
  illustrative: z.boolean(),
});
export const AwardListJson = z.object({ awards: z.array(AwardJson) });

export const ApplicationJson = z.object({
  id: z.int(),
  organisation: z.string(),
  fund: z.object({ slug: z.string(), name: z.string() }),
  round: z.string(),
  state: z.enum(['submitted', 'approved', 'rejected']),
  project: z.string(),
  purpose: z.string(),
  amountPence: z.int(),
  submittedOn: z.iso.date(),
  weightedTotal: z.int().nullable(),
  moderatedTotal: z.int().nullable(),
  decision: z.object({ decidedOn: z.iso.date(), reason: z.string(), decidedBy: z.string() }).nullable(),
  awardId: z.int().nullable(),
});
export const ApplicationListJson = z.object({ applications: z.array(ApplicationJson) });
