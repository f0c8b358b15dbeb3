import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { narrowTo } from '../../kernel/db/domain-db.ts';
import { ConflictError, type FieldError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { checkPanelVote } from '../precept/index.ts';
import type { ScrutinyPublished } from '../scrutiny/index.ts';
import {
  type AppointmentRecord,
  type AppointmentsDeps,
  findAppointmentOrRefuse,
  requirePropose,
  requireReport,
} from './appointments.context.ts';
import {
  insertAppointment,
  listPanelMeetings,
  listPolicingBodies,
  setVotes,
  updateAppointment,
} from './appointments.queries.ts';
import { CLOCK_RULE, reportDueOn, VETO_RULE, vetoProblem } from './appointments.rules.ts';
import type { AppointmentTarget, ProposalForm, ReportForm, ResponseForm } from './appointments.schemas.ts';
import type { AppointmentsDb as Db } from './appointments.tables.ts';

const AUDIT = (id: number) => ({ type: 'appointment', id });

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** A date that must not come before an earlier step's: the message names both. */
function notBefore(field: string, date: string, earlier: string, what: string, since: string): FieldError[] {
  if (date >= earlier) return [];
  return [{ field, message: `${what} cannot be before ${since}, ${formatDate(earlier)}` }];
}

/** Records a proposed appointment notified to the Panel of the office's force area, which starts its clock. */
export function proposeAppointment(
  deps: AppointmentsDeps,
  actor: Actor,
  form: ProposalForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const body = (await listPolicingBodies(trx)).find((each) => each.slug === form.body);
    if (!body) throw new ValidationError([{ field: 'body', message: 'Select the office' }]);
    requirePropose(deps, actor, body.id);
    if (body.panelId === null)
      refuse([
        { field: 'body', message: `${body.name} has no Police and Crime Panel to notify in its force area` },
      ]);
    const values = {
      bodyId: body.id,
      panelId: body.panelId as number,
      post: form.post,
      illustrative: form.illustrative ?? false,
      candidate: form.candidate,
      criteria: form.criteria,
      suitability: form.suitability,
      terms: form.terms,
      notifiedOn: form.notifiedOn,
    };
    const id = await insertAppointment(trx, values);
    await recordChange(trx, actor, AUDIT(id), undefined, values, requestId);
    return { body: body.slug, id };
  });
}

/** The hearing's meeting, checked to be the Panel's and not before the notification. */
async function hearingOf(trx: Db, appointment: AppointmentRecord, meetingId: number) {
  const meeting = (await listPanelMeetings(trx, appointment.panelId)).find((each) => each.id === meetingId);
  if (!meeting) refuse([{ field: 'meeting', message: `Select a meeting of ${appointment.panelName}` }]);
  return meeting as NonNullable<typeof meeting>;
}

/** The report's own problems: dates in order, a veto only where the law gives one and only in time. */
function reportProblems(appointment: AppointmentRecord, heardOn: string, form: ReportForm): FieldError[] {
  const errors = [
    ...notBefore('meeting', heardOn, appointment.notifiedOn, 'The hearing', 'the notification'),
    ...notBefore('reportedOn', form.reportedOn, heardOn, 'The report', 'the hearing'),
  ];
  if (form.decision !== 'veto') return errors;
  const problem = vetoProblem(appointment.post);
  if (problem) return [...errors, { field: 'decision', message: problem }];
  const due = reportDueOn(appointment.notifiedOn);
  if (form.reportedOn > due)
    errors.push({
      field: 'decision',
      message: `The Panel’s three weeks ended on ${formatDate(due)} (${CLOCK_RULE}), and with them the confirmation process (PRSRA 2011 Sch 8 para 2(3)): a veto reported after that cannot stop the appointment`,
    });
  return errors;
}

function reportedOf(appointment: AppointmentRecord) {
  return {
    meetingId: appointment.meetingId,
    reportedOn: appointment.reportedOn,
    recommendation: appointment.recommendation,
    vetoed: appointment.vetoed,
    reportSummary: appointment.reportSummary,
    votes: appointment.votes.map(({ memberId, vote }) => ({ memberId, vote })),
  };
}

/**
 * Records the Panel's report after its confirmation hearing: the meeting, the date, the recommendation or (for
 * a chief constable only) the veto, and the vote member by member, checked against the Panel's membership on
 * the day of the hearing. A veto needs two-thirds of those members (Sch 8 para 5). A report after the three
 * weeks is kept and shown as late. It may be corrected until the Commissioner responds.
 */
export function reportOnAppointment(
  deps: AppointmentsDeps,
  actor: Actor,
  target: AppointmentTarget,
  form: ReportForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const appointment = await findAppointmentOrRefuse(trx, target);
    requireReport(deps, actor, appointment.panelId);
    if (appointment.respondedOn !== null)
      throw new ConflictError(
        'The Commissioner has responded to the Panel’s report, so it can no longer be changed',
      );
    const meeting = await hearingOf(trx, appointment, form.meeting);
    refuse(reportProblems(appointment, meeting.on, form));
    const votes = await checkPanelVote(narrowTo<ScrutinyPublished>()(trx), {
      panelId: appointment.panelId,
      panelName: appointment.panelName,
      decidedOn: meeting.on,
      votes: form.votes,
      veto: form.decision === 'veto',
      vetoRule: VETO_RULE,
      decisionField: 'decision',
      meetingField: 'meeting',
    });
    const change = {
      meetingId: meeting.id,
      reportedOn: form.reportedOn,
      recommendation: form.decision === 'veto' ? null : form.decision,
      vetoed: form.decision === 'veto',
      reportSummary: form.summary,
    };
    await updateAppointment(trx, appointment.id, change);
    await setVotes(trx, appointment.id, votes);
    await recordChange(
      trx,
      actor,
      AUDIT(appointment.id),
      reportedOf(appointment),
      { ...change, votes },
      requestId,
    );
  });
}

/**
 * Records the Commissioner's notice to the Panel accepting or rejecting its recommendation (Sch 8 para 7(2)-(3)),
 * the end of the confirmation process (para 2(4)). After a veto there is no recommendation to answer.
 */
export function respondToReport(
  deps: AppointmentsDeps,
  actor: Actor,
  target: AppointmentTarget,
  form: ResponseForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const appointment = await findAppointmentOrRefuse(trx, target);
    requirePropose(deps, actor, appointment.bodyId);
    if (appointment.vetoed)
      throw new ConflictError(
        'The Panel vetoed the appointment, so there is no recommendation to accept or reject and the candidate must not be appointed (PRSRA 2011 Sch 8 paras 7(1) and 8)',
      );
    if (appointment.reportedOn === null)
      throw new ConflictError(
        'The Panel has not reported, so there is no recommendation to accept or reject yet (PRSRA 2011 Sch 8 para 7)',
      );
    refuse(
      notBefore('respondedOn', form.respondedOn, appointment.reportedOn, 'The notice', 'the Panel’s report'),
    );
    const change = { response: form.response, respondedOn: form.respondedOn, responseSummary: form.summary };
    await updateAppointment(trx, appointment.id, change);
    const before = {
      response: appointment.response,
      respondedOn: appointment.respondedOn,
      responseSummary: appointment.responseSummary,
    };
    await recordChange(trx, actor, AUDIT(appointment.id), before, change, requestId);
  });
}
