import { z } from 'zod';
import { dateField, optionalText, recordId, withDateParts } from '../../kernel/http/form-fields.ts';

// Transparency's URLs, filters, forms and API documents: every message names what to fix.

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const BodyParams = z.object({ body: z.string().regex(SLUG, 'body must be a policing body’s slug') });
export const RecordParams = BodyParams.extend({ record: recordId });

const optionalFilter = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .default('')
    .transform((value) => value || null);

export const SpendingQuery = z.object({
  month: z
    .string()
    .regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, 'month must be a month like 2026-10')
    .default('')
    .transform((value) => value || null)
    .meta({ description: 'Only this month (YYYY-MM)' }),
  supplier: optionalFilter(200, 'supplier').meta({ description: 'Suppliers whose name contains this' }),
  category: optionalFilter(200, 'category').meta({ description: 'Only this expense category' }),
  service: optionalFilter(200, 'service').meta({ description: 'Only this service area' }),
});

const PERIOD = /^(\d{4}-(0[1-9]|1[0-2])|\d{4}-\d{2})?$/;

/** An officer's record that a duty was met. */
export const RecordDutyFormSchema = withDateParts(
  ['metOn'],
  z.object({
    duty: z.string().trim().min(1, 'Select the duty').max(20, 'Select the duty'),
    metOn: dateField('The date it was published'),
    period: z
      .string()
      .trim()
      .regex(PERIOD, 'Enter the period as a month like 2026-10 or a financial year like 2026-27')
      .default('')
      .transform((value) => value || null),
    evidenceUrl: z
      .string()
      .trim()
      .max(2000, 'The address must be 2,000 characters or fewer')
      .refine(
        (value) => value === '' || /^https?:\/\/[^\s]+$/.test(value),
        'Enter an address starting http:// or https://',
      )
      .default('')
      .transform((value) => value || null),
    note: optionalText(2000, 'The note'),
  }),
);
export type RecordDutyForm = z.infer<typeof RecordDutyFormSchema>;

// The API's documents.

const EvidenceJson = z.object({
  metOn: z.iso.date(),
  period: z.string().nullable(),
  href: z.string().nullable().meta({ description: 'A Peelian page (relative) or an external address' }),
  label: z.string(),
});

export const DutiesJson = z
  .object({
    body: z.object({ slug: z.string(), name: z.string() }),
    today: z.iso.date(),
    duties: z.array(
      z.object({
        code: z.string().meta({ description: 'The Schedule paragraph, e.g. 3(g)' }),
        instrument: z.string(),
        amendedBy: z.string().nullable(),
        heading: z.string(),
        mustPublish: z.string(),
        cadence: z.string(),
        textChecked: z.enum(['order', 'reproduction', 'research-note']),
        cadenceNote: z.string().nullable(),
        note: z.string().nullable(),
        state: z.enum(['met', 'overdue', 'missing']),
        dueBy: z.iso.date().nullable(),
        reason: z.string(),
        evidence: EvidenceJson.nullable(),
      }),
    ),
  })
  .meta({ id: 'TransparencyDuties' });

export const SpendingJson = z
  .object({
    body: z.object({ slug: z.string(), name: z.string() }),
    months: z.array(z.object({ month: z.string(), lines: z.number().int(), totalPence: z.number().int() })),
    transactions: z.array(
      z.object({
        month: z.string(),
        line: z.number().int(),
        date: z.iso.date(),
        supplier: z.string(),
        amountPence: z.number().int(),
        category: z.string(),
        serviceArea: z.string(),
        transactionNumber: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'TransparencySpending' });

export const ContractsJson = z
  .object({
    body: z.object({ slug: z.string(), name: z.string() }),
    contracts: z.array(
      z.object({
        reference: z.string(),
        title: z.string(),
        supplier: z.string(),
        valuePence: z.number().int(),
        startsOn: z.iso.date(),
        endsOn: z.iso.date().nullable(),
        procurementRoute: z.string(),
      }),
    ),
  })
  .meta({ id: 'TransparencyContracts' });
