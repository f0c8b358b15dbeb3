import { z } from 'zod';
import {
  dateField,
  optionalDateField,
  optionalText,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import { ACTION_ADDRESS } from '../delivery/index.ts';
import { FINDING_KINDS, INSPECTION_KINDS, INSPECTION_STATUSES, PEEL_GRADES } from './inspections.tables.ts';

// The register's forms, file and API documents: every message names what to fix.

const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/;
const NUMBER = /^[A-Za-z0-9][A-Za-z0-9.]{0,7}$/;

export const InspectionParams = z.object({
  body: z.string().regex(/^[a-z0-9-]{1,100}$/, 'body must be an office’s slug'),
  code: z.string().regex(CODE, 'code must be a report’s code'),
});
export type InspectionTarget = z.infer<typeof InspectionParams>;

const code = z
  .string({ message: 'Enter the report’s code' })
  .trim()
  .min(1, 'Enter the report’s code')
  .regex(CODE, 'The code must be letters, numbers and dashes, up to 30, like PEEL-2025');

const findingNumber = z
  .string({ message: 'Enter the finding’s number' })
  .trim()
  .min(1, 'Enter the finding’s number')
  .regex(NUMBER, 'The number must be up to 8 letters, numbers and dots, like 3 or 2.1');

/** A link to a published document: an address on the web. */
const webLink = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} must be 2000 characters or fewer`)
    .refine((value) => value === '' || /^https?:\/\/\S+$/.test(value), {
      message: `${label} must be a web address starting https://`,
    });

const optionalLink = (label: string) =>
  webLink(label)
    .default('')
    .transform((value) => value || null);

/**
 * A grade as HMICFRS writes it ("Requires improvement") or as the form sends it ("requires-improvement");
 * anything else is refused, naming the scale.
 */
export const gradeField = z
  .string({ message: 'Select the grade' })
  .transform((value) => value.trim().toLowerCase().replace(/\s+/g, '-'))
  .pipe(
    z.enum(PEEL_GRADES, {
      message: 'The grade must be one of: outstanding, good, adequate, requires improvement, inadequate',
    }),
  );

const reportFields = {
  code,
  kind: z.enum(INSPECTION_KINDS, { message: 'Select the kind of report' }),
  madeBy: requiredText(200, 'Enter who made the report, like HMICFRS', 'Who made the report'),
  title: requiredText(300, 'Enter the title', 'The title'),
  summary: optionalText(20_000, 'The summary'),
  fieldworkEndedOn: optionalDateField('The date fieldwork ended'),
  reportPublishedOn: dateField('The date the report was published'),
  reportUrl: optionalLink('The link to the report'),
};

export const InspectionFormSchema = withDateParts(
  ['fieldworkEndedOn', 'reportPublishedOn'],
  z.object({ body: z.string({ message: 'Select the office' }).min(1, 'Select the office'), ...reportFields }),
);
export type InspectionForm = z.infer<typeof InspectionFormSchema>;

export const GradeFormSchema = z.object({
  question: requiredText(300, 'Enter the question graded, like Investigating crime', 'The question'),
  grade: gradeField,
});
export type GradeForm = z.infer<typeof GradeFormSchema>;

/** A delivery action chosen from the office's own: its address (plan/version/owner/reference), or none. */
const actionAddress = optionalText(200, 'The delivery action').refine(
  (value) => value === null || ACTION_ADDRESS.test(value),
  'Select a delivery action from the list',
);

const findingFields = {
  kind: z.enum(FINDING_KINDS, {
    message: 'Select whether it is a cause of concern, recommendation or area for improvement',
  }),
  number: findingNumber,
  text: requiredText(20_000, 'Enter the text of the finding', 'The text'),
  addressee: requiredText(200, 'Enter who it is addressed to, like the Chief Constable', 'The addressee'),
  deliveryAction: actionAddress,
};

export const FindingFormSchema = z.object(findingFields);
export type FindingForm = z.infer<typeof FindingFormSchema>;

/** A finding of a report, named by its kind and its number in the report. */
export const FindingParams = InspectionParams.extend({
  kind: z.enum(FINDING_KINDS, { message: 'kind must be a kind of finding' }),
  number: findingNumber,
});
export type FindingTarget = z.infer<typeof FindingParams>;

/** What may change of a recorded finding: its wording (corrected) and the delivery action answering it. */
export const FindingChangeFormSchema = z.object({
  text: findingFields.text,
  deliveryAction: actionAddress,
});
export type FindingChangeForm = z.infer<typeof FindingChangeFormSchema>;

export const ResponseFormSchema = withDateParts(
  ['responsePublishedOn'],
  z.object({
    responsePublishedOn: dateField('The date the response was published'),
    responseUrl: webLink('The link to the response').refine((value) => value !== '', {
      message: 'Enter the link to the published response',
    }),
  }),
);
export type ResponseForm = z.infer<typeof ResponseFormSchema>;

export const PublishFormSchema = z.object({});

/**
 * An inspections file (`format: peelian-inspections/1`), prepared by an officer from the published reports:
 * one office's reports, each with its grades, findings and (once published) the response.
 */
const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });
const FileText = z.string({ message: 'is required' }).trim().min(1, 'must not be empty');

export const InspectionsFileSchema = z.object({
  format: z.literal('peelian-inspections/1', { message: 'must be peelian-inspections/1' }),
  body: FileText,
  inspections: z.array(
    z.object({
      code,
      kind: z.enum(INSPECTION_KINDS, { message: `must be one of: ${INSPECTION_KINDS.join(', ')}` }),
      madeBy: FileText,
      title: FileText,
      summary: FileText.optional(),
      fieldworkEndedOn: IsoDate.optional(),
      reportPublishedOn: IsoDate,
      reportUrl: webLink('reportUrl').optional(),
      publish: z.boolean().optional(),
      grades: z.array(z.object({ question: FileText, grade: gradeField })).default([]),
      findings: z
        .array(
          z.object({
            kind: z.enum(FINDING_KINDS, { message: `must be one of: ${FINDING_KINDS.join(', ')}` }),
            number: z.union([z.string(), z.number()]).transform(String).pipe(findingNumber),
            text: FileText,
            addressee: FileText.default('Chief Constable'),
            deliveryAction: FileText.regex(
              ACTION_ADDRESS,
              "must be a delivery action's address: plan/version/owner/reference, like thames-valley-2024-2029/1/force/TVP-3",
            ).optional(),
          }),
        )
        .default([]),
      response: z.object({ publishedOn: IsoDate, url: webLink('url') }).optional(),
    }),
  ),
});
export type InspectionsFile = z.infer<typeof InspectionsFileSchema>;
export type InspectionInFile = InspectionsFile['inspections'][number];

/** The list's filter, from a query string. */
export const InspectionFilterSchema = z.object({
  kind: z
    .enum(['', ...INSPECTION_KINDS], { message: `kind must be one of: ${INSPECTION_KINDS.join(', ')}` })
    .default('')
    .transform((value) => value || null),
});
export type InspectionFilter = z.infer<typeof InspectionFilterSchema>;

// What the API sends: the OpenAPI document is generated from these.

const GradeJson = z.object({ question: z.string(), grade: z.enum(PEEL_GRADES) });

const FindingJson = z.object({
  kind: z.enum(FINDING_KINDS),
  number: z.string(),
  text: z.string(),
  deliveryAction: z
    .object({
      address: z.string(),
      reference: z.string(),
      title: z.string(),
      status: z.string().nullable(),
      url: z.string(),
    })
    .nullable()
    .meta({
      description:
        'The delivery plan action that answers it; null when none is linked or its delivery plan is not yet published',
    }),
  recommendation: z
    .object({ id: z.int(), reference: z.string(), status: z.string(), url: z.string() })
    .nullable()
    .meta({ description: 'Its entry in the recommendations ledger; null for an area for improvement' }),
});

export const InspectionJson = z
  .object({
    type: z.literal('Inspection'),
    code: z.string(),
    url: z.string(),
    web: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    kind: z.enum(INSPECTION_KINDS),
    madeBy: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    fieldworkEndedOn: z.iso.date().nullable(),
    reportPublishedOn: z.iso.date(),
    reportUrl: z.string().nullable(),
    status: z.enum(INSPECTION_STATUSES),
    grades: z.array(GradeJson),
    findings: z.array(FindingJson),
    response: z.object({
      dueOn: z.iso.date().nullable().meta({ description: '56 days after the report (Police Act 1996 s55)' }),
      state: z.enum(['not-required', 'awaiting', 'overdue', 'on-time', 'late']),
      daysLate: z.int(),
      publishedOn: z.iso.date().nullable(),
      url: z.string().nullable(),
    }),
  })
  .meta({ id: 'Inspection' });

export const InspectionListJson = z.object({ inspections: z.array(InspectionJson) });
