import { z } from 'zod';

const slug = z
  .string({ message: 'Give the force as its police.uk identifier, e.g. thames-valley' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Give the force as its police.uk identifier, e.g. thames-valley');

/** `GET /api/v1/police-uk/counts?force=thames-valley&month=2025-01&by=crime-type` */
export const CountsQuerySchema = z.object({
  force: slug,
  month: z
    .string({ message: 'Give the month as YYYY-MM' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM'),
  by: z.enum(['crime-type', 'outcome', 'lsoa'], { message: 'by must be crime-type, outcome or lsoa' }),
});
export type CountsQuery = z.infer<typeof CountsQuerySchema>;

export const ForceParamsSchema = z.object({ force: slug });

export const ForcePageQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Give the year as four digits')
    .transform(Number)
    .optional(),
});

export const RunParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const RunsQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

/** The uploaded file's own name: force, month and kind are read from it, as from an archive's file names. */
const UPLOAD_CONFIRMATIONS = ['allow-empty', 'confirm-unusual'] as const;

export const UploadQuerySchema = z.object({
  /** Ticked confirmations (a repeated query parameter when more than one). */
  confirm: z
    .union([z.enum(UPLOAD_CONFIRMATIONS), z.array(z.enum(UPLOAD_CONFIRMATIONS))])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  name: z
    .string({ message: 'Give the file’s name' })
    .max(200)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._ ()-]*\.(csv|zip|csv\.gz)$/i,
      'Choose a .csv, .csv.gz or .zip file whose name uses letters, digits, spaces, dots, hyphens and brackets',
    ),
});
