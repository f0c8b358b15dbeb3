import { z } from 'zod';
import { POLICE_UK_KINDS } from './police-uk/index.ts';

const slug = z
  .string({ message: 'Give the force as its police.uk identifier, e.g. thames-valley' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Give the force as its police.uk identifier, e.g. thames-valley')
  .meta({
    description:
      'The force’s police.uk identifier, as in the archive’s file names: thames-valley, hampshire, …',
  });

/** `GET /api/v1/police-uk/counts?force=thames-valley&month=2025-01&by=crime-type` */
export const CountsQuerySchema = z.object({
  force: slug,
  month: z
    .string({ message: 'Give the month as YYYY-MM' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM')
    .meta({ description: 'The month, YYYY-MM' }),
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

// What the police.uk API sends: the OpenAPI document is generated from these.

const MONTH = z.string().regex(/^\d{4}-\d{2}$/);
const COUNT_BY = CountsQuerySchema.shape.by;

const CountRowJson = z
  .object({
    key: z.string().meta({
      description:
        'The crime type, last outcome category or LSOA code, as the file has it; "" for an empty one (by outcome: a crime with no outcome recorded; by LSOA: a record without a location)',
    }),
    count: z
      .int()
      .min(1)
      .meta({ description: 'Every record under the key: crimes and anti-social behaviour' }),
    crimes: z
      .int()
      .min(0)
      .meta({ description: 'Of those, crimes: the figure to add up for a total of crime' }),
    antiSocialBehaviour: z.int().min(0).meta({
      description: 'Of those, anti-social behaviour incidents, which are not crimes and have no outcomes',
    }),
    notACrime: z.boolean().meta({
      description:
        'true when nothing under the key is a crime (the "Anti-social behaviour" row): leave it out of a total of crime',
    }),
    label: z.string().meta({
      description: 'The key in words: "No outcome recorded", "No location", or the key itself',
    }),
  })
  .meta({ id: 'StreetCount' });

export const StreetCountsJson = z
  .object({
    force: z.string(),
    month: MONTH,
    by: COUNT_BY,
    counts: z.array(CountRowJson),
    totals: z
      .object({ records: z.int().min(0), crimes: z.int().min(0), antiSocialBehaviour: z.int().min(0) })
      .meta({ description: 'The month’s records, and of those the crimes and the anti-social behaviour' }),
  })
  .meta({
    id: 'StreetCounts',
    example: {
      force: 'thames-valley',
      month: '2025-01',
      by: 'crime-type',
      counts: [
        {
          key: 'Violence and sexual offences',
          count: 4470,
          crimes: 4470,
          antiSocialBehaviour: 0,
          notACrime: false,
          label: 'Violence and sexual offences',
        },
        {
          key: 'Anti-social behaviour',
          count: 2104,
          crimes: 0,
          antiSocialBehaviour: 2104,
          notACrime: true,
          label: 'Anti-social behaviour',
        },
      ],
      totals: { records: 6574, crimes: 4470, antiSocialBehaviour: 2104 },
    },
  });

export const MonthNotLoadedJson = z
  .object({ error: z.string(), force: z.string(), month: MONTH, loadedMonths: z.array(MONTH) })
  .meta({ id: 'MonthNotLoaded', description: 'The months that are loaded, so the caller can ask for one' });

export const ForceSeriesJson = z
  .object({
    force: z.string(),
    name: z.string(),
    source: z.string(),
    loaded: z.array(
      z.object({
        kind: z.enum(POLICE_UK_KINDS),
        month: MONTH,
        rows: z.int(),
        sha256: z.string(),
        importRun: z.int(),
        loadedAt: z.iso.datetime(),
      }),
    ),
    crimesByType: z.array(z.object({ month: MONTH, crimeType: z.string(), count: z.int() })),
    antiSocialBehaviour: z.array(z.object({ month: MONTH, count: z.int() })),
  })
  .meta({ id: 'ForceSeries' });

const IMPORT_STATUSES = ['running', 'succeeded', 'failed'] as const;
const IMPORT_PHASES = ['waiting', 'checking', 'loading', 'finishing', 'done'] as const;

export const ImportRunJson = z
  .object({
    id: z.int(),
    status: z.enum(IMPORT_STATUSES),
    phase: z.enum(IMPORT_PHASES),
    filesTotal: z.int(),
    filesDone: z.int(),
    rows: z.object({ street: z.int(), outcomes: z.int(), 'stop-and-search': z.int() }),
    rejectedRows: z.int(),
    error: z.string().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    progress: z.object({
      status: z.enum(IMPORT_STATUSES),
      phase: z.enum(IMPORT_PHASES),
      percent: z.int().min(0).max(100),
      text: z.string(),
      done: z.boolean(),
    }),
    files: z.array(
      z.object({
        file: z.string(),
        force: z.string().nullable(),
        month: MONTH.nullable(),
        kind: z.enum(POLICE_UK_KINDS).nullable(),
        sha256: z.string().nullable(),
        rows: z.int(),
        rejectedRows: z.int(),
        status: z.enum(['checked', 'loaded', 'unchanged', 'refused', 'failed']),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ImportRun' });
