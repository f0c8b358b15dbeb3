import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline } from '../../kernel/calendar/deadlines.ts';
import { addDays, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import { listMembersOn } from '../precept/index.ts';
import {
  type AppointmentsDeps,
  canPropose,
  canReport,
  findAppointmentOrRefuse,
  findBodyOrRefuse,
} from './appointments.context.ts';
import { appointmentsPaths as paths } from './appointments.paths.ts';
import {
  listAppointments,
  listPanelMeetings,
  listPolicingBodies,
  listVotes,
} from './appointments.queries.ts';
import { CLOCK_RULE, confirmationEnd, POST_RULES, reportDueOn } from './appointments.rules.ts';
import type { AppointmentTarget } from './appointments.schemas.ts';

const today = (deps: AppointmentsDeps) => londonDateOf(deps.now());

/** Every policing body with its proposed appointments, for the index page. */
export async function listIndex(deps: AppointmentsDeps, actor: Actor) {
  const [bodies, appointments] = await Promise.all([listPolicingBodies(deps.db), listAppointments(deps.db)]);
  return {
    bodies: bodies.map((body) => ({
      ...body,
      appointments: appointments.filter((each) => each.bodyId === body.id),
    })),
    canPropose: canPropose(deps, actor),
    today: today(deps),
  };
}

/** One policing body's proposed appointments, newest first. */
export async function readBody(deps: AppointmentsDeps, actor: Actor, slug: string) {
  const body = await findBodyOrRefuse(deps.db, slug);
  const appointments = await listAppointments(deps.db, body.id);
  return { body, appointments, canPropose: canPropose(deps, actor, body.id), today: today(deps) };
}

/** One proposed appointment, with its vote, where the process stands and what the reader may record next. */
export async function readAppointment(deps: AppointmentsDeps, actor: Actor, target: AppointmentTarget) {
  const appointment = await findAppointmentOrRefuse(deps.db, target);
  return {
    appointment,
    membersAtHearing: appointment.heardOn
      ? (await listMembersOn(deps.db, appointment.panelId, appointment.heardOn)).length
      : null,
    end: confirmationEnd(appointment, today(deps)),
    canPropose: canPropose(deps, actor, appointment.bodyId),
    canReport: canReport(deps, actor, appointment.panelId),
  };
}

/** The recorded vote alone, for its download. */
export async function readVotes(deps: AppointmentsDeps, target: AppointmentTarget) {
  const appointment = await findAppointmentOrRefuse(deps.db, target);
  return { appointment, votes: await listVotes(deps.db, appointment.id) };
}

/**
 * What the Panel's report form offers: the Panel's meetings, and everyone who was a member at some time from
 * the notification to a fortnight past the due date, since who counts is settled by the meeting chosen.
 */
export async function readReportForm(deps: AppointmentsDeps, actor: Actor, target: AppointmentTarget) {
  const appointment = await findAppointmentOrRefuse(deps.db, target);
  if (!canReport(deps, actor, appointment.panelId)) throw new ForbiddenError();
  const late = addDays(reportDueOn(appointment.notifiedOn), 14);
  const [meetings, atNotice, atLate] = await Promise.all([
    listPanelMeetings(deps.db, appointment.panelId),
    listMembersOn(deps.db, appointment.panelId, appointment.notifiedOn),
    listMembersOn(deps.db, appointment.panelId, late),
  ]);
  const members = [...atNotice, ...atLate.filter((each) => !atNotice.some((known) => known.id === each.id))];
  return {
    appointment,
    meetings,
    members: members.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
  };
}

/** The Commissioner's response form, refused to anyone but the office. */
export async function readResponseForm(deps: AppointmentsDeps, actor: Actor, target: AppointmentTarget) {
  const appointment = await findAppointmentOrRefuse(deps.db, target);
  if (!canPropose(deps, actor, appointment.bodyId)) throw new ForbiddenError();
  return { appointment };
}

/** The offices the actor may notify a proposed appointment for. */
export async function listOfficesFor(deps: AppointmentsDeps, actor: Actor) {
  return (await listPolicingBodies(deps.db)).filter(
    (body) => body.panelId !== null && canPropose(deps, actor, body.id),
  );
}

/**
 * For the statutory calendar (public, as the hearings are): the last day of each Panel's report on an
 * appointment it has not reported on. Past that day the confirmation process has ended without a report.
 */
export async function upcomingDeadlines(deps: AppointmentsDeps, _actor: Actor): Promise<Deadline[]> {
  const now = today(deps);
  const appointments = await listAppointments(deps.db);
  return appointments
    .filter((each) => each.reportedOn === null)
    .map((each) => {
      const date = reportDueOn(each.notifiedOn);
      return {
        uid: `appointment-${each.id}-report`,
        date,
        title: `${each.panelName}: report on the proposed ${POST_RULES[each.post].title.toLowerCase()} of ${each.bodyName} (${each.candidate})`,
        basis: `Three weeks beginning with the day the Panel received the notification, leaving out any post-election period (${CLOCK_RULE})`,
        url: paths.appointment({ body: each.bodySlug, id: each.id }),
        status: date < now ? 'lapsed: the process ended without a report' : null,
      };
    });
}
