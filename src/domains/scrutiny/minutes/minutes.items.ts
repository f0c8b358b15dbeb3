import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ConflictError, ValidationError } from '../../../kernel/errors.ts';
import { syncVisibility } from '../recommendations/recommendations.origin.ts';
import { listLedgerEntriesOfMinuteItems } from '../recommendations/recommendations.queries.ts';
import { meetingDay, requireMeeting, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import type { MinuteItemEditForm, MinuteItemForm } from '../scrutiny-records.schemas.ts';
import {
  deleteMinuteItem,
  findMinuteItemByNumber,
  insertMinuteItem,
  listMinuteItems,
  listMinuteNumberRanges,
  updateMinuteItem,
  updateMinuteItemNumber,
} from './minutes.queries.ts';
import {
  agendaItemOf,
  assertNumberingRunsOn,
  changeDraftItem,
  ensureDraft,
  loadItems,
  markHeld,
  nextNumber,
  requireManagedMeeting,
  requireMinutable,
} from './minutes.steps.ts';

/** Adds an item to a meeting's draft minutes, numbered on from the minutes before it. */
export async function addMinuteItem(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  form: MinuteItemForm,
  requestId?: string,
) {
  const { db } = deps;
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  requireMinutable(meeting, deps.now());
  return db.transaction().execute(async (trx) => {
    await ensureDraft(trx, actor, meeting, requestId);
    const agendaItem = await agendaItemOf(trx, meetingId, form.agendaItem);
    const taken = await findMinuteItemByNumber(trx, meeting.bodyId, form.number);
    if (taken) {
      const other = await requireMeeting(trx, taken.meetingId);
      throw new ValidationError([
        {
          field: 'number',
          message: `Minute ${form.number} is already used in the minutes of ${meetingDay(other.startsAt)}`,
        },
      ]);
    }
    const expected = await nextNumber(trx, meeting);
    if (expected !== null && form.number !== expected)
      throw new ValidationError([
        {
          field: 'number',
          message: `The next minute number is ${expected}: minute numbers run on from one item, and one meeting, to the next`,
        },
      ]);
    const values = {
      meetingId,
      number: form.number,
      agendaItemId: agendaItem?.id ?? null,
      title: form.title,
      text: form.text,
      // An item minuted from an exempt agenda item stays private unless the officer says otherwise.
      exemptParagraph: form.exemptParagraph ?? agendaItem?.exemptParagraph ?? null,
    };
    const id = await insertMinuteItem(trx, meeting.bodyId, values);
    await recordChange(trx, actor, { type: 'minute_item', id }, undefined, values, requestId);
    await assertNumberingRunsOn(trx, meeting.bodyId, 'number');
    await markHeld(trx, actor, meeting, requestId);
    return { id, number: form.number };
  });
}

/** Changes a draft item's title, wording, agenda item or privacy; its number stays. */
export async function editMinuteItem(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  form: MinuteItemEditForm,
  requestId?: string,
) {
  return changeDraftItem(deps, actor, meetingId, itemId, async (trx, { id: _id, ...before }, meeting) => {
    const agendaItem = await agendaItemOf(trx, meetingId, form.agendaItem);
    const values = {
      ...before,
      agendaItemId: agendaItem?.id ?? null,
      title: form.title,
      text: form.text,
      exemptParagraph: form.exemptParagraph ?? agendaItem?.exemptParagraph ?? null,
    };
    await updateMinuteItem(trx, itemId, values);
    await recordChange(trx, actor, { type: 'minute_item', id: itemId }, before, values, requestId);
    // An item found to have been heard in private (or not) takes its recommendations with it.
    await syncVisibility(deps, trx, meeting.bodyId);
  });
}

/**
 * Removes a draft item with its decisions and actions; the items after it in these minutes move up one
 * number, so the series has no gap. Refused when a later meeting's minutes already carry the numbering on
 * (their first number would no longer follow), and when the ledger records a recommendation from the item.
 */
export async function removeMinuteItem(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  requestId?: string,
) {
  return changeDraftItem(deps, actor, meetingId, itemId, async (trx, item, meeting) => {
    const ledger = await listLedgerEntriesOfMinuteItems(trx, [itemId]);
    if (ledger.length > 0)
      throw new ConflictError(
        `Minute ${item.number} cannot be deleted: the recommendations ledger records ${ledger.map((entry) => entry.reference).join(', ')} from it`,
      );
    const later = (await listMinuteNumberRanges(trx, meeting.bodyId)).find(
      (range) => range.startsAt.getTime() > meeting.startsAt.getTime(),
    );
    if (later)
      throw new ConflictError(
        `Minute ${item.number} cannot be deleted: the minutes of ${meetingDay(later.startsAt)} carry the numbering on from these minutes (from ${later.first}). Change the item instead`,
      );
    const [detail] = (await loadItems(trx, meetingId, true)).filter((candidate) => candidate.id === itemId);
    await deleteMinuteItem(trx, itemId);
    const { id: _id, ...before } = item;
    await recordChange(
      trx,
      actor,
      { type: 'minute_item', id: itemId },
      { ...before, decisions: detail?.decisions ?? [], actions: detail?.actions ?? [] },
      undefined,
      requestId,
    );
    for (const following of (await listMinuteItems(trx, meetingId)).filter(
      (candidate) => candidate.number > item.number,
    )) {
      await updateMinuteItemNumber(trx, following.id, following.number - 1);
      await recordChange(
        trx,
        actor,
        { type: 'minute_item', id: following.id },
        { number: following.number },
        { number: following.number - 1 },
        requestId,
      );
    }
    await assertNumberingRunsOn(trx, meeting.bodyId, 'minutes');
    return { number: item.number };
  });
}
