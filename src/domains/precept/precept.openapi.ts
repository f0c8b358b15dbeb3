import { z } from 'zod';
import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { preceptPaths as paths } from './precept.paths.ts';
import { BodyParams, YearParams } from './precept.schemas.ts';
import { PANEL_DECISIONS, VETO_REASONS, VOTES } from './precept.tables.ts';

const step = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.object({
    on: z.iso.date(),
    dueBy: z.iso.date().meta({ description: 'The statutory date, inclusive' }),
    ...shape,
  });

/** One precept year as the API gives it; money is integer pence on Band D. */
export const PreceptYearJson = z
  .object({
    type: z.literal('PreceptYear'),
    financialYear: z.string().meta({ description: 'The financial year the precept is for, e.g. 2025-26' }),
    url: z.string(),
    web: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    panel: z.string(),
    illustrative: z.boolean().meta({ description: 'True where the figures are illustrative, not a record' }),
    referendumLimitPence: z.int().meta({ description: 'The largest Band D increase before a referendum' }),
    previousPence: z.int().nullable(),
    councilTaxBase: z
      .string()
      .nullable()
      .meta({ description: 'Band D equivalent properties, to two places' }),
    proposal: z.object({ bandDPence: z.int(), on: z.iso.date(), dueBy: z.iso.date() }),
    panelReport: step({
      decision: z.enum(PANEL_DECISIONS).nullable(),
      vetoReason: z.enum(VETO_REASONS).nullable(),
      meeting: z.int().nullable(),
      summary: z.string().nullable(),
      votes: z.array(
        z.object({ member: z.string().nullable(), role: z.string().nullable(), vote: z.enum(VOTES) }),
      ),
    }).nullable(),
    response: step({ revisedBandDPence: z.int().nullable(), summary: z.string().nullable() }).nullable(),
    revisedReport: step({ summary: z.string().nullable() }).nullable(),
    issued: step({ bandDPence: z.int().nullable() }).nullable(),
  })
  .meta({ id: 'PreceptYear' });

const PreceptBodyJson = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  precepts: z.array(PreceptYearJson),
});

/** The precept process, described for the OpenAPI document. */
export const PRECEPT_OPENAPI: OpenApiPaths = {
  [paths.apiBody.openApi]: {
    get: {
      summary: 'A policing body’s precept years, newest first',
      description:
        'Each year’s proposed Band D precept, the Panel’s report with its vote member by member, the Commissioner’s response (with the revised precept after a veto), the report on a revised precept and the precept issued, each with its statutory date (PRSRA 2011 Sch 5; SI 2012/2271 Part 2).',
      security: SECURITY.public,
      requestParams: { path: BodyParams },
      responses: withErrors(
        { '200': jsonResponse('The body’s precept years', PreceptBodyJson) },
        { '400': 'The body is malformed', '404': 'No such policing body' },
      ),
    },
  },
  [paths.apiYear.openApi]: {
    get: {
      summary: 'One precept year of a policing body',
      security: SECURITY.public,
      requestParams: { path: YearParams },
      responses: withErrors(
        { '200': jsonResponse('The precept year', PreceptYearJson) },
        { '400': 'The body or year is malformed', '404': 'No such body or year' },
      ),
    },
  },
};
