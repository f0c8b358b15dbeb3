import type { Actor } from '../../kernel/auth/actor.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import type { Vote } from '../precept/index.ts';
import { ProposalFormSchema, ReportFormSchema, ResponseFormSchema } from './appointments.schemas.ts';
import type { AppointmentsService } from './appointments.service.ts';

const BODY = 'thames-valley-pcc';
const CANDIDATE = 'Illustrative candidate (not a real person)';
const HEARING_ON = '2016-12-16';

/**
 * One illustrative confirmation hearing for Thames Valley: a chief finance officer notified to the Panel on
 * 2 December 2016 and heard at its meeting of 16 December 2016. The seed documents record no such hearing: the
 * candidate, the criteria, the terms, the vote and the outcome are made up to show how the process works, and
 * the record is marked illustrative on its page and in the API. The meeting is real; the hearing at it is not.
 */
const PROPOSAL = {
  body: BODY,
  post: 'chief-finance-officer',
  candidate: CANDIDATE,
  'notifiedOn-day': '2',
  'notifiedOn-month': '12',
  'notifiedOn-year': '2016',
  criteria:
    'Illustrative. A qualified accountant (a member of a CCAB body) with experience of public-sector budgets, medium-term financial planning and treasury management, able to advise the Commissioner independently as the officer responsible for the office’s financial affairs.',
  suitability:
    'Illustrative. The candidate holds a CCAB qualification, has led the finances of a local authority of comparable size for six years, and set out at interview how the office would keep the precept, the capital programme and the reserves under review.',
  terms:
    'Illustrative. A permanent, full-time post on the office’s chief officer pay scale, with six months’ notice on either side and the Local Government Pension Scheme.',
};

/** Most members for recommending the appointment, two absent. */
function illustrativeVote(index: number): Vote {
  return index >= 17 ? 'absent' : 'for';
}

/** Loads the hearing through the use-cases, as the office and the Panel would; a second load adds nothing. */
export async function seedDemoAppointments(
  appointments: AppointmentsService,
  actor: Actor,
): Promise<string[]> {
  const offices = await appointments.listOfficesFor(actor);
  if (!offices.some((office) => office.slug === BODY)) return [];
  const known = await appointments.readBody(actor, BODY);
  if (known.appointments.some((each) => each.illustrative && each.candidate === CANDIDATE)) return [];
  const target = await appointments.proposeAppointment(actor, {
    ...parseInput(ProposalFormSchema, PROPOSAL),
    illustrative: true,
  });
  const { meetings, members } = await appointments.readReportForm(actor, target);
  const meeting = meetings.find((each) => each.on === HEARING_ON);
  if (!meeting) return [];
  const votes = Object.fromEntries(
    members.map((member, index) => [`vote-${member.id}`, illustrativeVote(index)]),
  );
  await appointments.reportOnAppointment(
    actor,
    target,
    parseInput(ReportFormSchema, {
      meeting: String(meeting.id),
      reportedOn: HEARING_ON,
      decision: 'appoint',
      summary:
        'Illustrative: the Panel heard the candidate in public, asked about independence from the Commissioner and the medium-term financial plan, and recommended the appointment. No such hearing is in the seed documents.',
      ...votes,
    }),
  );
  await appointments.respondToReport(
    actor,
    target,
    parseInput(ResponseFormSchema, {
      response: 'accept',
      respondedOn: '2016-12-19',
      summary: 'Illustrative: the Commissioner accepted the recommendation and confirmed the appointment.',
    }),
  );
  return ['1 illustrative confirmation hearing'];
}
