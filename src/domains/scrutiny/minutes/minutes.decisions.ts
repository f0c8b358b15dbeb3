import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { listLedgerEntriesOfMinuteItems } from '../recommendations/recommendations.queries.ts';
import type { ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import type { ActionForm, ActionProgressForm, MinuteDecisionForm } from '../scrutiny-records.schemas.ts';
import {
  insertMinuteAction,
  insertMinuteDecision,
  listMinuteActions,
  listMinuteDecisions,
  updateMinuteActionDates,
  updateMinuteDecision,
} from './minutes.queries.ts';

import { changeDraftItem, ledgerEntryOf, requireAction, requireManagedMeeting } from './minutes.steps.ts';

export async function addMinuteDecision(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  form: MinuteDecisionForm,
  requestId?: string,
) {
  return changeDraftItem(deps, actor, meetingId, itemId, async (trx) => {
    const existing = await listMinuteDecisions(trx, [itemId]);
    const values = { minuteItemId: itemId, position: existing.length + 1, ...form };
    await insertMinuteDecision(trx, values);
    await recordChange(
      trx,
      actor,
      { type: 'minute_decision', id: `${itemId}/${values.position}` },
      undefined,
      values,
      requestId,
    );
  });
}

/**
 * Changes a decision of a draft item. A recommendation already in the ledger stays a recommendation. The
 * entry's wording follows a corrected minute while it is the minute's own wording and has had no response;
 * once answered, or summarised in other words, the entry's wording is its own.
 */
export async function editMinuteDecision(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  position: number,
  form: MinuteDecisionForm,
  requestId?: string,
) {
  return changeDraftItem(deps, actor, meetingId, itemId, async (trx) => {
    const decision = (await listMinuteDecisions(trx, [itemId])).find(
      (candidate) => candidate.position === position,
    );
    if (!decision) throw new NotFoundError('There is no such decision');
    const entry = ledgerEntryOf(decision, await listLedgerEntriesOfMinuteItems(trx, [itemId]));
    if (entry && form.kind !== 'recommended')
      throw new ValidationError([
        {
          field: 'kind',
          message: `This recommendation is in the recommendations ledger as ${entry.reference}, so it stays a recommendation`,
        },
      ]);
    if (
      entry &&
      entry.text === decision.text &&
      form.text !== decision.text &&
      entry.response === null &&
      entry.outcome === null
    ) {
      await deps.ledger.reword(trx, actor, { id: entry.id, from: entry.text, to: form.text }, requestId);
    }
    await updateMinuteDecision(trx, itemId, position, form);
    await recordChange(
      trx,
      actor,
      { type: 'minute_decision', id: `${itemId}/${position}` },
      { kind: decision.kind, text: decision.text },
      form,
      requestId,
    );
  });
}

export async function addMinuteAction(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  form: ActionForm,
  requestId?: string,
) {
  return changeDraftItem(deps, actor, meetingId, itemId, async (trx) => {
    const existing = await listMinuteActions(trx, [itemId]);
    const values = { minuteItemId: itemId, position: existing.length + 1, doneOn: null, ...form };
    await insertMinuteAction(trx, values);
    await recordChange(
      trx,
      actor,
      { type: 'minute_action', id: `${itemId}/${values.position}` },
      undefined,
      values,
      requestId,
    );
  });
}

/**
 * Follows up an action: a new due date, or the day it was done. Allowed after the minutes are approved,
 * as the action log goes on after the record of the meeting is fixed.
 */
export async function followUpMinuteAction(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  position: number,
  form: ActionProgressForm,
  requestId?: string,
) {
  const { db } = deps;
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  const held = londonDateOf(meeting.startsAt);
  if (form.dueOn !== null && form.dueOn < held)
    throw new ValidationError([
      { field: 'dueOn', message: `The due date cannot be before the meeting, on ${formatDate(held)}` },
    ]);
  if (form.doneOn !== null && form.doneOn > londonDateOf(deps.now()))
    throw new ValidationError([{ field: 'doneOn', message: 'The date it was done cannot be in the future' }]);
  if (form.doneOn !== null && form.doneOn < held)
    throw new ValidationError([
      {
        field: 'doneOn',
        message: `The date it was done cannot be before the meeting, on ${formatDate(held)}`,
      },
    ]);
  return db.transaction().execute(async (trx) => {
    const { action } = await requireAction(trx, meetingId, itemId, position);
    await updateMinuteActionDates(trx, itemId, position, form);
    await recordChange(
      trx,
      actor,
      { type: 'minute_action', id: `${itemId}/${position}` },
      { dueOn: action.dueOn, doneOn: action.doneOn },
      form,
      requestId,
    );
  });
}
