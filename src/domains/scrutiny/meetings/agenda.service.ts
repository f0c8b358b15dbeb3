import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { recordsAccess, requireMeeting, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import {
  type AgendaItemRow,
  countAgendaItemRecords,
  deleteAgendaItem,
  listAgendaItems,
  updateAgendaItem,
  updateAgendaItemPosition,
} from '../scrutiny.queries.ts';
import type { AgendaItemForm } from '../scrutiny.schemas.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { isMeetingChangeable } from './agenda.ts';

export type AgendaService = ReturnType<typeof createAgendaService>;

type AgendaDeps = Pick<ScrutinyRecordsDeps, 'db' | 'policy'>;
type ItemRef = { actor: Actor; meetingId: number; itemId: number };

/** The item of a meeting its officer may still change: the meeting is neither cancelled nor over. */
async function requireChangeableItem(trx: Db, policy: AgendaDeps['policy'], ref: ItemRef) {
  const meeting = await requireMeeting(trx, ref.meetingId);
  recordsAccess(policy).requireManage(ref.actor, meeting.bodyId);
  if (!isMeetingChangeable(meeting))
    throw new ConflictError(
      `The agenda of a meeting that is ${meeting.status === 'cancelled' ? 'cancelled' : 'over'} can no longer be changed`,
    );
  const items = await listAgendaItems(trx, ref.meetingId);
  const item = items.find((candidate) => candidate.id === ref.itemId);
  if (!item) throw new NotFoundError('There is no such agenda item');
  return { meeting, items, item };
}

async function editItem(deps: AgendaDeps, ref: ItemRef, form: AgendaItemForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { items, item } = await requireChangeableItem(trx, deps.policy, ref);
    if (items.some((other) => other.id !== item.id && other.position === form.position))
      throw new ValidationError([
        {
          field: 'position',
          message: `Item ${form.position} is already on this agenda: choose another number`,
        },
      ]);
    const { id: _id, ...before } = item;
    const after = { meetingId: ref.meetingId, ...form };
    await updateAgendaItem(trx, item.id, after);
    await recordChange(trx, ref.actor, { type: 'agenda_item', id: item.id }, before, after, requestId);
  });
}

/**
 * Swaps an item with the one before or after it. The positions are unique per meeting, so the item steps
 * aside to a free number first.
 */
async function moveItem(deps: AgendaDeps, ref: ItemRef, direction: 'up' | 'down', requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { items, item } = await requireChangeableItem(trx, deps.policy, ref);
    const index = items.indexOf(item);
    const other: AgendaItemRow | undefined = items[direction === 'up' ? index - 1 : index + 1];
    if (!other)
      throw new ConflictError(`Item ${item.position} is already ${direction === 'up' ? 'first' : 'last'}`);
    const free = Math.max(...items.map((candidate) => candidate.position)) + 1;
    await updateAgendaItemPosition(trx, item.id, free);
    await updateAgendaItemPosition(trx, other.id, item.position);
    await updateAgendaItemPosition(trx, item.id, other.position);
    for (const [moved, from, to] of [
      [item, item.position, other.position],
      [other, other.position, item.position],
    ] as const)
      await recordChange(
        trx,
        ref.actor,
        { type: 'agenda_item', id: moved.id },
        { position: from },
        { position: to },
        requestId,
      );
  });
}

/** Removes an item that nothing else records yet: its papers, declarations or minutes would go with it. */
async function removeItem(deps: AgendaDeps, ref: ItemRef, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { item } = await requireChangeableItem(trx, deps.policy, ref);
    const records = await countAgendaItemRecords(trx, item.id);
    const held = [
      records.papers && `${records.papers} paper${records.papers === 1 ? '' : 's'}`,
      records.declarations &&
        `${records.declarations} declaration${records.declarations === 1 ? '' : 's'} of interest`,
      records.minutes && 'the minutes',
    ].filter(Boolean);
    if (held.length > 0)
      throw new ConflictError(
        `Item ${item.position} cannot be removed: ${held.join(' and ')} refer to it. Remove those first.`,
      );
    await deleteAgendaItem(trx, item.id);
    const { id: _id, ...before } = item;
    await recordChange(trx, ref.actor, { type: 'agenda_item', id: item.id }, before, undefined, requestId);
  });
}

/** Correcting a coming meeting's agenda: an item's wording and number, its place, or the item itself. */
export function createAgendaService(deps: AgendaDeps) {
  return {
    async readItemForEdit(actor: Actor, meetingId: number, itemId: number) {
      const { meeting, item } = await requireChangeableItem(deps.db, deps.policy, {
        actor,
        meetingId,
        itemId,
      });
      return { meeting, item };
    },
    editItem: (actor: Actor, meetingId: number, itemId: number, form: AgendaItemForm, requestId?: string) =>
      editItem(deps, { actor, meetingId, itemId }, form, requestId),
    moveItem: (
      actor: Actor,
      meetingId: number,
      itemId: number,
      direction: 'up' | 'down',
      requestId?: string,
    ) => moveItem(deps, { actor, meetingId, itemId }, direction, requestId),
    removeItem: (actor: Actor, meetingId: number, itemId: number, requestId?: string) =>
      removeItem(deps, { actor, meetingId, itemId }, requestId),
  };
}
