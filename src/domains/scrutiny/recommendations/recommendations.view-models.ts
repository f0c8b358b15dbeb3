import type { z } from 'zod';
import type { CsvColumn } from '../../../kernel/formats/csv.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { paragraphs } from '../minutes/minutes.view-models.ts';
import { meetingDay } from '../scrutiny.context.ts';
import { FUNCTION_LABELS, functionLabel } from '../scrutiny-functions.ts';
import type { RecommendationJson } from '../scrutiny-records.schemas.ts';
import {
  RECOMMENDATION_STATUSES,
  type RecommendationFilter,
  type RecommendationStatus,
} from '../scrutiny-records.schemas.ts';
import {
  OUTCOME_KINDS,
  type OutcomeKind,
  RECOMMENDATION_ORIGINS,
  RESPONSE_KINDS,
  type RecommendationOrigin,
  type ResponseKind,
} from '../scrutiny-records.tables.ts';
import type { ProgressRow, RecommendationActionRow, RecommendationRow } from './recommendations.queries.ts';
import type { RecommendationsService } from './recommendations.service.ts';

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

type RecommendationRead = Awaited<ReturnType<RecommendationsService['readRecommendation']>>;

const date = (iso: string | null) => (iso ? formatDate(iso) : null);

/** Who made it: the group's name, the report's title, or the body's meeting. */
function madeBy(row: RecommendationRow): string {
  if (row.groupName) return row.groupName;
  if (row.sourceTitle) return row.sourceTitle;
  return row.meetingStartsAt
    ? `${row.bodyName}, meeting of ${meetingDay(row.meetingStartsAt)}`
    : row.bodyName;
}

export function toLedgerRow(row: RecommendationRow) {
  return {
    id: row.id,
    url: `/scrutiny/recommendations/${row.id}`,
    reference: row.reference,
    topic: row.topic,
    text: row.text,
    addressee: row.addressee,
    origin: ORIGIN_LABELS[row.origin],
    madeBy: madeBy(row),
    madeOn: date(row.madeOn),
    responseDue: date(row.responseDueOn),
    status: STATUS_LABELS[row.status],
    overdue: row.overdue,
  };
}

/** How many recommendations have each status, with a link to see them: the monitoring report's summary. */
export function toStatusSummary(rows: RecommendationRow[]) {
  return RECOMMENDATION_STATUSES.map((status) => ({
    text: STATUS_LABELS[status].text,
    count: rows.filter((row) => row.status === status).length,
    url: `/scrutiny/recommendations?status=${status}`,
  }));
}

/** The filter form's choices, with the current ones selected, and the query string to carry to the CSV. */
export function toFilterView(filter: RecommendationFilter) {
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

function toActionsView(actions: RecommendationActionRow[]) {
  return actions.map((action) => ({
    text: action.text,
    owner: action.owner,
    due: date(action.dueOn),
    done: date(action.doneOn),
  }));
}

export function toRecommendationView(read: RecommendationRead) {
  const row = read.recommendation;
  return {
    ...toLedgerRow(row),
    bodyName: row.bodyName,
    paragraphs: paragraphs(row.text),
    groupUrl: row.groupId ? `/scrutiny/committees/${row.groupId}` : null,
    sourceTitle: row.sourceTitle,
    meeting:
      row.meetingId && row.meetingStartsAt
        ? { day: meetingDay(row.meetingStartsAt), url: `/meetings/${row.meetingId}` }
        : null,
    minute:
      row.minuteNumber && row.meetingId
        ? { number: row.minuteNumber, url: `/meetings/${row.meetingId}/minutes#minute-${row.minuteNumber}` }
        : null,
    function: row.function
      ? `${FUNCTION_LABELS[row.function].label} (${FUNCTION_LABELS[row.function].basis})`
      : null,
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
  };
}

export const RESPONSE_OPTIONS = RESPONSE_KINDS.map((kind) => ({ value: kind, text: RESPONSE_LABELS[kind] }));
export const OUTCOME_OPTIONS = OUTCOME_KINDS.map((kind) => ({ value: kind, text: OUTCOME_LABELS[kind] }));

/** One recommendation for the API, with OParl-style type and links. */
export function toRecommendationJson(
  row: RecommendationRow,
  actions: RecommendationActionRow[],
  progress: ProgressRow[],
): z.input<typeof RecommendationJson> {
  return {
    id: row.id,
    type: 'Recommendation',
    reference: row.reference,
    url: `/api/v1/recommendations/${row.id}`,
    web: `/scrutiny/recommendations/${row.id}`,
    organization: { slug: row.bodySlug, name: row.bodyName },
    origin: row.origin,
    group: row.groupId ? { id: row.groupId, name: row.groupName } : null,
    meeting: row.meetingId ? { id: row.meetingId, url: `/api/v1/meetings/${row.meetingId}` } : null,
    minute: row.minuteNumber,
    sourceTitle: row.sourceTitle,
    madeOn: row.madeOn,
    function: row.function,
    topic: row.topic,
    text: row.text,
    addressee: row.addressee,
    responseDue: row.responseDueOn,
    response: row.response ? { kind: row.response, text: row.responseText, date: row.respondedOn } : null,
    actions: actions.map(({ text, owner, dueOn, doneOn }) => ({ text, owner, due: dueOn, done: doneOn })),
    progress: progress.map(({ reportedOn, text }) => ({ date: reportedOn, text })),
    outcome: row.outcome ? { kind: row.outcome, text: row.outcomeText, date: row.outcomeOn } : null,
    status: row.status,
    overdue: row.overdue,
  };
}

type LedgerEntry = {
  recommendation: RecommendationRow;
  actions: RecommendationActionRow[];
  progress: ProgressRow[];
};

/** The monitoring report as CSV: one row per recommendation, dates as ISO 8601, the latest progress update. */
export const LEDGER_CSV: CsvColumn<LedgerEntry>[] = [
  { header: 'reference', value: (entry) => entry.recommendation.reference },
  { header: 'body', value: (entry) => entry.recommendation.bodyName },
  { header: 'origin', value: (entry) => entry.recommendation.origin },
  { header: 'made_by', value: (entry) => madeBy(entry.recommendation) },
  { header: 'minute', value: (entry) => entry.recommendation.minuteNumber },
  { header: 'made_on', value: (entry) => entry.recommendation.madeOn },
  { header: 'topic', value: (entry) => entry.recommendation.topic },
  { header: 'function', value: (entry) => functionLabel(entry.recommendation.function) },
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
