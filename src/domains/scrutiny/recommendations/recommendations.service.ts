import type { Actor } from '../../../kernel/auth/actor.ts';
import type { LedgerFilter } from '../../recommendations/index.ts';
import { NO_FILTER, toLedgerRow } from '../../recommendations/index.ts';
import { listGroups } from '../committees/committees.queries.ts';
import type { RecommendationFileEntry } from '../records/records.file-schema.ts';
import type { RecordsLoadMode, ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { recordsAccess } from '../scrutiny.context.ts';
import { listMeetings, type MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { LedgerEntryForm, NewRecommendationForm } from '../scrutiny-records.schemas.ts';
import type { GroupKind } from '../scrutiny-records.tables.ts';
import { applyRecommendationsFile } from './recommendations.file.ts';
import { describeWith, withSource } from './recommendations.origin.ts';
import { listSourceDetails } from './recommendations.queries.ts';
import { addFromMinute, createRecommendation } from './recommendations.record.ts';

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;

/**
 * The panel's recommendations, kept in the shared ledger (the recommendations domain): the panel records
 * them from its meetings, minutes, groups and records files, describes them to the ledger, and reads them
 * back with its own part (group, meeting, minute, function).
 */
export function createRecommendationsService(deps: ScrutinyRecordsDeps) {
  const { ledger } = deps;
  const access = recordsAccess(deps.policy);
  ledger.describeOriginsWith('scrutiny', describeWith(deps.db));

  /** The ledger as the actor may see it, each recommendation with the panel's part of it. */
  async function listLedger(actor: Actor, filter: LedgerFilter) {
    const rows = await ledger.listLedger(actor, filter);
    const sources = new Map(
      (
        await listSourceDetails(
          deps.db,
          rows.map((row) => row.id),
        )
      ).map((source) => [source.recommendationId, source]),
    );
    return rows.map((row) => withSource(row, sources.get(row.id)));
  }

  /** The recommendations one of the panel's groups made, as lines of the ledger. */
  async function listOfGroup(actor: Actor, group: { id: number; kind: GroupKind }) {
    const rows = await ledger.listLedger(actor, { ...NO_FILTER, origin: group.kind });
    const described = await ledger.withDetails(rows);
    return described.filter((entry) => entry.details.group?.id === group.id).map(toLedgerRow);
  }

  /** Response deadlines still to come, for the statutory calendar: each reader sees those they may see. */
  async function upcomingDeadlines(actor: Actor) {
    const awaiting = await ledger.listLedger(actor, { ...NO_FILTER, status: 'awaiting-response' });
    return awaiting.flatMap((row) =>
      row.responseDueOn === null
        ? []
        : [
            {
              uid: `recommendation-${row.id}-response`,
              date: row.responseDueOn,
              title: `Response due to recommendation ${row.reference}${row.topic ? `: ${row.topic}` : ''}`,
              basis: `${row.bodyName}: the written response the panel asked of ${row.addressee} (Police Reform and Social Responsibility Act 2011, s. 29)`,
              url: `/scrutiny/recommendations/${row.id}`,
              status: null,
            },
          ],
    );
  }

  /** The meetings and groups a scrutiny officer may attach a new recommendation to. */
  async function choicesFor(actor: Actor) {
    const [meetings, groups] = await Promise.all([listMeetings(deps.db), listGroups(deps.db)]);
    return {
      meetings: meetings.filter(
        (meeting) => meeting.status !== 'cancelled' && access.canManage(actor, meeting.bodyId),
      ),
      groups: groups.filter((group) => access.canManage(actor, group.bodyId)),
    };
  }

  return {
    listLedger,
    listOfGroup,
    listLedgerInFull: ledger.listLedgerInFull,
    readRecommendation: ledger.readRecommendation,
    recordResponse: ledger.recordResponse,
    addProgress: ledger.addProgress,
    addAction: ledger.addAction,
    recordOutcome: ledger.recordOutcome,
    upcomingDeadlines,
    choicesFor,
    canManageAny: access.canManageAny,
    createRecommendation: (actor: Actor, form: NewRecommendationForm, requestId?: string) =>
      createRecommendation(deps, actor, form, requestId),
    addFromMinute: (
      actor: Actor,
      meetingId: number,
      itemId: number,
      position: number,
      form: LedgerEntryForm,
      requestId?: string,
    ) => addFromMinute(deps, actor, { meetingId, itemId, position }, form, requestId),
    applyFile: (
      trx: Db,
      actor: Actor,
      bodyId: number,
      meetings: MeetingRow[],
      entries: RecommendationFileEntry[],
      mode: RecordsLoadMode,
    ) => applyRecommendationsFile(deps, trx, actor, { bodyId, meetings, entries, mode }),
  };
}
