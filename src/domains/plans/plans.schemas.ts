import { z } from 'zod';
import { dateField, withDateParts } from '../../kernel/http/form-fields.ts';
import { webAddress } from '../../kernel/http/web-address.ts';
import { MEASURE_DIRECTIONS } from './plans.file-schema.ts';
import { STATUTORY_SECTIONS, type StatutorySection } from './plans.statutory.ts';
import { PLAN_STEPS } from './plans.tables.ts';

export const PlanSlugParams = z.object({ slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/) });

export const PriorityParams = PlanSlugParams.extend({ code: z.string().min(1) });

export const VersionQuery = z.object({
  /** A version number, or "draft" for the current draft (for those who may see it). */
  version: z
    .union([z.literal('draft'), z.coerce.number().int().positive()])
    .optional()
    .meta({ description: 'A version number, or draft; by default the latest issued version.' }),
});

export const CompareQuery = z.object({
  from: z.coerce.number({ message: 'Choose the version to compare from' }).int().positive(),
  to: z.coerce.number({ message: 'Choose the version to compare with' }).int().positive(),
});

export const StepFormSchema = withDateParts(
  ['occurredOn'],
  z.object({
    step: z.enum(PLAN_STEPS, { message: 'Select the step that happened' }),
    occurredOn: dateField('The date it happened'),
    note: z
      .string()
      .trim()
      .max(2000, 'Note must be 2000 characters or fewer')
      .transform((value) => value || null),
    documentTitle: z.string().trim().max(300).default(''),
    documentUrl: z.union([z.literal(''), webAddress()]).default(''),
  }),
);

export const ImportFormSchema = z.object({
  content: z.string().min(1, 'Paste the plan file').max(2_000_000, 'The file must be under 2 MB'),
});

const MeasureEditSchema = z.object({
  code: z.string().min(1),
  text: z
    .string()
    .trim()
    .min(1, 'Enter the measure’s wording')
    .max(4000, 'Measure must be 4000 characters or fewer'),
  direction: z.enum(MEASURE_DIRECTIONS, { message: 'Select which way a good change goes' }),
});

/** The edit-priority form: fields named measures[i][text] arrive flattened, so they are regrouped first. */
export const PriorityEditSchema = z.preprocess(
  (body) => {
    const fields = (body ?? {}) as Record<string, unknown>;
    const measures: Record<string, unknown>[] = [];
    for (const [key, value] of Object.entries(fields)) {
      const match = /^measures\[(\d+)\]\[(code|text|direction)\]$/.exec(key);
      if (!match) continue;
      const index = Number(match[1]);
      measures[index] ??= {};
      (measures[index] as Record<string, unknown>)[match[2] as string] = value;
    }
    return { title: fields.title, summary: fields.summary, measures: measures.filter(Boolean) };
  },
  z.object({
    title: z
      .string()
      .trim()
      .min(1, 'Enter the priority’s title')
      .max(300, 'Title must be 300 characters or fewer'),
    summary: z
      .string()
      .trim()
      .max(4000, 'Summary must be 4000 characters or fewer')
      .optional()
      .transform((value) => value || null),
    measures: z.array(MeasureEditSchema),
  }),
);

const statutoryText = z
  .string()
  .trim()
  .max(20000, 'Must be 20000 characters or fewer')
  .default('')
  .transform((value) => value || null);

/** The draft's statutory sections (s7(1)(b)-(f)); a section left blank is not written yet. */
export const StatutoryEditSchema = z.object(
  Object.fromEntries(STATUTORY_SECTIONS.map((section) => [section, statutoryText])) as Record<
    StatutorySection,
    typeof statutoryText
  >,
);

// What the plans API sends: the OpenAPI document is generated from these.

const PlanVersionJson = z.object({
  number: z.int().positive(),
  state: z.enum(['draft', 'issued']),
  issuedOn: z.iso.date().nullable(),
});

const PlanHeadJson = {
  id: z.int(),
  slug: z.string(),
  title: z.string(),
  authorName: z.string(),
  authorOffice: z.string(),
  termStart: z.iso.date(),
  termEnd: z.iso.date(),
};

export const PlanListJson = z.object({
  plans: z.array(
    z
      .object({ ...PlanHeadJson, versions: z.array(PlanVersionJson), url: z.string() })
      .meta({ id: 'PlanSummary' }),
  ),
});

export const PlanJson = z
  .object({
    ...PlanHeadJson,
    electionDate: z.iso.date().nullable(),
    version: PlanVersionJson,
    issueDeadline: z.iso.date().nullable(),
    pillars: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        summary: z.string().nullable(),
        priorities: z.array(
          z.object({
            code: z.string(),
            title: z.string(),
            summary: z.string().nullable(),
            aims: z.array(z.object({ code: z.string(), text: z.string() })),
            measures: z.array(
              z.object({ code: z.string(), text: z.string(), direction: z.enum(MEASURE_DIRECTIONS) }),
            ),
          }),
        ),
      }),
    ),
    linkedItems: z.array(
      z.object({
        kind: z.enum(['enabler', 'spr-threat', 'national-measure']),
        code: z.string(),
        title: z.string(),
        summary: z.string().nullable(),
        priorities: z.array(z.string()),
      }),
    ),
    statutoryContents: z
      .array(z.object({ section: z.enum(STATUTORY_SECTIONS), text: z.string() }))
      .meta({ description: 'What the version sets out besides its objectives (PRSRA 2011 s7(1)(b)-(f))' }),
    statutoryGaps: z
      .array(
        z.object({
          section: z.enum(['objectives', ...STATUTORY_SECTIONS]),
          citation: z.string(),
          title: z.string(),
          problem: z.string(),
        }),
      )
      .meta({ description: 'Each section of s7(1) the version leaves unsaid or holding placeholder text' }),
  })
  .meta({ id: 'Plan' });
