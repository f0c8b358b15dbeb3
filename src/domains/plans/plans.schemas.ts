import { z } from 'zod';
import { PLAN_STEPS } from './plans.tables.ts';

export const PlanSlugParams = z.object({ slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/) });

export const VersionQuery = z.object({
  version: z.coerce.number().int().positive().optional(),
});

export const CompareQuery = z.object({
  from: z.coerce.number({ message: 'Choose the version to compare from' }).int().positive(),
  to: z.coerce.number({ message: 'Choose the version to compare with' }).int().positive(),
});

export const StepFormSchema = z.object({
  step: z.enum(PLAN_STEPS, { message: 'Select the step that happened' }),
  occurredOn: z.iso.date({ message: 'Enter the date it happened as YYYY-MM-DD' }),
  note: z
    .string()
    .trim()
    .max(2000, 'Note must be 2000 characters or fewer')
    .transform((value) => value || null),
  documentTitle: z.string().trim().max(300).default(''),
  documentUrl: z
    .union([z.literal(''), z.url({ message: 'Enter the document’s web address, starting https://' })])
    .default(''),
});

export const ImportFormSchema = z.object({
  content: z.string().min(1, 'Paste the plan file').max(2_000_000, 'The file must be under 2 MB'),
});
