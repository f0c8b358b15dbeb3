import { z } from 'zod';
import {
  dateField,
  optionalDateField,
  optionalText,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import {
  DECISION_MAKERS,
  DECISION_PARTS,
  DECISION_STATUSES,
  INFORMATION_REGIMES,
} from './decisions.tables.ts';

// The register's forms, filters and API documents: every message names what to fix.

export const DecisionParams = z.object({
  body: z.string().regex(/^[a-z0-9-]{1,100}$/, 'body must be an office’s slug'),
  number: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'number must be a decision number'),
});

/** The register's filters, from a query string: anything unknown is refused, naming the parameter. */
export const DecisionFilterSchema = z.object({
  year: z
    .string()
    .regex(/^(\d{4})?$/, 'year must be a year, like 2017')
    .default('')
    .transform((value) => (value ? Number(value) : null))
    .meta({ description: 'The calendar year the decision was taken in' }),
  maker: z
    .enum(['', ...DECISION_MAKERS], { message: `maker must be one of: ${DECISION_MAKERS.join(', ')}` })
    .default('')
    .transform((value) => value || null),
});
export type DecisionFilter = z.infer<typeof DecisionFilterSchema>;

/** Money as people type it ("£1,250,000", "4500.50"), as whole pence; empty is no value. */
const poundsField = z
  .string()
  .trim()
  .default('')
  .transform((value, context): number | null => {
    const plain = value.replace(/^£/, '').replaceAll(',', '');
    if (plain === '') return null;
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(plain)) {
      context.issues.push({
        code: 'custom',
        message: 'The value must be an amount in pounds, like £12,500 or 12500.50',
        input: value,
      });
      return z.NEVER;
    }
    const [pounds = '0', pence = ''] = plain.split('.');
    return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
  });

/** A list typed in one box, separated by commas or spaces ("PC1, PC2"), each once. */
const listField = (item: z.ZodString, most: number, tooMany: string) =>
  z
    .string()
    .default('')
    .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
    .pipe(z.array(item).max(most, tooMany));

/** Plan priority codes ("PC1, PC2"); whether the plan has them is the service's to say. */
const priorityCodes = listField(
  z.string().max(40, 'Each priority code must be 40 characters or fewer'),
  20,
  'Name 20 plan priorities or fewer',
);

/** Meetings by number or web address ("12, /meetings/15"), as numbers. */
const meetingIds = listField(
  z
    .string()
    .regex(
      /^(?:.*\/meetings\/)?\d{1,9}$/,
      'Each meeting must be its number or its web address, like /meetings/12',
    ),
  20,
  'Name 20 meetings or fewer',
).transform((tokens) => tokens.map((token) => Number(/\d+$/.exec(token)?.[0])));

/** Recommendations by their reference in the ledger ("TVP/2016/01") or web address. */
const recommendationRefs = listField(
  z
    .string()
    .regex(
      /^(?:.*\/scrutiny\/recommendations\/\d{1,9}|[A-Za-z0-9][A-Za-z0-9./-]{0,39})$/,
      'Each recommendation must be its reference or its web address, like /scrutiny/recommendations/12',
    ),
  20,
  'Name 20 recommendations or fewer',
);

/**
 * What a decision's form says of it, the same whether it is recorded or a draft is edited: the office and
 * the number, which name it, are the record form's alone.
 */
const decisionFields = {
  title: requiredText(300, 'Enter the title', 'The title'),
  summary: requiredText(20_000, 'Enter the summary', 'The summary'),
  maker: z.enum(DECISION_MAKERS, { message: 'Select who takes the decision' }),
  keyDecision: z
    .enum(['yes', 'no'], { message: 'Select whether it is a key decision' })
    .transform((value) => value === 'yes'),
  plannedOn: optionalDateField('The planned date'),
  value: poundsField,
  advice: optionalText(20_000, 'The advice'),
  part: z.enum(DECISION_PARTS, { message: 'Select whether the decision is Part 1 or Part 2' }),
  publicStub: optionalText(300, 'The public description'),
  part2Advice: optionalText(20_000, 'The Part 2 advice'),
  exemption: optionalText(1000, 'The exemption'),
  informationRegime: z.enum(INFORMATION_REGIMES, {
    message:
      'Select whether the Freedom of Information Act or the Environmental Information Regulations apply',
  }),
  priorities: priorityCodes,
  meetings: meetingIds,
  recommendations: recommendationRefs,
};

export const EditFormSchema = withDateParts(['plannedOn'], z.object(decisionFields));
export type EditForm = z.infer<typeof EditFormSchema>;

export const RecordFormSchema = withDateParts(
  ['plannedOn'],
  z.object({
    body: z.string({ message: 'Select the office' }).min(1, 'Select the office'),
    number: z
      .string({ message: 'Enter the decision number' })
      .trim()
      .min(1, 'Enter the decision number')
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
        'The decision number must be letters, numbers and dashes, like 2016-17-045',
      ),
    ...decisionFields,
  }),
);
export type RecordForm = z.infer<typeof RecordFormSchema>;

export const SignOffFormSchema = withDateParts(
  ['decidedOn', 'cfoSignedOn', 'monitoringOfficerSignedOn'],
  z.object({
    decidedOn: dateField('The date of the decision'),
    cfoName: requiredText(200, 'Enter the chief finance officer’s name', 'The name'),
    cfoSignedOn: dateField('The date the chief finance officer signed'),
    monitoringOfficerName: requiredText(200, 'Enter the monitoring officer’s name', 'The name'),
    monitoringOfficerSignedOn: dateField('The date the monitoring officer signed'),
  }),
);
export type SignOffForm = z.infer<typeof SignOffFormSchema>;

export const DeferFormSchema = withDateParts(
  ['deferredUntil'],
  z.object({
    deferredUntil: dateField('The date publication is deferred until'),
    deferralReason: requiredText(2000, 'Enter why publication is deferred', 'The reason'),
  }),
);
export type DeferForm = z.infer<typeof DeferFormSchema>;

export const PublishFormSchema = z.object({});

// What the API sends: the OpenAPI document is generated from these.

const SignOffJson = z.object({ name: z.string(), date: z.iso.date() });

export const DecisionJson = z
  .object({
    type: z.literal('Decision'),
    number: z.string(),
    url: z.string(),
    web: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    part: z.enum(DECISION_PARTS),
    title: z.string().meta({ description: 'For a Part 2 decision, the public description only' }),
    summary: z.string().nullable().meta({ description: 'Null for a Part 2 decision' }),
    maker: z.enum(DECISION_MAKERS),
    keyDecision: z.boolean(),
    plannedOn: z.iso.date().nullable(),
    decidedOn: z.iso.date().nullable(),
    valuePence: z.int().nullable().meta({ description: 'Null when none, and for a Part 2 decision' }),
    advice: z.string().nullable().meta({ description: 'The statutory officers’ Part 1 advice' }),
    exemption: z.string().nullable().meta({ description: 'Why Part 2 is withheld' }),
    informationRegime: z.enum(INFORMATION_REGIMES),
    chiefFinanceOfficer: SignOffJson.nullable(),
    monitoringOfficer: SignOffJson.nullable(),
    priorities: z.array(z.string()).meta({ description: 'Police and crime plan priority codes' }),
    meetings: z
      .array(
        z.object({
          id: z.int(),
          title: z.string(),
          startsAt: z.iso.datetime(),
          when: z.string(),
          organization: z.string(),
          web: z.string(),
        }),
      )
      .meta({ description: 'The meetings the decision concerns; empty for a Part 2 decision' }),
    recommendations: z
      .array(
        z.object({
          id: z.int(),
          reference: z.string(),
          text: z.string(),
          organization: z.string(),
          web: z.string(),
        }),
      )
      .meta({
        description:
          'The recommendations in the shared ledger the decision concerns, those the reader may see; empty for a Part 2 decision',
      }),
    status: z.enum(DECISION_STATUSES),
    publicationDueOn: z.iso.date().nullable().meta({
      description: 'One working day after the decision, or the date publication was deferred to',
    }),
    deferral: z.object({ until: z.iso.date(), reason: z.string() }).nullable(),
    publishedOn: z.iso.date().nullable(),
    workingDaysLate: z.int().nullable(),
  })
  .meta({ id: 'Decision' });

export const DecisionListJson = z.object({ decisions: z.array(DecisionJson) });
