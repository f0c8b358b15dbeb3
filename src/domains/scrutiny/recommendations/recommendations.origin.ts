import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import type { OriginDetails, RecommendationRow, RecommendationValues } from '../../recommendations/index.ts';
import { meetingDay, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { FUNCTION_LABELS, refuseDelegationOfReserved } from '../scrutiny-functions.ts';
import type { GroupKind } from '../scrutiny-records.tables.ts';
import {
  findSource,
  listSourceDetails,
  listVisibilityChanges,
  type SourceDetailRow,
  type SourceValues,
  upsertSource,
} from './recommendations.queries.ts';

/*
 * The panel as an origin of recommendations: what it tells the shared ledger (a recommendation's group,
 * meeting, minute and function, kept in scrutiny's own table) and keeps current there (who may see it).
 */

const GROUP_WORDS: Record<GroupKind, string> = {
  'sub-committee': 'a sub-committee',
  'task-and-finish-group': 'a task-and-finish group',
};

export function isGroupOrigin(origin: RecommendationValues['origin']): origin is GroupKind {
  return origin === 'sub-committee' || origin === 'task-and-finish-group';
}

/** The link the ledger shows for who made a recommendation: a group's page. */
export function groupUrl(groupId: number | null): string | null {
  return groupId === null ? null : `/scrutiny/committees/${groupId}`;
}

/**
 * Whether a group of the body may make a recommendation: it must be the body's own group of the kind
 * named, and may not exercise a function the Act keeps for the full panel.
 */
export function checkGroup(
  group: { bodyId: number; kind: GroupKind } | undefined,
  bodyId: number,
  origin: GroupKind,
  fn: SourceValues['function'],
  fields: { group: string; function: string },
) {
  if (!group || group.bodyId !== bodyId || group.kind !== origin)
    throw new ValidationError([
      { field: fields.group, message: `Select ${GROUP_WORDS[origin]} of the panel` },
    ]);
  if (fn) refuseDelegationOfReserved(fn, fields.function, GROUP_WORDS[origin]);
}

function toDetails(row: SourceDetailRow): OriginDetails {
  const fn = row.function;
  return {
    group: row.groupId !== null ? { id: row.groupId, name: row.groupName ?? '' } : null,
    meeting:
      row.meetingId !== null && row.meetingStartsAt
        ? {
            id: row.meetingId,
            startsAt: row.meetingStartsAt,
            day: meetingDay(row.meetingStartsAt),
            url: `/meetings/${row.meetingId}`,
            apiUrl: `/api/v1/meetings/${row.meetingId}`,
          }
        : null,
    minute:
      row.minuteNumber !== null && row.meetingId !== null
        ? { number: row.minuteNumber, url: `/meetings/${row.meetingId}/minutes#minute-${row.minuteNumber}` }
        : null,
    function: fn ? { key: fn, ...FUNCTION_LABELS[fn] } : null,
  };
}

/** The describer the panel gives the ledger: its recommendations' group, meeting, minute and function. */
export function describeWith(db: Db) {
  return async (ids: readonly number[]) =>
    new Map((await listSourceDetails(db, ids)).map((row) => [row.recommendationId, toDetails(row)]));
}

/** A ledger row with the panel's part of it, as the panel's own records and tests read it. */
export function withSource(row: RecommendationRow, source: SourceDetailRow | undefined) {
  return {
    ...row,
    sourceTitle: row.originTitle,
    groupId: source?.groupId ?? null,
    groupName: source?.groupName ?? null,
    meetingId: source?.meetingId ?? null,
    meetingStartsAt: source?.meetingStartsAt ?? null,
    minuteItemId: source?.minuteItemId ?? null,
    minuteDecisionPosition: source?.minuteDecisionPosition ?? null,
    minuteNumber: source?.minuteNumber ?? null,
    function: source?.function ?? null,
  };
}

/** Records or changes the panel's part of a recommendation, audited as its own record; true if it changed. */
export async function setSource(trx: Db, actor: Actor, values: SourceValues, requestId?: string) {
  const before = await findSource(trx, values.recommendationId);
  if (isDeepStrictEqual(before, values)) return false;
  const record = { type: 'scrutiny_recommendation_source', id: values.recommendationId };
  await upsertSource(trx, values);
  return recordChange(trx, actor, record, before, values, requestId);
}

/**
 * Brings who may see the body's recommendations from minutes up to date with the minutes, in the caller's
 * transaction: after minutes are approved, an item's privacy changes, or a recommendation is recorded.
 */
export async function syncVisibility(deps: ScrutinyRecordsDeps, trx: Db, bodyId: number) {
  for (const change of await listVisibilityChanges(trx, bodyId))
    await deps.ledger.setVisibility(trx, [change.id], change.visibility);
}
