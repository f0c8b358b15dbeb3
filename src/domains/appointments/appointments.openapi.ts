import { z } from 'zod';
import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { VOTES } from '../precept/index.ts';
import { appointmentsPaths as paths } from './appointments.paths.ts';
import { AppointmentParams, BodyParams } from './appointments.schemas.ts';
import { HEARING_DECISIONS, POSTS, RESPONSES } from './appointments.tables.ts';

/** One proposed appointment and its confirmation hearing, as the API gives it. */
export const AppointmentJson = z
  .object({
    type: z.literal('ProposedAppointment'),
    id: z.int(),
    url: z.string(),
    web: z.string(),
    organization: z.object({ slug: z.string(), name: z.string() }),
    panel: z.string(),
    post: z.enum(POSTS),
    illustrative: z.boolean().meta({ description: 'True where the record is made up for the demonstration' }),
    candidate: z.string(),
    criteria: z.string(),
    suitability: z.string().meta({ description: 'Why the candidate meets the criteria' }),
    terms: z.string().meta({ description: 'The terms and conditions of the appointment' }),
    notifiedOn: z.iso.date().meta({ description: 'The day the Panel received the notification' }),
    reportDueBy: z.iso.date().meta({
      description:
        'The last day of the three weeks beginning with the notification, leaving out any post-election period (PRSRA 2011 Sch 8 para 4(6), (9)-(10))',
    }),
    hearing: z
      .object({
        meeting: z.int().nullable(),
        on: z.iso.date().nullable(),
        reportedOn: z.iso.date(),
        decision: z.enum(HEARING_DECISIONS).nullable(),
        summary: z.string().nullable(),
        votes: z.array(
          z.object({ member: z.string().nullable(), role: z.string().nullable(), vote: z.enum(VOTES) }),
        ),
      })
      .nullable(),
    response: z
      .object({ response: z.enum(RESPONSES), on: z.iso.date().nullable(), summary: z.string().nullable() })
      .nullable(),
    confirmationProcess: z.object({
      ended: z.boolean(),
      on: z.iso.date().nullable(),
      text: z.string().meta({ description: 'What ended it, or what it waits for, with the rule' }),
    }),
  })
  .meta({ id: 'ProposedAppointment' });

const AppointmentBodyJson = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  appointments: z.array(AppointmentJson),
});

/** The confirmation hearings, described for the OpenAPI document. */
export const APPOINTMENTS_OPENAPI: OpenApiPaths = {
  [paths.apiBody.openApi]: {
    get: {
      summary: 'A policing body’s proposed appointments and their confirmation hearings',
      description:
        'Each proposed chief constable, deputy commissioner, chief executive and chief finance officer notified to the Panel, with the Panel’s report, its vote member by member, any veto (chief constable only), the Commissioner’s response and where the confirmation process stands (PRSRA 2011 Sch 1 and Sch 8 Part 1).',
      security: SECURITY.public,
      requestParams: { path: BodyParams },
      responses: withErrors(
        { '200': jsonResponse('The body’s proposed appointments', AppointmentBodyJson) },
        { '400': 'The body is malformed', '404': 'No such policing body' },
      ),
    },
  },
  [paths.apiAppointment.openApi]: {
    get: {
      summary: 'One proposed appointment and its confirmation hearing',
      security: SECURITY.public,
      requestParams: { path: AppointmentParams },
      responses: withErrors(
        { '200': jsonResponse('The proposed appointment', AppointmentJson) },
        { '400': 'The body or id is malformed', '404': 'No such body or appointment' },
      ),
    },
  },
};
