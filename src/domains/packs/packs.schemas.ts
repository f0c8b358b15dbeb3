import { z } from 'zod';
import { recordId } from '../../kernel/http/form-fields.ts';

// The packs' form and API documents: every message names what to fix.

export const PackParams = z.object({ id: recordId });

/** The form that starts a pack: the office, the plan version, the quarter and (if any) the meeting. */
export const CreateFormSchema = z.object({
  body: z.string({ message: 'Select the office' }).trim().min(1, 'Select the office'),
  plan: z
    .string({ message: 'Select the plan version' })
    .regex(/^[a-z0-9-]+:\d{1,4}$/, 'Select the plan version')
    .transform((value) => {
      const [slug = '', version = '0'] = value.split(':');
      return { slug, version: Number(version) };
    }),
  financialYear: z
    .string({ message: 'Enter the financial year, like 2025-26' })
    .trim()
    .regex(/^\d{4}-\d{2}$/, 'Enter the financial year like 2025-26')
    .refine(
      (label) => Number(label.slice(5)) === (Number(label.slice(0, 4)) + 1) % 100,
      'The financial year runs from one year into the next, like 2025-26',
    )
    .transform((label) => Number(label.slice(0, 4))),
  quarter: z.enum(['1', '2', '3', '4'], { message: 'Select the quarter' }).transform(Number),
  meeting: z
    .string()
    .trim()
    .default('')
    .refine((value) => value === '' || /^\d{1,9}$/.test(value), 'Select a meeting from the list')
    .transform((value) => (value ? Number(value) : null)),
});
export type CreateForm = z.infer<typeof CreateFormSchema>;

/** Issuing has no fields of its own: the button is the confirmation. */
export const IssueFormSchema = z.object({});

const PackCellJson = z.object({
  text: z.string(),
  numeric: z.boolean().optional(),
  colspan: z.number().int().optional(),
});
const PackTableJson = z.object({
  caption: z.string(),
  head: z.array(PackCellJson),
  rows: z.array(z.array(PackCellJson)),
});
const PackBlockJson = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('measure'),
    code: z.string(),
    text: z.string(),
    figures: z.array(
      z.object({
        title: z.string(),
        judgement: z.string(),
        explanation: z.string().nullable(),
        period: z.string().nullable(),
        chart: z
          .string()
          .nullable()
          .meta({ description: 'The SPC chart as SVG; the table holds every figure' }),
        table: PackTableJson,
        source: z.string(),
      }),
    ),
  }),
  z.object({ kind: z.literal('table'), table: PackTableJson }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
const PackSectionJson = z.object({ id: z.string(), heading: z.string(), blocks: z.array(PackBlockJson) });

/** An issued pack's summary, as listed. */
export const PackSummaryJson = z
  .object({
    id: z.number().int(),
    title: z.string(),
    office: z.object({ slug: z.string(), name: z.string() }),
    plan: z.object({ slug: z.string(), title: z.string(), version: z.number().int() }),
    quarter: z.object({
      financialYear: z.string().meta({ description: 'e.g. 2025-26' }),
      quarter: z.number().int().min(1).max(4),
      start: z.iso.date(),
      end: z.iso.date(),
      label: z.string(),
    }),
    edition: z.number().int(),
    issuedAt: z.iso.datetime(),
    meetingId: z.number().int().nullable(),
    url: z.string(),
    pdfUrl: z.string(),
  })
  .meta({ id: 'PerformancePackSummary' });

export const PackListJson = z.object({ packs: z.array(PackSummaryJson) }).meta({ id: 'PerformancePackList' });

/** An issued pack in full, exactly as issued. */
export const PackJson = PackSummaryJson.extend({
  drawnAt: z.iso.datetime(),
  priorities: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      pillar: z.string(),
      sections: z.array(PackSectionJson),
    }),
  ),
  general: z.array(PackSectionJson),
}).meta({ id: 'PerformancePack' });
