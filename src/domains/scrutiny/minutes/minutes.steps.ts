import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { listLedgerEntriesOfMinuteItems } from '../recommendations/recommendations.queries.ts';
import { meetingDay, requireManagedMeeting, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { listAgendaItems, type MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import {
  findMinutes,
  insertMinutes,
  listMinuteActions,
  listMinuteDecisions,
  listMinuteItems,
  listMinuteNumberRanges,
  type MinuteActionRow,
  type MinuteDecisionRow,
  type MinuteItemRow,
  type MinutesRow,
  updateMeetingStatus,
  updateMinutesApproval,
} from './minutes.queries.ts';

/*
 * The steps the minutes' use-cases share: reading items with their decisions, actions and ledger entries, the
 * numbering rule, and the checks that a meeting can be minuted and its minutes are still a draft.
 */

/** A decision of the minutes, with the recommendations ledger entry made from it, if there is one. */
export interface MinuteDecisionWithLedger extends MinuteDecisionRow {
  ledger: { id: number; reference: string } | null;
}

export interface MinuteItemWithDetail extends Omit<MinuteItemRow, 'text'> {
  /** Null when the reader may not see an exempt item's content. */
  text: string | null;
  withheld: boolean;
  decisions: MinuteDecisionWithLedger[];
  actions: MinuteActionRow[];
}

type LedgerEntryOfMinute = Awaited<ReturnType<typeof listLedgerEntriesOfMinuteItems>>[number];

/** The ledger entry recorded from a decision, if it has one. */
export function ledgerEntryOf(
  decision: MinuteDecisionRow,
  entries: LedgerEntryOfMinute[],
): LedgerEntryOfMinute | undefined {
  return entries.find(
    (entry) => entry.minuteItemId === decision.minuteItemId && entry.decisionPosition === decision.position,
  );
}

/** Meetings still to be marked as held once their minutes are written or they approve other minutes. */
const NOT_YET_HELD = new Set(['scheduled', 'agenda-published']);

/** A meeting's minute items with their decisions and actions; exempt content only for those who may read it. */
export async function loadItems(
  trx: Db,
  meetingId: number,
  readsExempt: boolean,
): Promise<MinuteItemWithDetail[]> {
  const items = await listMinuteItems(trx, meetingId);
  const ids = items.map((item) => item.id);
  const [decisions, actions, ledger] = await Promise.all([
    listMinuteDecisions(trx, ids),
    listMinuteActions(trx, ids),
    listLedgerEntriesOfMinuteItems(trx, ids),
  ]);
  return items.map((item) => {
    const withheld = item.exemptParagraph !== null && !readsExempt;
    return {
      ...item,
      text: withheld ? null : item.text,
      withheld,
      decisions: withheld
        ? []
        : decisions
            .filter((decision) => decision.minuteItemId === item.id)
            .map((decision) => {
              const entry = ledgerEntryOf(decision, ledger);
              return { ...decision, ledger: entry ? { id: entry.id, reference: entry.reference } : null };
            }),
      actions: withheld ? [] : actions.filter((action) => action.minuteItemId === item.id),
    };
  });
}

/**
 * The number the next item of these minutes must take: one after the last item of these minutes, or of
 * the body's latest earlier minutes. Null when nothing earlier is minuted (the first minutes recorded in
 * Peelian may continue a series begun on paper).
 */
export async function nextNumber(trx: Db, meeting: MeetingRow): Promise<number | null> {
  const ranges = await listMinuteNumberRanges(trx, meeting.bodyId);
  const own = ranges.find((range) => range.meetingId === meeting.id);
  if (own) return own.last + 1;
  const earlier = ranges.filter((range) => range.startsAt.getTime() < meeting.startsAt.getTime()).at(-1);
  return earlier ? earlier.last + 1 : null;
}

/**
 * The body's minutes, meeting by meeting, number their items one after another, and each meeting's
 * minutes start one after the previous meeting's last. Checked inside every change, before it commits.
 */
export async function assertNumberingRunsOn(trx: Db, bodyId: number, field: string) {
  const ranges = await listMinuteNumberRanges(trx, bodyId);
  for (const [index, range] of ranges.entries()) {
    const when = meetingDay(range.startsAt);
    if (range.count !== range.last - range.first + 1)
      throw new ValidationError([
        {
          field,
          message: `The minutes of ${when} skip a number: their items must be numbered one after another, from ${range.first}`,
        },
      ]);
    const previous = ranges[index - 1];
    if (previous && range.first !== previous.last + 1)
      throw new ValidationError([
        {
          field,
          message: `The minutes of ${when} must start at ${previous.last + 1}, after the last minute (${previous.last}) of ${meetingDay(previous.startsAt)}, but start at ${range.first}`,
        },
      ]);
  }
}

export function refuseIfApproved(minutes: MinutesRow | undefined, meeting: MeetingRow) {
  if (minutes?.approvedAtMeetingId != null)
    throw new ConflictError(
      `The minutes of ${meetingDay(meeting.startsAt)} have been approved as a correct record and can no longer be changed`,
    );
}

export function requireMinutable(meeting: MeetingRow, now: Date) {
  if (meeting.status === 'cancelled')
    throw new ConflictError('This meeting was cancelled, so it has no minutes');
  if (meeting.startsAt.getTime() > now.getTime())
    throw new ConflictError('This meeting has not taken place yet, so it cannot be minuted');
}

export async function ensureDraft(trx: Db, actor: Actor, meeting: MeetingRow, requestId?: string) {
  const minutes = await findMinutes(trx, meeting.id);
  refuseIfApproved(minutes, meeting);
  if (!minutes) {
    await insertMinutes(trx, meeting.id, meeting.bodyId);
    await recordChange(
      trx,
      actor,
      { type: 'minutes', id: meeting.id },
      undefined,
      { meetingId: meeting.id, approvedAtMeetingId: null },
      requestId,
    );
  }
}

/** Moves a meeting on to a new status, audited, inside a transaction that has checked it may. */
export async function changeMeetingStatus(
  trx: Db,
  actor: Actor,
  meeting: MeetingRow,
  status: MeetingRow['status'],
  requestId?: string,
) {
  await updateMeetingStatus(trx, meeting.id, status);
  await recordChange(
    trx,
    actor,
    { type: 'meeting', id: meeting.id },
    { status: meeting.status },
    { status },
    requestId,
  );
}

/** Minutes and approvals record that a meeting took place. */
export async function markHeld(trx: Db, actor: Actor, meeting: MeetingRow, requestId?: string) {
  if (NOT_YET_HELD.has(meeting.status)) await changeMeetingStatus(trx, actor, meeting, 'held', requestId);
}

export async function agendaItemOf(trx: Db, meetingId: number, agendaItemId: number | null) {
  if (agendaItemId === null) return null;
  const agendaItem = (await listAgendaItems(trx, meetingId)).find((item) => item.id === agendaItemId);
  if (!agendaItem)
    throw new ValidationError([
      { field: 'agendaItem', message: 'Select an item from this meeting’s agenda' },
    ]);
  return agendaItem;
}

export async function requireItemOf(trx: Db, meetingId: number, itemId: number) {
  const item = (await listMinuteItems(trx, meetingId)).find((candidate) => candidate.id === itemId);
  if (!item) throw new NotFoundError('There is no such minute item');
  return item;
}

/** A draft item of a meeting the actor keeps the minutes of, inside the change's transaction. */
export async function requireDraftItem(trx: Db, meeting: MeetingRow, itemId: number) {
  refuseIfApproved(await findMinutes(trx, meeting.id), meeting);
  return requireItemOf(trx, meeting.id, itemId);
}

/**
 * Runs a change to one draft item: the actor must keep the meeting's minutes, and the item must be a draft
 * item of that meeting, checked inside the change's transaction.
 */
export async function changeDraftItem<T>(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  change: (trx: Db, item: Awaited<ReturnType<typeof requireItemOf>>, meeting: MeetingRow) => Promise<T>,
): Promise<T> {
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  return deps.db
    .transaction()
    .execute(async (trx) => change(trx, await requireDraftItem(trx, meeting, itemId), meeting));
}

export async function requireAction(trx: Db, meetingId: number, itemId: number, position: number) {
  const item = await requireItemOf(trx, meetingId, itemId);
  const action = (await listMinuteActions(trx, [itemId])).find(
    (candidate) => candidate.position === position,
  );
  if (!action) throw new NotFoundError('There is no such action');
  return { item, action };
}

export async function recordApproval(
  trx: Db,
  actor: Actor,
  meeting: MeetingRow,
  approving: MeetingRow,
  approvedAt: Date,
  requestId?: string,
) {
  await updateMinutesApproval(trx, meeting.id, { approvedAtMeetingId: approving.id, approvedAt });
  await recordChange(
    trx,
    actor,
    { type: 'minutes', id: meeting.id },
    { meetingId: meeting.id, approvedAtMeetingId: null },
    { meetingId: meeting.id, approvedAtMeetingId: approving.id },
    requestId,
  );
  await markHeld(trx, actor, approving, requestId);
  await changeMeetingStatus(trx, actor, meeting, 'minutes-approved', requestId);
}
