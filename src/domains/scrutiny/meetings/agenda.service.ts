import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import type { ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import {
  type AgendaItemRow,
  countAgendaItemRecords,
  deleteAgendaItem,
  findMeetingById,
  listAgendaItems,
  updateAgendaItem,
  updateAgendaItemPosition,
} from '../scrutiny.queries.ts';
import type { AgendaItemForm } from '../scrutiny.schemas.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { isMeetingChangeable } from './agenda.ts';

export type AgendaService = ReturnType<typeof createAgendaService>;

/** Correcting a coming meeting's agenda: an item's wording and number, its place, or the item itself. */
export function createAgendaService(deps: Pick<ScrutinyRecordsDeps, 'db' | 'policy'>) {
  const { db, policy } = deps;

  async function requireChangeableItem(trx: Db, actor: Actor, meetingId: number, itemId: number) {
    const meeting = await findMeetingById(trx, meetingId);
    if (!meeting) throw new NotFoundError('There is no such meeting');
    if (!policy.can(actor, 'scrutiny:manage', { bodyId: meeting.bodyId })) throw new ForbiddenError();
    if (!isMeetingChangeable(meeting))
      throw new ConflictError(
        `The agenda of a meeting that is ${meeting.status === 'cancelled' ? 'cancelled' : 'over'} can no longer be changed`,
      );
    const items = await listAgendaItems(trx, meetingId);
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundError('There is no such agenda item');
    return { meeting, items, item };
  }

  async function readItemForEdit(actor: Actor, meetingId: number, itemId: number) {
    const { meeting, item } = await requireChangeableItem(db, actor, meetingId, itemId);
    return { meeting, item };
  }

  async function editItem(
    actor: Actor,
    meetingId: number,
    itemId: number,
    form: AgendaItemForm,
    requestId?: string,
  ) {
    return db.transaction().execute(async (trx) => {
      const { items, item } = await requireChangeableItem(trx, actor, meetingId, itemId);
      if (items.some((other) => other.id !== itemId && other.position === form.position))
        throw new ValidationError([
          {
            field: 'position',
            message: `Item ${form.position} is already on this agenda: choose another number`,
          },
        ]);
      const { id: _id, ...before } = item;
      const after = { meetingId, ...form };
      await updateAgendaItem(trx, itemId, after);
      await recordChange(trx, actor, { type: 'agenda_item', id: itemId }, before, after, requestId);
    });
  }

  /**
   * Swaps an item with the one before or after it. The positions are unique per meeting, so the item steps
   * aside to a free number first.
   */
  async function moveItem(
    actor: Actor,
    meetingId: number,
    itemId: number,
    direction: 'up' | 'down',
    requestId?: string,
  ) {
    return db.transaction().execute(async (trx) => {
      const { items, item } = await requireChangeableItem(trx, actor, meetingId, itemId);
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
          actor,
          { type: 'agenda_item', id: moved.id },
          { position: from },
          { position: to },
          requestId,
        );
    });
  }

  /** Removes an item that nothing else records yet: its papers, declarations or minutes would go with it. */
  async function removeItem(actor: Actor, meetingId: number, itemId: number, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const { item } = await requireChangeableItem(trx, actor, meetingId, itemId);
      const records = await countAgendaItemRecords(trx, itemId);
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
      await deleteAgendaItem(trx, itemId);
      const { id: _id, ...before } = item;
      await recordChange(trx, actor, { type: 'agenda_item', id: itemId }, before, undefined, requestId);
    });
  }

  return { readItemForEdit, editItem, moveItem, removeItem };
}
