import { financialYearStarting } from '../../kernel/calendar/index.ts';
import { csvColumns } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs } from '../../kernel/formats/words.ts';
import { officeItems } from '../../kernel/http/form-fields.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { fundingPaths } from '../funding/index.ts';
import { meetingPaths } from '../scrutiny/index.ts';
import { budgetPaths } from './budget.paths.ts';
import type { PreceptRecord } from './precept.context.ts';
import { formatHundredths, formatPence } from './precept.money.ts';
import { preceptPaths as paths } from './precept.paths.ts';
import type { PreceptYearRow, VoteRow } from './precept.queries.ts';
import type { listIndex, readBody, readReportForm, readYear } from './precept.read.ts';
import {
  describeTiming,
  describeVetoArithmetic,
  dueOn,
  exceedsReferendumLimit,
  preceptIncomePence,
  STEP_RULES,
  type Step,
  vetoVotesNeeded,
} from './precept.rules.ts';
import { PANEL_DECISIONS, type PanelDecision, type VetoReason, VOTES, type Vote } from './precept.tables.ts';

export const DECISION_LABELS: Record<PanelDecision, string> = {
  accept: 'Accepted the proposed precept',
  recommendations: 'Made recommendations on the proposed precept',
  veto: 'Vetoed the proposed precept',
};

const REASON_LABELS: Record<VetoReason, string> = { 'too-high': 'too high', 'too-low': 'too low' };

export const VOTE_LABELS: Record<Vote, string> = {
  for: 'For',
  against: 'Against',
  abstain: 'Abstained',
  absent: 'Absent',
};

const labelOf = (startYear: number) => financialYearStarting(startYear).label;
const targetOf = (year: PreceptYearRow) => ({ body: year.bodySlug, year: labelOf(year.startYear) });

/** Where the year stands, in a few words, for lists. */
function stageOf(year: PreceptYearRow): string {
  if (year.issuedOn) return `Issued: ${formatPence(year.finalPence)}`;
  if (year.revisedReportedOn) return 'Panel reported on the revised precept';
  if (year.respondedOn)
    return year.revisedPence === null
      ? 'Commissioner responded to the Panel’s report'
      : `Revised precept proposed: ${formatPence(year.revisedPence)}`;
  if (year.panelDecision) return DECISION_LABELS[year.panelDecision];
  return 'Proposed to the Panel';
}

function yearRow(year: PreceptYearRow) {
  return {
    label: labelOf(year.startYear),
    url: paths.year(targetOf(year)),
    proposed: formatPence(year.proposedPence),
    stage: stageOf(year),
    illustrative: year.illustrative,
  };
}

export function toIndexPage(index: Awaited<ReturnType<typeof listIndex>>) {
  return {
    pageTitle: 'Precepts',
    bodies: index.bodies.map((body) => ({
      name: body.name,
      url: paths.body({ body: body.slug }),
      years: body.years.map(yearRow),
    })),
    addUrl: index.canPropose ? paths.add() : null,
  };
}
export type IndexPageModel = PageModel & ReturnType<typeof toIndexPage>;

/**
 * The way into the money the Commissioner raises and gives out, one link in the service navigation: the
 * precept (raised through council tax) and the funds (given to partners).
 */
export function toMoneyPage() {
  return {
    pageTitle: 'Money',
    sections: [
      {
        title: 'The precept',
        url: paths.index(),
        text: 'The policing part of council tax: each year’s proposal to the Police and Crime Panel, its vote and report, any veto, and the precept issued.',
      },
      {
        title: 'Budgets',
        url: budgetPaths.index(),
        text: 'What the precept pays for: each year’s revenue budget and capital programme, how it is funded, the council tax base, the medium-term financial plan and the quarterly monitoring of spending against budget.',
      },
      {
        title: 'Funds and allocations',
        url: fundingPaths.list(),
        text: 'The funds the Commissioner gives to partners, their rounds and criteria, and how each year’s pot is shared among the local authorities by formula.',
      },
    ],
  };
}
export type MoneyPageModel = PageModel & ReturnType<typeof toMoneyPage>;

export function toBodyPage(read: Awaited<ReturnType<typeof readBody>>) {
  return {
    pageTitle: `Precepts of ${read.body.name}`,
    body: { name: read.body.name, panelName: read.body.panelName },
    years: read.years.map(yearRow),
    addUrl: read.canPropose ? paths.add() : null,
    links: { index: paths.index(), api: paths.apiBody({ body: read.body.slug }) },
  };
}
export type BodyPageModel = PageModel & ReturnType<typeof toBodyPage>;

/**
 * Each step's date against its statutory date: on time or late, or still due. Without a veto the
 * Commissioner's response has no date of its own, only its place: before the precept is issued.
 */
function timelineOf(year: PreceptRecord) {
  const done: Record<Step, string | null> = {
    proposal: year.proposedOn,
    report: year.reportedOn,
    response: year.respondedOn,
    revisedReport: year.revisedReportedOn,
    issue: year.issuedOn,
  };
  const veto = year.panelDecision === 'veto';
  return (Object.keys(done) as Step[])
    .filter((step) => veto || step !== 'revisedReport')
    .map((step) => {
      const on = done[step];
      if (step === 'response' && !veto)
        return {
          step: 'The Commissioner responds to the Panel’s report',
          rule: RESPONSE_WITHOUT_VETO_RULE,
          due: 'Before the precept is issued',
          done: on ? `Responded: ${formatDate(on)}` : 'Not yet recorded',
          late: false,
        };
      return {
        step: STEP_RULES[step].title,
        rule: STEP_RULES[step].rule,
        due: formatDate(dueOn(step, year.startYear)),
        done: on ? describeTiming(step, year.startYear, on) : 'Not yet recorded',
        late: on !== null && on > dueOn(step, year.startYear),
      };
    });
}

const RESPONSE_WITHOUT_VETO_RULE =
  'PRSRA 2011 Sch 5 para 5(2) and para 1(2)(a): it ends the scrutiny process';

/** The referendum test in words, for the proposed and the issued precept. */
function referendumOf(year: PreceptRecord) {
  const limit = `The referendum limit for ${labelOf(year.startYear)} is a Band D increase of ${formatPence(year.referendumLimitPence)}`;
  if (year.previousPence === null)
    return `${limit}; last year’s Band D precept is not recorded, so the increase is not known.`;
  const pence = year.finalPence ?? year.proposedPence;
  const increase = pence - year.previousPence;
  const which = year.finalPence === null ? 'proposed' : 'issued';
  const over = exceedsReferendumLimit(pence, year.previousPence, year.referendumLimitPence);
  return `${limit}. The ${which} precept is ${formatPence(increase)} more than last year’s ${formatPence(year.previousPence)}: ${over ? 'above the limit, so a referendum would be needed (Local Government Finance Act 1992 Chapter 4ZA)' : 'within the limit'}.`;
}

function outcomeOf(year: PreceptRecord, members: number | null) {
  if (year.panelDecision === null || members === null) return null;
  const votesFor = year.votes.filter((vote) => vote.vote === 'for').length;
  const reason = year.vetoReason ? ` as ${REASON_LABELS[year.vetoReason]}` : '';
  return {
    decision: `${DECISION_LABELS[year.panelDecision]}${reason}`,
    arithmetic:
      year.panelDecision === 'veto'
        ? describeVetoArithmetic(votesFor, members)
        : `${votesFor} of the ${members} members voted for the Panel’s decision. A veto would have needed ${vetoVotesNeeded(members)} (two-thirds of the membership, PRSRA 2011 Sch 5 para 4(4)).`,
  };
}

export const VOTE_CSV = csvColumns<VoteRow & { year: string; body: string }>({
  body: 'body',
  year: 'year',
  member: 'name',
  role: 'role',
  vote: 'vote',
});

function figuresOf(year: PreceptRecord) {
  const income = (pence: number | null) =>
    pence !== null && year.taxBaseHundredths !== null
      ? formatPence(preceptIncomePence(pence, year.taxBaseHundredths))
      : null;
  return {
    proposed: formatPence(year.proposedPence),
    previous: year.previousPence === null ? 'Not recorded' : formatPence(year.previousPence),
    referendumLimit: formatPence(year.referendumLimitPence),
    taxBase: year.taxBaseHundredths === null ? 'Not recorded' : formatHundredths(year.taxBaseHundredths),
    proposedIncome: income(year.proposedPence),
    revised: year.revisedPence === null ? null : formatPence(year.revisedPence),
    final: year.finalPence === null ? null : formatPence(year.finalPence),
    finalIncome: income(year.finalPence),
  };
}

/**
 * Without a veto the Commissioner may issue a precept other than the proposed one only in accordance with a
 * recommendation in the Panel's report (PRSRA 2011 Sch 5 para 5(3)): flagged, since the report is free text.
 */
function issueNoteOf(year: PreceptRecord): string | null {
  if (year.finalPence === null || year.panelDecision === 'veto' || year.finalPence === year.proposedPence)
    return null;
  return `The precept issued (${formatPence(year.finalPence)}) differs from the proposed ${formatPence(year.proposedPence)}: without a veto that is allowed only in accordance with a recommendation in the Panel’s report (PRSRA 2011 Sch 5 para 5(3)).`;
}

export function toYearPage(read: Awaited<ReturnType<typeof readYear>>) {
  const { year } = read;
  const target = targetOf(year);
  const label = labelOf(year.startYear);
  return {
    pageTitle: `${year.bodyName}: precept for ${label}`,
    year: {
      label,
      bodyName: year.bodyName,
      panelName: year.panelName,
      illustrative: year.illustrative,
      figures: figuresOf(year),
      referendum: referendumOf(year),
      issueNote: issueNoteOf(year),
      meeting: year.meetingId
        ? {
            title: year.meetingTitle,
            on: formatDate(year.meetingOn),
            url: meetingPaths.meeting({ id: year.meetingId }),
          }
        : null,
      outcome: outcomeOf(year, read.membersAtDecision),
      votes: year.votes.map((vote) => ({ name: vote.name, role: vote.role, vote: VOTE_LABELS[vote.vote] })),
      report: paragraphs(year.reportSummary),
      response: paragraphs(year.responseSummary),
      revisedReport: paragraphs(year.revisedReportSummary),
      timeline: timelineOf(year),
    },
    forms: {
      report: read.canReport && year.respondedOn === null ? paths.report(target) : null,
      response:
        read.canPropose &&
        year.reportedOn !== null &&
        year.revisedReportedOn === null &&
        year.issuedOn === null
          ? paths.response(target)
          : null,
      revisedReport: read.canReport && year.respondedOn !== null ? paths.revisedReport(target) : null,
      issue: read.canPropose && year.reportedOn !== null ? paths.issue(target) : null,
    },
    links: {
      body: paths.body({ body: year.bodySlug }),
      csv: paths.votesCsv(target),
      api: paths.apiYear(target),
      budget: read.hasBudget ? budgetPaths.year({ body: year.bodySlug, year: label }) : null,
    },
  };
}
export type YearPageModel = PageModel & ReturnType<typeof toYearPage>;

/** A precept year in the API. */
export function toYearJson(year: PreceptRecord) {
  const target = targetOf(year);
  return {
    type: 'PreceptYear' as const,
    financialYear: labelOf(year.startYear),
    url: paths.apiYear(target),
    web: paths.year(target),
    organization: { slug: year.bodySlug, name: year.bodyName },
    panel: year.panelName,
    illustrative: year.illustrative,
    referendumLimitPence: year.referendumLimitPence,
    previousPence: year.previousPence,
    councilTaxBase:
      year.taxBaseHundredths === null ? null : formatHundredths(year.taxBaseHundredths).replaceAll(',', ''),
    proposal: {
      bandDPence: year.proposedPence,
      on: year.proposedOn,
      dueBy: dueOn('proposal', year.startYear),
    },
    panelReport: year.reportedOn
      ? {
          decision: year.panelDecision,
          vetoReason: year.vetoReason,
          on: year.reportedOn,
          dueBy: dueOn('report', year.startYear),
          meeting: year.meetingId,
          summary: year.reportSummary,
          votes: year.votes.map((vote) => ({ member: vote.name, role: vote.role, vote: vote.vote })),
        }
      : null,
    response: year.respondedOn
      ? {
          revisedBandDPence: year.revisedPence,
          on: year.respondedOn,
          dueBy: year.panelDecision === 'veto' ? dueOn('response', year.startYear) : null,
          summary: year.responseSummary,
        }
      : null,
    revisedReport: year.revisedReportedOn
      ? {
          on: year.revisedReportedOn,
          dueBy: dueOn('revisedReport', year.startYear),
          summary: year.revisedReportSummary,
        }
      : null,
    issued: year.issuedOn
      ? { bandDPence: year.finalPence, on: year.issuedOn, dueBy: dueOn('issue', year.startYear) }
      : null,
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
    pageTitle: 'Record a proposed precept',
    offices: officeItems(offices, shown.values.body),
    ...shown,
    action: paths.add(),
  };
}
export type ProposalPageModel = PageModel & ReturnType<typeof toProposalPage>;

export function toReportFormPage(read: Awaited<ReturnType<typeof readReportForm>>, problem?: FormProblem) {
  const { year } = read;
  const shown = errorsOf(problem);
  const stored = new Map(year.votes.map((vote) => [String(vote.memberId), vote.vote]));
  return {
    pageTitle: `${year.panelName}: report on the proposed precept for ${labelOf(year.startYear)}`,
    year: {
      label: labelOf(year.startYear),
      bodyName: year.bodyName,
      panelName: year.panelName,
      proposed: formatPence(year.proposedPence),
    },
    meetings: [
      { value: '', text: 'Select the meeting' },
      ...read.meetings.map((meeting) => ({
        value: String(meeting.id),
        text: `${meeting.title}, ${formatDate(meeting.on)}`,
        selected: String(shown.values.meeting ?? year.meetingId ?? '') === String(meeting.id),
      })),
    ],
    decisions: PANEL_DECISIONS.map((value) => ({
      value,
      text: DECISION_LABELS[value],
      checked: (shown.values.decision ?? year.panelDecision) === value,
    })),
    reasons: (['too-high', 'too-low'] as const).map((value) => ({
      value,
      text: `Too ${value === 'too-high' ? 'high' : 'low'}`,
      checked: (shown.values.vetoReason ?? year.vetoReason) === value,
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
    action: paths.report(targetOf(year)),
    back: paths.year(targetOf(year)),
  };
}
export type ReportFormPageModel = PageModel & ReturnType<typeof toReportFormPage>;

/** The forms of one step each: the response, the report on the revised precept, the issue. */
export const STEP_FORMS = {
  response: { title: 'Record the Commissioner’s response to the Panel’s report', path: paths.response },
  revisedReport: { title: 'Record the Panel’s report on the revised precept', path: paths.revisedReport },
  issue: { title: 'Record the precept issued', path: paths.issue },
} as const;
export type StepForm = keyof typeof STEP_FORMS;

export function toStepFormPage(step: StepForm, year: PreceptRecord, problem?: FormProblem) {
  const target = targetOf(year);
  return {
    pageTitle: `${STEP_FORMS[step].title}: ${year.bodyName}, ${labelOf(year.startYear)}`,
    step,
    title: STEP_FORMS[step].title,
    year: {
      label: labelOf(year.startYear),
      bodyName: year.bodyName,
      proposed: formatPence(year.proposedPence),
      revised: year.revisedPence === null ? null : formatPence(year.revisedPence),
      vetoReason: year.vetoReason ? REASON_LABELS[year.vetoReason] : null,
      ...(step === 'response' && year.panelDecision !== 'veto'
        ? { rule: RESPONSE_WITHOUT_VETO_RULE, due: 'before the precept is issued' }
        : { rule: STEP_RULES[step].rule, due: formatDate(dueOn(step, year.startYear)) }),
    },
    ...errorsOf(problem),
    action: STEP_FORMS[step].path(target),
    back: paths.year(target),
  };
}
export type StepFormPageModel = PageModel & ReturnType<typeof toStepFormPage>;
