import { z } from 'zod';
import {
  dateField,
  optionalDateField,
  optionalText,
  requiredText,
  withDateParts,
} from '../../kernel/http/form-fields.ts';
import { ACTION_STATUSES, DELIVERY_OWNERS, TARGET_KINDS } from './delivery.tables.ts';

// Delivery plans' forms, files and API documents: every message names what to fix.

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/;
const referenceField = z
  .string({ message: 'Enter the action’s reference' })
  .trim()
  .min(1, 'Enter the action’s reference')
  .regex(REFERENCE, 'The reference must be letters, numbers, dots and dashes, like OPCC-2.2');

export const PlanKeyParams = z.object({
  plan: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'plan must be a plan’s slug'),
  version: z.coerce.number().int('version must be a version number').positive().max(10_000),
  owner: z.enum(DELIVERY_OWNERS, { message: `owner must be one of: ${DELIVERY_OWNERS.join(', ')}` }),
});
export type PlanKey = z.infer<typeof PlanKeyParams>;

export const ActionParams = PlanKeyParams.extend({
  ref: z.string().regex(REFERENCE, 'ref must be an action’s reference'),
});
export type ActionKey = z.infer<typeof ActionParams>;

/** "plan-slug/2": a plan version, as the new delivery plan form's select sends it. */
const planVersionField = z
  .string({ message: 'Select the police and crime plan version' })
  .regex(/^[a-z0-9-]+\/\d{1,5}$/, 'Select the police and crime plan version')
  .transform((value) => {
    const [plan = '', version = ''] = value.split('/');
    return { plan, version: Number(version) };
  });

export const NewPlanFormSchema = z.object({
  planVersion: planVersionField,
  owner: z.enum(DELIVERY_OWNERS, { message: 'Select whose delivery plan it is' }),
  title: requiredText(300, 'Enter the title', 'The title'),
  summary: optionalText(5000, 'The summary'),
});
export type NewPlanForm = z.infer<typeof NewPlanFormSchema>;

/** Checkbox values "aim:CODE" and "measure:CODE"; a browser sends one as a string, several as a list. */
const targetsField = z
  .union([z.string(), z.array(z.string())])
  .default([])
  .transform((value) => (Array.isArray(value) ? value : [value]).filter(Boolean))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^(aim|measure):[^\s]{1,40}$/, 'Select the key aims and measures from the list')
          .transform((value) => {
            const [kind, code] = value.split(':') as ['aim' | 'measure', string];
            return { kind, code };
          }),
      )
      .max(50, 'Select 50 or fewer key aims and measures'),
  );

/** What an action says, apart from its reference (which names it in addresses and so never changes). */
const actionDetails = {
  title: requiredText(300, 'Enter the action', 'The action'),
  description: optionalText(5000, 'The description'),
  actionOwner: requiredText(200, 'Enter who owns the action', 'The owner'),
  startsOn: dateField('The start date'),
  dueOn: dateField('The due date'),
  targets: targetsField,
};

export const ActionFormSchema = withDateParts(
  ['startsOn', 'dueOn'],
  z.object({ reference: referenceField, ...actionDetails }),
);
export type ActionForm = z.infer<typeof ActionFormSchema>;

export const ActionChangeFormSchema = withDateParts(['startsOn', 'dueOn'], z.object(actionDetails));
export type ActionChangeForm = z.infer<typeof ActionChangeFormSchema>;

export const StatusFormSchema = withDateParts(
  ['changedOn'],
  z.object({
    status: z.enum(ACTION_STATUSES, { message: 'Select the action’s status' }),
    changedOn: dateField('The date of the status'),
    evidence: requiredText(5000, 'Enter the evidence for the status', 'The evidence'),
    recovery: optionalText(5000, 'The recovery note'),
  }),
);
export type StatusForm = z.infer<typeof StatusFormSchema>;

export const MilestoneFormSchema = withDateParts(
  ['dueOn', 'completedOn'],
  z.object({
    title: requiredText(300, 'Enter the milestone', 'The milestone'),
    dueOn: dateField('The milestone’s due date'),
    completedOn: optionalDateField('The date the milestone was met'),
  }),
);
export type MilestoneForm = z.infer<typeof MilestoneFormSchema>;

export const PublishFormSchema = z.object({});

export const ImportFormSchema = z.object({
  content: z.string().min(1, 'Paste the delivery plan file').max(2_000_000, 'The file must be under 2 MB'),
});

// The delivery plan file an officer prepares (`format: peelian-delivery/1`).

const Text = z.string().trim().min(1, 'must not be empty');
const IsoDate = z.iso.date('must be a date as YYYY-MM-DD');
const Codes = z.array(z.string().trim().min(1).max(40)).max(50).default([]);

export const DeliveryFileSchema = z.object({
  format: z.literal('peelian-delivery/1', { message: 'must be peelian-delivery/1' }),
  plan: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a plan’s slug'),
  version: z.int('must be a plan version number').positive('must be a plan version number'),
  owner: z.enum(DELIVERY_OWNERS, { message: `must be one of: ${DELIVERY_OWNERS.join(', ')}` }),
  title: Text.max(300),
  summary: Text.max(5000).optional(),
  publishedOn: IsoDate.optional(),
  actions: z.array(
    z.strictObject({
      reference: z.string().regex(REFERENCE, 'must be letters, numbers, dots and dashes, like OPCC-2.2'),
      title: Text.max(300),
      description: Text.max(5000).optional(),
      owner: Text.max(200),
      startsOn: IsoDate,
      dueOn: IsoDate,
      aims: Codes,
      measures: Codes,
      milestones: z
        .array(z.strictObject({ title: Text.max(300), dueOn: IsoDate, completedOn: IsoDate.optional() }))
        .default([]),
      statuses: z
        .array(
          z.strictObject({
            on: IsoDate,
            status: z.enum(ACTION_STATUSES, { message: `must be one of: ${ACTION_STATUSES.join(', ')}` }),
            evidence: z
              .string({ message: 'is missing: no status without its evidence' })
              .trim()
              .min(1, 'must not be empty: no status without its evidence')
              .max(5000),
            recovery: Text.max(5000).optional(),
          }),
        )
        .default([]),
    }),
  ),
});
export type DeliveryFile = z.infer<typeof DeliveryFileSchema>;

// What the API sends: the OpenAPI document is generated from these.

const TargetJson = z.object({ kind: z.enum(TARGET_KINDS), code: z.string(), text: z.string().nullable() });
const StatusJson = z.object({
  status: z.enum(ACTION_STATUSES),
  on: z.iso.date(),
  evidence: z.string(),
  recovery: z.string().nullable(),
  recordedBy: z.string(),
});

export const ActionJson = z
  .object({
    type: z.literal('DeliveryAction'),
    reference: z.string(),
    url: z.string(),
    web: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    owner: z.string().meta({ description: 'Who answers for the action' }),
    startsOn: z.iso.date(),
    dueOn: z.iso.date(),
    status: z
      .enum(ACTION_STATUSES)
      .nullable()
      .meta({ description: 'The latest status; null until one is recorded' }),
    completedOn: z.iso.date().nullable(),
    overdue: z.boolean().meta({ description: 'Past its due date and neither completed nor withdrawn' }),
    serves: z.array(TargetJson).meta({ description: 'The plan’s key aims and measures, by code' }),
    milestones: z.array(
      z.object({ title: z.string(), dueOn: z.iso.date(), completedOn: z.iso.date().nullable() }),
    ),
    history: z.array(StatusJson).meta({ description: 'Every status change, oldest first' }),
  })
  .meta({ id: 'DeliveryAction' });

export const DeliveryPlanJson = z
  .object({
    type: z.literal('DeliveryPlan'),
    url: z.string(),
    web: z.string(),
    plan: z.object({ slug: z.string(), title: z.string(), version: z.int() }),
    owner: z.enum(DELIVERY_OWNERS),
    title: z.string(),
    summary: z.string().nullable(),
    publishedOn: z.iso.date().nullable(),
    actions: z.array(ActionJson),
  })
  .meta({ id: 'DeliveryPlan' });

export const DeliveryPlanSummaryJson = DeliveryPlanJson.omit({ actions: true }).extend({
  actionCount: z.int(),
});
export const DeliveryPlanListJson = z.object({ deliveryPlans: z.array(DeliveryPlanSummaryJson) });
