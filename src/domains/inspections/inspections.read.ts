import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline } from '../../kernel/calendar/deadlines.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { ActionAnswer, LinkedAction } from '../delivery/index.ts';
import { NO_FILTER, type RecommendationRow } from '../recommendations/index.ts';
import { type ResponseClock, responseClock, responseDueOn } from './inspections.clock.ts';
import { canManage, findOrRefuse, type InspectionsDeps, mayRead, todayOf } from './inspections.context.ts';
import { inspectionPaths as paths } from './inspections.paths.ts';
import {
  type FindingRow,
  type GradeRow,
  type InspectionRow,
  listFindings,
  listGrades,
  listInspections,
  listPolicingBodies,
} from './inspections.queries.ts';
import type { InspectionFilter } from './inspections.schemas.ts';
import { FINDING_LABELS } from './inspections.view-models.ts';

/**
 * A finding with its ledger entry as the reader may see it (null for an area for improvement), and the delivery
 * action that answers it, if the reader may see that (its delivery plan may still be a draft).
 */
export interface FindingRecord extends FindingRow {
  ledger: RecommendationRow | null;
  deliveryAction: LinkedAction | null;
}

/** A report with its grades, findings and response clock. */
export interface InspectionRecord extends InspectionRow {
  grades: GradeRow[];
  findings: FindingRecord[];
  clock: ResponseClock;
}

/** The ledger's rows for inspections and audits the reader may see, by id, with their statuses for today. */
async function ledgerRows(deps: InspectionsDeps, actor: Actor) {
  const [inspection, audit] = await Promise.all([
    deps.ledger.listLedger(actor, { ...NO_FILTER, origin: 'inspection' }),
    deps.ledger.listLedger(actor, { ...NO_FILTER, origin: 'audit' }),
  ]);
  return new Map([...inspection, ...audit].map((row) => [row.id, row]));
}

async function assemble(
  deps: InspectionsDeps,
  actor: Actor,
  rows: InspectionRow[],
): Promise<InspectionRecord[]> {
  const ids = rows.map((row) => row.id);
  const [grades, findings, ledger] = await Promise.all([
    listGrades(deps.db, ids),
    listFindings(deps.db, ids),
    ledgerRows(deps, actor),
  ]);
  const actions = await deps.delivery.linkedActions(
    actor,
    findings.flatMap((finding) => finding.deliveryActionId ?? []),
  );
  const today = todayOf(deps);
  return rows.map((row) => ({
    ...row,
    grades: grades
      .filter((grade) => grade.inspectionId === row.id)
      .map(({ inspectionId: _i, ...grade }) => grade),
    findings: findings
      .filter((finding) => finding.inspectionId === row.id)
      .map((finding) => ({
        ...finding,
        ledger: finding.recommendationId === null ? null : (ledger.get(finding.recommendationId) ?? null),
        deliveryAction:
          finding.deliveryActionId === null ? null : (actions.get(finding.deliveryActionId) ?? null),
      })),
    clock: responseClock(row.kind, row.reportPublishedOn, row.responsePublishedOn, today),
  }));
}

/** The published reports, newest first, filtered by kind. */
export async function listPublished(deps: InspectionsDeps, actor: Actor, filter: InspectionFilter) {
  const rows = (await listInspections(deps.db)).filter(
    (row) => row.status === 'published' && (filter.kind === null || row.kind === filter.kind),
  );
  return assemble(deps, actor, rows);
}

/** The office's drafts, for its officers. */
export async function listDrafts(deps: InspectionsDeps, actor: Actor) {
  const rows = (await listInspections(deps.db)).filter(
    (row) => row.status === 'draft' && mayRead(deps, actor, row),
  );
  return assemble(deps, actor, rows);
}

export async function readInspection(deps: InspectionsDeps, actor: Actor, body: string, code: string) {
  const row = await findOrRefuse(deps.db, body, code);
  if (!mayRead(deps, actor, row)) throw new NotFoundError('There is no such report');
  const [inspection] = await assemble(deps, actor, [row]);
  const manage = canManage(deps, actor, row.bodyId);
  return {
    inspection: inspection as InspectionRecord,
    canManage: manage,
    /** The actions its officers may link its findings to. */
    actions: manage ? await deps.delivery.linkableActions(actor, row.bodyId) : [],
  };
}

/** Every cause of concern and recommendation still open (no outcome), with its report, oldest report first. */
export async function listOpenRecommendations(deps: InspectionsDeps, actor: Actor) {
  const reports = [...(await listPublished(deps, actor, { kind: null })), ...(await listDrafts(deps, actor))];
  return reports
    .flatMap((report) =>
      report.findings
        .filter((finding) => finding.ledger !== null && finding.ledger.outcome === null)
        .map((finding) => ({ report, finding: finding as FindingRecord & { ledger: RecommendationRow } })),
    )
    .sort((a, b) => a.report.reportPublishedOn.localeCompare(b.report.reportPublishedOn));
}

/** The offices the actor may record reports for. */
export async function listOfficesFor(deps: InspectionsDeps, actor: Actor) {
  return (await listPolicingBodies(deps.db)).filter((body) => canManage(deps, actor, body.id));
}

/**
 * For the statutory calendar: each HMICFRS report's response deadline, 56 days after publication, until the
 * response is recorded; for the public once the report is published, for the office while it is a draft.
 */
export async function upcomingDeadlines(deps: InspectionsDeps, actor: Actor): Promise<Deadline[]> {
  const rows = (await listInspections(deps.db)).filter(
    (row) =>
      row.responsePublishedOn === null &&
      responseDueOn(row.kind, row.reportPublishedOn) !== null &&
      mayRead(deps, actor, row),
  );
  const today = todayOf(deps);
  return rows.map((row) => {
    const clock = responseClock(row.kind, row.reportPublishedOn, null, today);
    return {
      uid: `inspection-${row.id}-response`,
      date: clock.dueOn as string,
      title: `Publish the response to ${row.madeBy}: ${row.title}`,
      basis: `Police Act 1996 s55: within 56 days of the report's publication on ${formatDate(row.reportPublishedOn)}`,
      url: paths.inspection({ body: row.bodySlug, code: row.code }),
      status: clock.state === 'overdue' ? 'overdue' : null,
    };
  });
}

export function listAccess(deps: InspectionsDeps, actor: Actor) {
  return { canManage: canManage(deps, actor) };
}

/** For a delivery action's page: the findings of the reports the reader may see that these actions answer. */
export async function findingsAnswered(
  deps: InspectionsDeps,
  actor: Actor,
  actionIds: readonly number[],
): Promise<ActionAnswer[]> {
  const reports = (await listInspections(deps.db)).filter((row) => mayRead(deps, actor, row));
  const byId = new Map(reports.map((report) => [report.id, report]));
  const findings = await listFindings(deps.db, [...byId.keys()]);
  return findings.flatMap((finding) => {
    const report = byId.get(finding.inspectionId);
    if (!report || finding.deliveryActionId === null || !actionIds.includes(finding.deliveryActionId))
      return [];
    return [
      {
        actionId: finding.deliveryActionId,
        text: `${report.madeBy}, ${report.title}: ${FINDING_LABELS[finding.kind].toLowerCase()} ${finding.number}`,
        url: paths.inspection({ body: report.bodySlug, code: report.code }),
      },
    ];
  });
}
