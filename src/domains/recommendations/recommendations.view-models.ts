import type { z } from 'zod';
import type { CsvColumn } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs } from '../../kernel/formats/words.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import type { OriginDetails } from './recommendations.origins.ts';
import { recommendationPaths as paths } from './recommendations.paths.ts';
import type { ProgressRow, RecommendationActionRow, RecommendationRow } from './recommendations.queries.ts';
import type { LedgerEntry, RecommendationRead } from './recommendations.read.ts';
import {
  RECOMMENDATION_STATUSES,
  type RecommendationFilter,
  type RecommendationJson,
  type RecommendationStatus,
} from './recommendations.schemas.ts';
import {
  OUTCOME_KINDS,
  type OutcomeKind,
  RECOMMENDATION_ORIGINS,
  RESPONSE_KINDS,
  type RecommendationOrigin,
  type ResponseKind,
} from './recommendations.tables.ts';

export const STATUS_LABELS: Record<RecommendationStatus, { text: string; classes: string }> = {
  'awaiting-response': { text: 'Awaiting response', classes: 'govuk-tag--blue' },
  'response-overdue': { text: 'Response overdue', classes: 'govuk-tag--red' },
  'no-deadline-set': { text: 'No deadline set', classes: 'govuk-tag--orange' },
  responded: { text: 'Responded', classes: 'govuk-tag--purple' },
  'in-progress': { text: 'In progress', classes: 'govuk-tag--yellow' },
  implemented: { text: 'Implemented', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
};

export const ORIGIN_LABELS: Record<RecommendationOrigin, string> = {
  panel: 'Panel meeting',
  'sub-committee': 'Sub-committee',
  'task-and-finish-group': 'Task-and-finish group',
  inspection: 'Inspection (HMICFRS)',
  audit: 'Audit',
  other: 'Other report',
};

export const RESPONSE_LABELS: Record<ResponseKind, string> = {
  accepted: 'Accepted',
  'partly-accepted': 'Partly accepted',
  'not-accepted': 'Not accepted',
};

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  implemented: 'Implemented',
  'not-implemented': 'Not implemented',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

const RESPONSE_OPTIONS = RESPONSE_KINDS.map((kind) => ({ value: kind, text: RESPONSE_LABELS[kind] }));
const OUTCOME_OPTIONS = OUTCOME_KINDS.map((kind) => ({ value: kind, text: OUTCOME_LABELS[kind] }));

const date = (iso: string | null) => (iso ? formatDate(iso) : null);

/** Who made it: the group's name, the report's title, or the body's meeting. */
function madeBy(row: RecommendationRow, details: OriginDetails): string {
  if (details.group) return details.group.name;
  if (row.originTitle) return row.originTitle;
  return details.meeting ? `${row.bodyName}, meeting of ${details.meeting.day}` : row.bodyName;
}

/** One line of the ledger's table (also the committee page's list of a group's recommendations). */
export function toLedgerRow({
  recommendation: row,
  details,
}: Pick<LedgerEntry, 'recommendation' | 'details'>) {
  return {
    id: row.id,
    url: paths.recommendation({ id: row.id }),
    reference: row.reference,
    topic: row.topic,
    text: row.text,
    addressee: row.addressee,
    origin: ORIGIN_LABELS[row.origin],
    madeBy: madeBy(row, details),
    madeOn: date(row.madeOn),
    responseDue: date(row.responseDueOn),
    status: STATUS_LABELS[row.status],
    overdue: row.overdue,
  };
}
export type LedgerRowView = ReturnType<typeof toLedgerRow>;

/** How many recommendations have each status, with a link to see them: the monitoring report's summary. */
function toStatusSummary(rows: RecommendationRow[]) {
  return RECOMMENDATION_STATUSES.map((status) => ({
    text: STATUS_LABELS[status].text,
    count: rows.filter((row) => row.status === status).length,
    url: paths.list({}, { status }),
  }));
}

/** The filter form's choices, with the current ones selected, and the query string to carry to downloads. */
function toFilterView(filter: RecommendationFilter) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.origin) query.set('origin', filter.origin);
  if (filter.overdue !== null) query.set('overdue', filter.overdue ? 'yes' : 'no');
  const queryString = query.toString();
  return {
    active: queryString !== '',
    query: queryString ? `?${queryString}` : '',
    status: [
      { value: '', text: 'Any status' },
      ...RECOMMENDATION_STATUSES.map((status) => ({
        value: status,
        text: STATUS_LABELS[status].text,
        selected: filter.status === status,
      })),
    ],
    origin: [
      { value: '', text: 'Any origin' },
      ...RECOMMENDATION_ORIGINS.map((origin) => ({
        value: origin,
        text: ORIGIN_LABELS[origin],
        selected: filter.origin === origin,
      })),
    ],
    overdue: [
      { value: '', text: 'Overdue or not' },
      { value: 'yes', text: 'Overdue only', selected: filter.overdue === true },
      { value: 'no', text: 'Not overdue', selected: filter.overdue === false },
    ],
  };
}

/** The ledger page: the summary by status, the filters, and the recommendations that match them. */
export function toLedgerPage(
  entries: Pick<LedgerEntry, 'recommendation' | 'details'>[],
  all: RecommendationRow[],
  filter: RecommendationFilter,
  canManage: boolean,
) {
  const filterView = toFilterView(filter);
  return {
    pageTitle: 'Recommendations',
    rows: entries.map(toLedgerRow),
    summary: toStatusSummary(all),
    total: all.length,
    filter: filterView,
    canManage,
    links: {
      list: paths.list(),
      add: paths.add(),
      impact: paths.impact(),
      csv: `${paths.csv()}${filterView.query}`,
      json: `${paths.json()}${filterView.query}`,
    },
  };
}
export type LedgerPageModel = PageModel & ReturnType<typeof toLedgerPage>;

function toActionsView(actions: RecommendationActionRow[]) {
  return actions.map((action) => ({
    text: action.text,
    owner: action.owner,
    due: date(action.dueOn),
    done: date(action.doneOn),
  }));
}

function toRecommendationView(read: RecommendationRead) {
  const { recommendation: row, details } = read;
  return {
    ...toLedgerRow(read),
    bodyName: row.bodyName,
    paragraphs: paragraphs(row.text),
    madeByUrl: row.originUrl,
    meeting: details.meeting ? { day: details.meeting.day, url: details.meeting.url } : null,
    minute: details.minute,
    function: details.function ? `${details.function.label} (${details.function.basis})` : null,
    response: row.response
      ? {
          kind: RESPONSE_LABELS[row.response],
          on: date(row.respondedOn),
          paragraphs: paragraphs(row.responseText),
        }
      : null,
    outcome: row.outcome
      ? {
          kind: OUTCOME_LABELS[row.outcome],
          on: date(row.outcomeOn),
          paragraphs: paragraphs(row.outcomeText),
        }
      : null,
    actions: toActionsView(read.actions),
    progress: read.progress.map((update) => ({
      on: date(update.reportedOn),
      paragraphs: paragraphs(update.text),
    })),
    open: row.outcome === null,
    formUrls: {
      response: paths.response({ id: row.id }),
      progress: paths.progress({ id: row.id }),
      actions: paths.actions({ id: row.id }),
      outcome: paths.outcome({ id: row.id }),
    },
    links: { list: paths.list(), json: paths.apiRecommendation({ id: row.id }) },
  };
}

/** The forms on a recommendation's page, each named; a mistake in one shows against that form's fields. */
export type DetailFormName = 'response' | 'progress' | 'actions' | 'outcome';

/** A recommendation's page, with the forms the actor may use and, after a mistake, what was typed in one. */
export function toRecommendationPage(
  read: RecommendationRead,
  problem?: { form: DetailFormName } & FormProblem,
) {
  return {
    pageTitle: `Recommendation ${read.recommendation.reference}`,
    recommendation: toRecommendationView(read),
    canManage: read.canManage,
    canRespond: read.canRespond,
    responseOptions: RESPONSE_OPTIONS,
    outcomeOptions: OUTCOME_OPTIONS,
    values: problem ? { [problem.form]: problem.values } : {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}
export type RecommendationPageModel = PageModel & ReturnType<typeof toRecommendationPage>;

/** One recommendation for the API, with OParl-style type and links. */
export function toRecommendationJson(entry: {
  recommendation: RecommendationRow;
  details: OriginDetails;
  actions: RecommendationActionRow[];
  progress: ProgressRow[];
}): z.input<typeof RecommendationJson> {
  const { recommendation: row, details } = entry;
  return {
    id: row.id,
    type: 'Recommendation',
    reference: row.reference,
    url: paths.apiRecommendation({ id: row.id }),
    web: paths.recommendation({ id: row.id }),
    organization: { slug: row.bodySlug, name: row.bodyName },
    origin: row.origin,
    originUrl: row.originUrl,
    group: details.group ? { id: details.group.id, name: details.group.name } : null,
    meeting: details.meeting ? { id: details.meeting.id, url: details.meeting.apiUrl } : null,
    minute: details.minute?.number ?? null,
    sourceTitle: row.originTitle,
    madeOn: row.madeOn,
    function: details.function?.key ?? null,
    topic: row.topic,
    text: row.text,
    addressee: row.addressee,
    responseDue: row.responseDueOn,
    response: row.response ? { kind: row.response, text: row.responseText, date: row.respondedOn } : null,
    actions: entry.actions.map(({ text, owner, dueOn, doneOn }) => ({
      text,
      owner,
      due: dueOn,
      done: doneOn,
    })),
    progress: entry.progress.map(({ reportedOn, text }) => ({ date: reportedOn, text })),
    outcome: row.outcome ? { kind: row.outcome, text: row.outcomeText, date: row.outcomeOn } : null,
    status: row.status,
    overdue: row.overdue,
  };
}

/** The monitoring report as CSV: one row per recommendation, dates as ISO 8601, the latest progress update. */
export const LEDGER_CSV: CsvColumn<LedgerEntry>[] = [
  { header: 'reference', value: (entry) => entry.recommendation.reference },
  { header: 'body', value: (entry) => entry.recommendation.bodyName },
  { header: 'origin', value: (entry) => entry.recommendation.origin },
  { header: 'made_by', value: (entry) => madeBy(entry.recommendation, entry.details) },
  { header: 'minute', value: (entry) => entry.details.minute?.number },
  { header: 'made_on', value: (entry) => entry.recommendation.madeOn },
  { header: 'topic', value: (entry) => entry.recommendation.topic },
  { header: 'function', value: (entry) => entry.details.function?.label },
  { header: 'recommendation', value: (entry) => entry.recommendation.text },
  { header: 'addressee', value: (entry) => entry.recommendation.addressee },
  { header: 'response_due', value: (entry) => entry.recommendation.responseDueOn },
  { header: 'response', value: (entry) => entry.recommendation.response },
  { header: 'response_date', value: (entry) => entry.recommendation.respondedOn },
  { header: 'response_text', value: (entry) => entry.recommendation.responseText },
  { header: 'actions', value: (entry) => entry.actions.length },
  {
    header: 'actions_done',
    value: (entry) => entry.actions.filter((action) => action.doneOn !== null).length,
  },
  { header: 'latest_progress_date', value: (entry) => entry.progress.at(-1)?.reportedOn },
  { header: 'latest_progress', value: (entry) => entry.progress.at(-1)?.text },
  { header: 'status', value: (entry) => entry.recommendation.status },
  { header: 'overdue', value: (entry) => (entry.recommendation.overdue ? 'yes' : 'no') },
  { header: 'outcome', value: (entry) => entry.recommendation.outcome },
  { header: 'outcome_date', value: (entry) => entry.recommendation.outcomeOn },
  { header: 'outcome_text', value: (entry) => entry.recommendation.outcomeText },
];
