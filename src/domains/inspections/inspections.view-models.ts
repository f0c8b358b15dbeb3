import { NotFoundError } from '../../kernel/errors.ts';
import { csvColumns } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { officeItems } from '../../kernel/http/form-fields.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { type LinkedAction, STATUS_LABELS } from '../delivery/index.ts';
import { type RecommendationRow, recommendationPaths } from '../recommendations/index.ts';
import { describeResponse, takesResponse } from './inspections.clock.ts';
import { inspectionPaths as paths } from './inspections.paths.ts';
import type { FindingRecord, InspectionRecord } from './inspections.read.ts';
import type { FindingTarget, InspectionFilter } from './inspections.schemas.ts';
import {
  FINDING_KINDS,
  type FindingKind,
  INSPECTION_KINDS,
  type InspectionKind,
  PEEL_GRADES,
  type PeelGrade,
} from './inspections.tables.ts';

export const KIND_LABELS: Record<InspectionKind, string> = {
  peel: 'PEEL inspection',
  thematic: 'Thematic inspection',
  joint: 'Joint inspection',
  audit: 'Audit or assurance report',
};

export const GRADE_LABELS: Record<PeelGrade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  adequate: 'Adequate',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

/** The tag colour of each grade, with the grade always in words beside it. */
const GRADE_TAGS: Record<PeelGrade, string> = {
  outstanding: 'govuk-tag--green',
  good: 'govuk-tag--turquoise',
  adequate: 'govuk-tag--yellow',
  'requires-improvement': 'govuk-tag--orange',
  inadequate: 'govuk-tag--red',
};

export const FINDING_LABELS: Record<FindingKind, string> = {
  'cause-of-concern': 'Cause of concern',
  recommendation: 'Recommendation',
  'area-for-improvement': 'Area for improvement',
};

const LEDGER_STATUS_LABELS: Record<string, string> = {
  'awaiting-response': 'Awaiting response',
  'response-overdue': 'Response overdue',
  'no-deadline-set': 'No deadline set',
  responded: 'Responded',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  closed: 'Closed',
};

function targetOf(report: InspectionRecord) {
  return { body: report.bodySlug, code: report.code };
}

export function toInspectionRow(report: InspectionRecord) {
  const open = report.findings.filter((finding) => finding.ledger && finding.ledger.outcome === null).length;
  return {
    code: report.code,
    url: paths.inspection(targetOf(report)),
    title: report.title,
    madeBy: report.madeBy,
    kind: KIND_LABELS[report.kind],
    office: report.bodyName,
    publishedOn: formatDate(report.reportPublishedOn),
    grades: report.grades.map((grade) => `${grade.question}: ${GRADE_LABELS[grade.grade]}`),
    open,
    response: describeResponse(report.clock, report.responsePublishedOn),
    late: report.clock.state === 'late' || report.clock.state === 'overdue',
  };
}

function ledgerOf(entry: RecommendationRow | null) {
  if (!entry) return null;
  return {
    reference: entry.reference,
    status: LEDGER_STATUS_LABELS[entry.status] ?? entry.status,
    overdue: entry.overdue,
    url: recommendationPaths.recommendation({ id: entry.id }),
  };
}

/** The delivery action answering a finding, with its latest status, as a link to its page. */
function actionLink(action: LinkedAction | null) {
  if (!action) return null;
  return {
    text: `${action.reference}: ${action.title}`,
    status: action.status ? STATUS_LABELS[action.status] : null,
    url: action.url,
  };
}

function findingRow(finding: FindingRecord, report: InspectionRecord) {
  return {
    editUrl: paths.editFinding({ ...targetOf(report), kind: finding.kind, number: finding.number }),
    kind: finding.kind,
    kindLabel: FINDING_LABELS[finding.kind],
    number: finding.number,
    text: finding.text,
    deliveryAction: actionLink(finding.deliveryAction),
    ledger: ledgerOf(finding.ledger),
  };
}

export function toListPage(
  published: InspectionRecord[],
  drafts: InspectionRecord[],
  filter: InspectionFilter,
  canManage: boolean,
) {
  const query = { kind: filter.kind ?? undefined };
  return {
    pageTitle: 'Inspections',
    rows: published.map(toInspectionRow),
    drafts: drafts.map(toInspectionRow),
    kinds: [
      { value: '', text: 'Any kind', selected: filter.kind === null },
      ...INSPECTION_KINDS.map((kind) => ({
        value: kind,
        text: KIND_LABELS[kind],
        selected: filter.kind === kind,
      })),
    ],
    filtered: filter.kind !== null,
    canManage,
    links: {
      list: paths.list(),
      csv: paths.csv({}, query),
      json: paths.json({}, query),
      open: paths.open(),
      add: paths.add(),
    },
  };
}
export type ListPageModel = PageModel & ReturnType<typeof toListPage>;

/** The forms on a report's page, each named; a mistake in one shows against that form's fields. */
export type InspectionFormName = 'grade' | 'finding' | 'response' | 'publish';

export function toInspectionPage(
  read: { inspection: InspectionRecord; canManage: boolean; actions: LinkedAction[] },
  problem?: { form: InspectionFormName } & FormProblem,
) {
  const report = read.inspection;
  const target = targetOf(report);
  const findings = report.findings.map((finding) => findingRow(finding, report));
  return {
    pageTitle: report.title,
    report: {
      ...toInspectionRow(report),
      summary: (report.summary ?? '').split(/\n\s*\n/).filter((part) => part.trim()),
      reportUrl: report.reportUrl,
      fieldworkEndedOn: formatDate(report.fieldworkEndedOn),
      status: report.status,
      responseUrl: report.responseUrl,
      responseDueOn: formatDate(report.clock.dueOn),
      takesResponse: takesResponse(report.kind),
      grades: report.grades.map((grade) => ({
        question: grade.question,
        grade: GRADE_LABELS[grade.grade],
        tag: GRADE_TAGS[grade.grade],
      })),
      findingsByKind: FINDING_KINDS.map((kind) => ({
        kind,
        heading: `${FINDING_LABELS[kind]}s`,
        findings: findings.filter((finding) => finding.kind === kind),
      })).filter((group) => group.findings.length),
    },
    canManage: read.canManage,
    grades: PEEL_GRADES.map((grade) => ({ value: grade, text: GRADE_LABELS[grade] })),
    findingKinds: FINDING_KINDS.map((kind) => ({ value: kind, text: FINDING_LABELS[kind] })),
    ...actionChoices(read.actions),
    formUrls: {
      grade: paths.grades(target),
      finding: paths.findings(target),
      response: paths.response(target),
      publish: paths.publish(target),
    },
    links: { list: paths.list(), json: paths.apiInspection(target) },
    values: problem ? { [problem.form]: problem.values } : {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}
export type InspectionPageModel = PageModel & ReturnType<typeof toInspectionPage>;

/** The office's delivery actions a finding may be linked to, as a select's items, and the hint above them. */
function actionChoices(actions: LinkedAction[]) {
  return {
    actionChoices: [
      { value: '', text: 'No delivery action' },
      ...actions.map((action) => ({
        value: action.address,
        text: `${action.reference}: ${action.title} (${action.planTitle})`,
      })),
    ],
    actionHint: actions.length
      ? "An action of this office's delivery plans that answers it."
      : "This office's delivery plans have no actions yet: add them under Delivery first.",
  };
}

/** The form that corrects a finding's wording and sets the delivery action answering it. */
export function toFindingFormPage(
  read: { inspection: InspectionRecord; actions: LinkedAction[] },
  target: FindingTarget,
  problem?: FormProblem,
) {
  const report = read.inspection;
  const finding = report.findings.find((each) => each.kind === target.kind && each.number === target.number);
  if (!finding) throw new NotFoundError('There is no such finding in this report');
  const name = `${FINDING_LABELS[finding.kind]} ${finding.number}`;
  return {
    pageTitle: `Change ${name.toLowerCase()}: ${report.title}`,
    heading: `Change ${name.toLowerCase()}`,
    report: { title: report.title, url: paths.inspection(targetOf(report)) },
    inLedger: finding.ledger !== null,
    ...actionChoices(read.actions),
    values: problem?.values ?? { text: finding.text, deliveryAction: finding.deliveryAction?.address ?? '' },
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    action: paths.editFinding(target),
  };
}
export type FindingFormPageModel = PageModel & ReturnType<typeof toFindingFormPage>;

export interface OpenRecommendation {
  report: InspectionRecord;
  finding: FindingRecord & { ledger: RecommendationRow };
}

export function toOpenPage(open: OpenRecommendation[]) {
  return {
    pageTitle: 'Open inspection and audit recommendations',
    rows: open.map(({ report, finding }) => ({
      report: {
        title: report.title,
        madeBy: report.madeBy,
        url: paths.inspection(targetOf(report)),
        publishedOn: formatDate(report.reportPublishedOn),
      },
      ...findingRow(finding, report),
      draft: report.status === 'draft',
    })),
    links: { list: paths.list(), csv: paths.openCsv() },
  };
}
export type OpenPageModel = PageModel & ReturnType<typeof toOpenPage>;

export function toNewInspectionPage(offices: { slug: string; name: string }[], problem?: FormProblem) {
  const values = problem?.values ?? {};
  return {
    pageTitle: 'Record an inspection or audit report',
    offices: officeItems(offices, values.body),
    kinds: INSPECTION_KINDS.map((kind) => ({ value: kind, text: KIND_LABELS[kind] })),
    values,
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    action: paths.add(),
  };
}
export type NewInspectionPageModel = PageModel & ReturnType<typeof toNewInspectionPage>;

/** One report in the API and the JSON download: drafts are already left out for the public by the read. */
export function toInspectionJson(report: InspectionRecord) {
  const target = targetOf(report);
  return {
    type: 'Inspection' as const,
    code: report.code,
    url: paths.apiInspection(target),
    web: paths.inspection(target),
    organization: { slug: report.bodySlug, name: report.bodyName },
    kind: report.kind,
    madeBy: report.madeBy,
    title: report.title,
    summary: report.summary,
    fieldworkEndedOn: report.fieldworkEndedOn,
    reportPublishedOn: report.reportPublishedOn,
    reportUrl: report.reportUrl,
    status: report.status,
    grades: report.grades.map(({ question, grade }) => ({ question, grade })),
    findings: report.findings.map((finding) => ({
      kind: finding.kind,
      number: finding.number,
      text: finding.text,
      deliveryAction: finding.deliveryAction && {
        address: finding.deliveryAction.address,
        reference: finding.deliveryAction.reference,
        title: finding.deliveryAction.title,
        status: finding.deliveryAction.status,
        url: finding.deliveryAction.apiUrl,
      },
      recommendation: finding.ledger
        ? {
            id: finding.ledger.id,
            reference: finding.ledger.reference,
            status: finding.ledger.status,
            url: recommendationPaths.apiRecommendation({ id: finding.ledger.id }),
          }
        : null,
    })),
    response: {
      dueOn: report.clock.dueOn,
      state: report.clock.state,
      daysLate: report.clock.daysLate,
      publishedOn: report.responsePublishedOn,
      url: report.responseUrl,
    },
  };
}

export const INSPECTIONS_CSV = csvColumns<InspectionRecord>({
  code: 'code',
  office: 'bodyName',
  kind: 'kind',
  made_by: 'madeBy',
  title: 'title',
  report_published_on: 'reportPublishedOn',
  report_url: 'reportUrl',
  grades: (row) => row.grades.map((grade) => `${grade.question}: ${grade.grade}`).join('; '),
  causes_of_concern: (row) => row.findings.filter((each) => each.kind === 'cause-of-concern').length,
  recommendations: (row) => row.findings.filter((each) => each.kind === 'recommendation').length,
  areas_for_improvement: (row) => row.findings.filter((each) => each.kind === 'area-for-improvement').length,
  response_due_on: (row) => row.clock.dueOn,
  response_published_on: 'responsePublishedOn',
  response_url: 'responseUrl',
  response_state: (row) => row.clock.state,
  response_days_late: (row) => row.clock.daysLate,
});

export const OPEN_CSV = csvColumns<OpenRecommendation>({
  report: (row) => row.report.code,
  report_title: (row) => row.report.title,
  made_by: (row) => row.report.madeBy,
  report_published_on: (row) => row.report.reportPublishedOn,
  kind: (row) => row.finding.kind,
  number: (row) => row.finding.number,
  ledger_reference: (row) => row.finding.ledger.reference,
  text: (row) => row.finding.text,
  status: (row) => row.finding.ledger.status,
  overdue: (row) => (row.finding.ledger.overdue ? 'yes' : 'no'),
  delivery_action: (row) => row.finding.deliveryAction?.address ?? null,
});
