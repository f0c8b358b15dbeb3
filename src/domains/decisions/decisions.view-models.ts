import { londonDateOf } from '../../kernel/calendar/index.ts';
import type { AtomFeed } from '../../kernel/formats/atom.ts';
import { csvColumns } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { officeItems } from '../../kernel/http/form-fields.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { recommendationPaths } from '../recommendations/index.ts';
import { meetingPaths } from '../scrutiny/index.ts';
import { describeLateness } from './decisions.clock.ts';
import type { DecisionRecord } from './decisions.context.ts';
import { decisionPaths as paths } from './decisions.paths.ts';
import type { DecisionFilter } from './decisions.schemas.ts';
import { DECISION_MAKERS, type DecisionMaker, type InformationRegime } from './decisions.tables.ts';

export const MAKER_LABELS: Record<DecisionMaker, string> = {
  pcc: 'Police and Crime Commissioner',
  deputy: 'Deputy Police and Crime Commissioner',
  'chief-executive': 'Chief Executive (under delegation)',
};

const REGIME_LABELS: Record<InformationRegime, string> = {
  foia: 'Freedom of Information Act 2000',
  eir: 'Environmental Information Regulations 2004',
};

const STATUS_LABELS = {
  draft: 'Draft',
  signed: 'Signed, not yet published',
  published: 'Published',
} as const;

function pounds(pence: number | null): string | null {
  if (pence === null) return null;
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0 })}`;
}

function linkOf(decision: DecisionRecord) {
  return paths.decision({ body: decision.bodySlug, number: decision.number });
}

/** The meetings and recommendations a decision concerns, each with its page, as the reader may see them. */
function linksOf(decision: DecisionRecord) {
  return {
    meetings: decision.meetings.map((meeting) => ({
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      when: formatDate(londonDateOf(meeting.startsAt)),
      organization: meeting.bodyName,
      web: meetingPaths.meeting({ id: meeting.id }),
    })),
    recommendations: decision.recommendations.map((recommendation) => ({
      id: recommendation.id,
      reference: recommendation.reference,
      text: recommendation.text,
      organization: recommendation.bodyName,
      web: recommendationPaths.recommendation({ id: recommendation.id }),
    })),
  };
}

/** How the publication clock stands, in words, as the register shows it. */
function publicationOf(decision: DecisionRecord): string {
  if (decision.publishedOn !== null && decision.workingDaysLate !== null)
    return describeLateness(decision.workingDaysLate, decision.publishedOn);
  if (decision.deferredUntil) return `Publication deferred until ${formatDate(decision.deferredUntil)}`;
  if (decision.dueOn) return `To be published by ${formatDate(decision.dueOn)}`;
  return 'Not yet decided';
}

export function toDecisionRow(decision: DecisionRecord) {
  return {
    number: decision.number,
    url: linkOf(decision),
    title: decision.title,
    withheld: decision.withheld,
    office: decision.bodyName,
    maker: MAKER_LABELS[decision.maker],
    decidedOn: formatDate(decision.decidedOn),
    plannedOn: formatDate(decision.plannedOn),
    value: pounds(decision.valuePence),
    publication: publicationOf(decision),
    late: (decision.workingDaysLate ?? 0) > 0,
    status: STATUS_LABELS[decision.status],
  };
}

function filterItems(filter: DecisionFilter, years: number[]) {
  const option = (value: string, text: string, current: string) => ({
    value,
    text,
    selected: value === current,
  });
  return {
    year: [
      option('', 'Any year', String(filter.year ?? '')),
      ...years.map((year) => option(String(year), String(year), String(filter.year ?? ''))),
    ],
    maker: [
      option('', 'Anyone', filter.maker ?? ''),
      ...DECISION_MAKERS.map((maker) => option(maker, MAKER_LABELS[maker], filter.maker ?? '')),
    ],
    active: filter.year !== null || filter.maker !== null,
  };
}

export function toRegisterPage(
  decisions: DecisionRecord[],
  unpublished: DecisionRecord[],
  filter: DecisionFilter,
  context: { years: number[]; canManage: boolean; canReadForwardPlan: boolean },
) {
  const query = { year: filter.year ?? undefined, maker: filter.maker ?? undefined };
  return {
    pageTitle: 'Decisions',
    rows: decisions.map(toDecisionRow),
    unpublished: unpublished.map(toDecisionRow),
    filter: filterItems(filter, context.years),
    canManage: context.canManage,
    canReadForwardPlan: context.canReadForwardPlan,
    links: {
      register: paths.register(),
      csv: paths.csv({}, query),
      json: paths.json({}, query),
      add: paths.add(),
      forwardPlan: paths.forwardPlan(),
      feed: paths.feed(),
    },
  };
}
export type RegisterPageModel = PageModel & ReturnType<typeof toRegisterPage>;

export function toForwardPlanPage(decisions: DecisionRecord[]) {
  return {
    pageTitle: 'Forward plan of key decisions',
    rows: decisions.map(toDecisionRow),
    links: { register: paths.register() },
  };
}
/** The register as an Atom feed: each published decision, Part 2 as its stub and exemption only. */
export function toDecisionsFeed(decisions: DecisionRecord[], emptySince: Date): AtomFeed {
  return {
    path: paths.feed(),
    pagePath: paths.register(),
    title: 'Decisions of the Police and Crime Commissioner',
    subtitle: 'Each decision as it is published, newest first',
    author: 'Office of the Police and Crime Commissioner',
    emptySince,
    entries: decisions.map((decision) => ({
      path: linkOf(decision),
      title: `Decision ${decision.number}: ${decision.title}`,
      updated: decision.publishedAt ?? emptySince,
      published: decision.publishedAt ?? undefined,
      author: decision.bodyName,
      categories: [MAKER_LABELS[decision.maker]],
      summary: decision.withheld
        ? `A Part 2 decision: its details are not published. Exemption: ${decision.exemption}`
        : (decision.summary ?? undefined),
    })),
  };
}

export type ForwardPlanPageModel = PageModel & ReturnType<typeof toForwardPlanPage>;

/** The forms on a decision's page, each named; a mistake in one shows against that form's fields. */
export type DecisionFormName = 'sign-off' | 'defer' | 'publish';

function paragraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function toDecisionPage(
  read: { decision: DecisionRecord; canManage: boolean },
  problem?: { form: DecisionFormName } & FormProblem,
) {
  const { decision } = read;
  const target = { body: decision.bodySlug, number: decision.number };
  return {
    pageTitle: `Decision ${decision.number}`,
    decision: {
      ...toDecisionRow(decision),
      part: decision.part === 'part-1' ? 'Part 1 (public)' : 'Part 2 (confidential)',
      exemption: decision.exemption,
      summary: paragraphs(decision.summary),
      advice: paragraphs(decision.advice),
      part2Advice: paragraphs(decision.part2Advice),
      keyDecision: decision.keyDecision,
      regime: REGIME_LABELS[decision.informationRegime],
      priorities: decision.priorities,
      ...linksOf(decision),
      cfo: decision.cfoName ? `${decision.cfoName}, ${formatDate(decision.cfoSignedOn)}` : null,
      monitoringOfficer: decision.monitoringOfficerName
        ? `${decision.monitoringOfficerName}, ${formatDate(decision.monitoringOfficerSignedOn)}`
        : null,
      deferral: decision.deferredUntil
        ? { until: formatDate(decision.deferredUntil), reason: decision.deferralReason }
        : null,
      stage: decision.status,
    },
    canManage: read.canManage,
    formUrls: { signOff: paths.signOff(target), defer: paths.defer(target), publish: paths.publish(target) },
    editUrl: paths.edit(target),
    links: { register: paths.register(), json: paths.apiDecision(target) },
    values: problem ? { [problem.form]: problem.values } : {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}
export type DecisionPageModel = PageModel & ReturnType<typeof toDecisionPage>;

/** The choices the decision form offers, whether it records a decision or changes a draft. */
function formChoices(problem?: FormProblem) {
  return {
    makers: DECISION_MAKERS.map((maker) => ({ value: maker, text: MAKER_LABELS[maker] })),
    regimes: Object.entries(REGIME_LABELS).map(([value, text]) => ({ value, text })),
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}

/** A stored draft as its form's boxes show it, so the form opens filled in. */
function formValuesOf(decision: DecisionRecord): Record<string, unknown> {
  return {
    title: decision.title,
    summary: decision.summary,
    maker: decision.maker,
    keyDecision: decision.keyDecision ? 'yes' : 'no',
    plannedOn: decision.plannedOn ?? undefined,
    value: decision.valuePence === null ? '' : String(decision.valuePence / 100),
    advice: decision.advice,
    part: decision.part,
    publicStub: decision.publicStub,
    part2Advice: decision.part2Advice,
    exemption: decision.exemption,
    informationRegime: decision.informationRegime,
    priorities: decision.priorities.join(', '),
    meetings: decision.meetings.map((meeting) => meeting.id).join(', '),
    recommendations: decision.recommendations
      .map((recommendation) => recommendationPaths.recommendation({ id: recommendation.id }))
      .join(', '),
  };
}

export function toEditDecisionPage(decision: DecisionRecord, problem?: FormProblem) {
  const target = { body: decision.bodySlug, number: decision.number };
  return {
    pageTitle: `Change decision ${decision.number}`,
    number: decision.number,
    office: decision.bodyName,
    values: problem?.values ?? formValuesOf(decision),
    ...formChoices(problem),
    action: paths.edit(target),
    links: { decision: paths.decision(target) },
  };
}
export type EditDecisionPageModel = PageModel & ReturnType<typeof toEditDecisionPage>;

export function toNewDecisionPage(offices: { slug: string; name: string }[], problem?: FormProblem) {
  const values = problem?.values ?? {};
  return {
    pageTitle: 'Record a decision',
    offices: officeItems(offices, values.body),
    values,
    ...formChoices(problem),
    action: paths.add(),
  };
}
export type NewDecisionPageModel = PageModel & ReturnType<typeof toNewDecisionPage>;

/** One decision in the API, the JSON download and the CSV: Part 2 already withheld by the read. */
export function toDecisionJson(decision: DecisionRecord) {
  const target = { body: decision.bodySlug, number: decision.number };
  const signOff = (name: string | null, date: string | null) => (name && date ? { name, date } : null);
  return {
    type: 'Decision' as const,
    number: decision.number,
    url: paths.apiDecision(target),
    web: paths.decision(target),
    organization: { slug: decision.bodySlug, name: decision.bodyName },
    part: decision.part,
    title: decision.title,
    summary: decision.summary,
    maker: decision.maker,
    keyDecision: decision.keyDecision,
    plannedOn: decision.plannedOn,
    decidedOn: decision.decidedOn,
    valuePence: decision.valuePence,
    advice: decision.advice,
    exemption: decision.exemption,
    informationRegime: decision.informationRegime,
    chiefFinanceOfficer: signOff(decision.cfoName, decision.cfoSignedOn),
    monitoringOfficer: signOff(decision.monitoringOfficerName, decision.monitoringOfficerSignedOn),
    priorities: decision.priorities,
    ...linksOf(decision),
    status: decision.status,
    publicationDueOn: decision.dueOn,
    deferral:
      decision.deferredUntil && decision.deferralReason
        ? { until: decision.deferredUntil, reason: decision.deferralReason }
        : null,
    publishedOn: decision.publishedOn,
    workingDaysLate: decision.workingDaysLate,
  };
}

export const REGISTER_CSV = csvColumns<DecisionRecord>({
  number: 'number',
  office: 'bodyName',
  part: 'part',
  title: 'title',
  summary: 'summary',
  maker: 'maker',
  decided_on: 'decidedOn',
  value_pence: 'valuePence',
  chief_finance_officer: 'cfoName',
  chief_finance_officer_signed_on: 'cfoSignedOn',
  monitoring_officer: 'monitoringOfficerName',
  monitoring_officer_signed_on: 'monitoringOfficerSignedOn',
  exemption: 'exemption',
  information_regime: 'informationRegime',
  priorities: (row) => row.priorities.join(' '),
  meetings: (row) => row.meetings.map((meeting) => meeting.id).join(' '),
  recommendations: (row) =>
    row.recommendations
      .map((recommendation) => `${recommendation.bodyName}: ${recommendation.reference}`)
      .join('; '),
  publication_due_on: 'dueOn',
  deferred_until: 'deferredUntil',
  deferral_reason: 'deferralReason',
  published_on: 'publishedOn',
  working_days_late: 'workingDaysLate',
});
