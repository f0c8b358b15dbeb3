import { csvColumns } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs } from '../../kernel/formats/words.ts';
import { officeItems } from '../../kernel/http/form-fields.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { describeVetoArithmetic, VOTES, type Vote, vetoVotesNeeded } from '../precept/index.ts';
import { meetingPaths } from '../scrutiny/index.ts';
import type { AppointmentRecord } from './appointments.context.ts';
import type { OrdinaryElection } from './appointments.elections.ts';
import { appointmentsPaths as paths } from './appointments.paths.ts';
import type { AppointmentRow, VoteRow } from './appointments.queries.ts';
import type { listIndex, readAppointment, readBody, readReportForm } from './appointments.read.ts';
import {
  CLOCK_RULE,
  confirmationEnd,
  describeReportTiming,
  POST_RULES,
  periodsIgnored,
  reportDueOn,
  VETO_RULE,
} from './appointments.rules.ts';
import {
  HEARING_DECISIONS,
  type HearingDecision,
  POSTS,
  RESPONSES,
  type Response,
} from './appointments.tables.ts';

export const DECISION_LABELS: Record<HearingDecision, string> = {
  appoint: 'Recommended that the candidate be appointed',
  'do-not-appoint': 'Recommended that the candidate not be appointed',
  veto: 'Vetoed the appointment',
};

const RESPONSE_LABELS: Record<Response, string> = {
  accept: 'Accepted the Panel’s recommendation',
  reject: 'Rejected the Panel’s recommendation',
};

export const VOTE_LABELS: Record<Vote, string> = {
  for: 'For',
  against: 'Against',
  abstain: 'Abstained',
  absent: 'Absent',
};

const targetOf = (row: AppointmentRow) => ({ body: row.bodySlug, id: row.id });
const decisionOf = (row: AppointmentRow): HearingDecision | null =>
  row.vetoed ? 'veto' : row.recommendation;

/** Where an appointment stands, in a few words, for lists. */
function stageOf(row: AppointmentRow, today: string): string {
  if (row.vetoed) return 'Vetoed by the Panel';
  if (row.response) return RESPONSE_LABELS[row.response];
  const decision = decisionOf(row);
  if (decision) return DECISION_LABELS[decision];
  return confirmationEnd(row, today).ended
    ? 'Three weeks passed without a report'
    : `Awaiting the Panel’s report, due by ${formatDate(reportDueOn(row.notifiedOn))}`;
}

function appointmentRow(row: AppointmentRow, today: string) {
  return {
    url: paths.appointment(targetOf(row)),
    post: POST_RULES[row.post].title,
    candidate: row.candidate,
    notified: formatDate(row.notifiedOn),
    stage: stageOf(row, today),
    illustrative: row.illustrative,
  };
}

export function toIndexPage(index: Awaited<ReturnType<typeof listIndex>>) {
  return {
    pageTitle: 'Confirmation hearings',
    bodies: index.bodies.map((body) => ({
      name: body.name,
      url: paths.body({ body: body.slug }),
      appointments: body.appointments.map((each) => appointmentRow(each, index.today)),
    })),
    addUrl: index.canPropose ? paths.add() : null,
  };
}
export type IndexPageModel = PageModel & ReturnType<typeof toIndexPage>;

export function toBodyPage(read: Awaited<ReturnType<typeof readBody>>) {
  return {
    pageTitle: `Confirmation hearings: ${read.body.name}`,
    body: { name: read.body.name, panelName: read.body.panelName },
    appointments: read.appointments.map((each) => appointmentRow(each, read.today)),
    addUrl: read.canPropose ? paths.add() : null,
    links: { index: paths.index(), api: paths.apiBody({ body: read.body.slug }) },
  };
}
export type BodyPageModel = PageModel & ReturnType<typeof toBodyPage>;

function describeElection(election: OrdinaryElection) {
  const poll = `the poll of ${formatDate(election.poll)}${election.pollVerified ? '' : ' (expected, not verified)'}`;
  const acceptance =
    election.acceptance === 'assumed'
      ? `${formatDate(election.acceptedOn)}, assumed to be the day of the declaration of acceptance of office (the seventh day after the poll)`
      : `${formatDate(election.acceptedOn)}, the declaration of acceptance of office`;
  return `From ${poll} to ${acceptance}.`;
}

/** The clock in words: the due date, and any post-election period left out of the count. */
function clockOf(appointment: AppointmentRecord) {
  const due = reportDueOn(appointment.notifiedOn);
  return {
    notified: formatDate(appointment.notifiedOn),
    due: formatDate(due),
    rule: CLOCK_RULE,
    ignored: periodsIgnored(appointment.notifiedOn).map((period) => describeElection(period.election)),
    report: appointment.reportedOn
      ? describeReportTiming(appointment.notifiedOn, appointment.reportedOn)
      : 'Not yet reported',
    late: appointment.reportedOn !== null && appointment.reportedOn > due,
  };
}

function outcomeOf(appointment: AppointmentRecord, members: number | null) {
  const decision = decisionOf(appointment);
  if (decision === null || members === null) return null;
  const votesFor = appointment.votes.filter((vote) => vote.vote === 'for').length;
  let arithmetic = `${votesFor} of the ${members} members voted for the Panel’s decision.`;
  if (decision === 'veto') arithmetic = describeVetoArithmetic(votesFor, members);
  else if (POST_RULES[appointment.post].vetoable)
    arithmetic += ` A veto would have needed ${vetoVotesNeeded(members)} (two-thirds of the membership, ${VETO_RULE}).`;
  else arithmetic += ` The Panel has no power to veto this post (${POST_RULES[appointment.post].rule}).`;
  return { decision: DECISION_LABELS[decision], arithmetic };
}

export const VOTE_CSV = csvColumns<VoteRow & { office: string; post: string; candidate: string }>({
  office: 'office',
  post: 'post',
  candidate: 'candidate',
  member: 'name',
  role: 'role',
  vote: 'vote',
});

export function toAppointmentPage(read: Awaited<ReturnType<typeof readAppointment>>) {
  const { appointment } = read;
  const target = targetOf(appointment);
  const post = POST_RULES[appointment.post];
  return {
    pageTitle: `${appointment.bodyName}: proposed ${post.title.toLowerCase()}, ${appointment.candidate}`,
    appointment: {
      post: post.title,
      postRule: post.rule,
      notificationRule: post.notification,
      candidate: appointment.candidate,
      bodyName: appointment.bodyName,
      panelName: appointment.panelName,
      illustrative: appointment.illustrative,
      criteria: paragraphs(appointment.criteria),
      suitability: paragraphs(appointment.suitability),
      terms: paragraphs(appointment.terms),
      clock: clockOf(appointment),
      hearing: appointment.meetingId
        ? {
            title: appointment.meetingTitle,
            on: formatDate(appointment.heardOn),
            url: meetingPaths.meeting({ id: appointment.meetingId }),
          }
        : null,
      outcome: outcomeOf(appointment, read.membersAtHearing),
      votes: appointment.votes.map((vote) => ({
        name: vote.name,
        role: vote.role,
        vote: VOTE_LABELS[vote.vote],
      })),
      report: paragraphs(appointment.reportSummary),
      response: appointment.response
        ? {
            text: RESPONSE_LABELS[appointment.response],
            on: formatDate(appointment.respondedOn),
            summary: paragraphs(appointment.responseSummary),
          }
        : null,
      end: read.end,
    },
    forms: {
      report: read.canReport && appointment.respondedOn === null ? paths.report(target) : null,
      response:
        read.canPropose && appointment.reportedOn !== null && !appointment.vetoed
          ? paths.response(target)
          : null,
    },
    links: {
      body: paths.body({ body: appointment.bodySlug }),
      csv: paths.votesCsv(target),
      api: paths.apiAppointment(target),
    },
  };
}
export type AppointmentPageModel = PageModel & ReturnType<typeof toAppointmentPage>;

/** A proposed appointment in the API. */
export function toAppointmentJson(read: Awaited<ReturnType<typeof readAppointment>>) {
  const { appointment } = read;
  const target = targetOf(appointment);
  return {
    type: 'ProposedAppointment' as const,
    id: appointment.id,
    url: paths.apiAppointment(target),
    web: paths.appointment(target),
    organization: { slug: appointment.bodySlug, name: appointment.bodyName },
    panel: appointment.panelName,
    post: appointment.post,
    illustrative: appointment.illustrative,
    candidate: appointment.candidate,
    criteria: appointment.criteria,
    suitability: appointment.suitability,
    terms: appointment.terms,
    notifiedOn: appointment.notifiedOn,
    reportDueBy: reportDueOn(appointment.notifiedOn),
    hearing: appointment.reportedOn
      ? {
          meeting: appointment.meetingId,
          on: appointment.heardOn,
          reportedOn: appointment.reportedOn,
          decision: decisionOf(appointment),
          summary: appointment.reportSummary,
          votes: appointment.votes.map((vote) => ({ member: vote.name, role: vote.role, vote: vote.vote })),
        }
      : null,
    response: appointment.response
      ? { response: appointment.response, on: appointment.respondedOn, summary: appointment.responseSummary }
      : null,
    confirmationProcess: { ended: read.end.ended, on: read.end.on, text: read.end.text },
  };
}

function errorsOf(problem?: FormProblem) {
  return {
    values: problem?.values ?? {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}

export function toProposalPage(offices: { slug: string; name: string }[], problem?: FormProblem) {
  const shown = errorsOf(problem);
  return {
    pageTitle: 'Record a proposed appointment',
    offices: officeItems(offices, shown.values.body),
    posts: POSTS.map((value) => ({
      value,
      text: POST_RULES[value].title,
      hint: { text: POST_RULES[value].vetoable ? 'The Panel may veto (Sch 8)' : 'No veto (Sch 1)' },
      checked: shown.values.post === value,
    })),
    ...shown,
    action: paths.add(),
  };
}
export type ProposalPageModel = PageModel & ReturnType<typeof toProposalPage>;

function summaryOf(appointment: AppointmentRecord) {
  return {
    bodyName: appointment.bodyName,
    panelName: appointment.panelName,
    post: POST_RULES[appointment.post].title,
    candidate: appointment.candidate,
    due: formatDate(reportDueOn(appointment.notifiedOn)),
    vetoable: POST_RULES[appointment.post].vetoable,
  };
}

export function toReportFormPage(read: Awaited<ReturnType<typeof readReportForm>>, problem?: FormProblem) {
  const { appointment } = read;
  const shown = errorsOf(problem);
  const stored = new Map(appointment.votes.map((vote) => [String(vote.memberId), vote.vote]));
  const current = decisionOf(appointment);
  return {
    pageTitle: `${appointment.panelName}: report on the proposed ${POST_RULES[appointment.post].title.toLowerCase()}`,
    appointment: summaryOf(appointment),
    meetings: [
      { value: '', text: 'Select the meeting' },
      ...read.meetings.map((meeting) => ({
        value: String(meeting.id),
        text: `${meeting.title}, ${formatDate(meeting.on)}`,
        selected: String(shown.values.meeting ?? appointment.meetingId ?? '') === String(meeting.id),
      })),
    ],
    decisions: HEARING_DECISIONS.filter(
      (value) => value !== 'veto' || POST_RULES[appointment.post].vetoable,
    ).map((value) => ({
      value,
      text: DECISION_LABELS[value],
      checked: (shown.values.decision ?? current) === value,
    })),
    members: read.members.map((member) => {
      const chosen = shown.values[`vote-${member.id}`] ?? stored.get(String(member.id));
      return {
        name: `vote-${member.id}`,
        legend: `${member.name} (${member.role})`,
        items: VOTES.map((vote) => ({ value: vote, text: VOTE_LABELS[vote], checked: chosen === vote })),
      };
    }),
    ...shown,
    action: paths.report(targetOf(appointment)),
    back: paths.appointment(targetOf(appointment)),
  };
}
export type ReportFormPageModel = PageModel & ReturnType<typeof toReportFormPage>;

export function toResponseFormPage(appointment: AppointmentRecord, problem?: FormProblem) {
  const shown = errorsOf(problem);
  const decision = decisionOf(appointment);
  return {
    pageTitle: `Record the Commissioner’s response: ${appointment.bodyName}, ${appointment.candidate}`,
    appointment: summaryOf(appointment),
    recommendation: decision ? DECISION_LABELS[decision] : null,
    responses: RESPONSES.map((value) => ({
      value,
      text: RESPONSE_LABELS[value],
      checked: (shown.values.response ?? appointment.response) === value,
    })),
    ...shown,
    action: paths.response(targetOf(appointment)),
    back: paths.appointment(targetOf(appointment)),
  };
}
export type ResponseFormPageModel = PageModel & ReturnType<typeof toResponseFormPage>;
