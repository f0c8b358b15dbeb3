import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { recordsAccess, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { ScrutinyFunction } from '../scrutiny-functions.ts';
import {
  findWorkProgrammeEntry,
  findWorkProgrammeEntryById,
  insertWorkProgrammeEntry,
  listWorkProgrammeItems,
  replaceWorkProgrammeItems,
  updateWorkProgrammeEntry,
  type WorkProgrammeEntryRow,
  type WorkProgrammeEntryValues,
  type WorkProgrammeItemRow,
} from './work-programme.queries.ts';

/*
 * The steps the work programme's use-cases share: an entry as the audit trail keeps it, the checks on its
 * date, and writing it with its items.
 */

type Item = Omit<WorkProgrammeItemRow, 'entryId'>;

/** An entry as the audit trail and a file compare it: its values and its items in order. */
export interface EntryState {
  values: WorkProgrammeEntryValues;
  items: Item[];
}

export async function stateOf(trx: Db, entry: WorkProgrammeEntryRow): Promise<EntryState> {
  const { id: _id, bodyName: _name, ...values } = entry;
  return {
    values,
    items: (await listWorkProgrammeItems(trx, [entry.id])).map(({ entryId: _entry, ...item }) => item),
  };
}

/** An entry's values, from what a form or a file says of it. */
export function entryValues(
  bodyId: number,
  entry: { programme: string; meetsOn: string; mainFocus: string | null; function: ScrutinyFunction | null },
): WorkProgrammeEntryValues {
  return {
    bodyId,
    programme: entry.programme,
    meetsOn: entry.meetsOn,
    mainFocus: entry.mainFocus,
    function: entry.function,
  };
}

/** The entry, once the actor is known to be a scrutiny officer of its panel. */
export async function requireEntry(deps: ScrutinyRecordsDeps, trx: Db, actor: Actor, id: number) {
  const entry = await findWorkProgrammeEntryById(trx, id);
  if (!entry) throw new NotFoundError('There is no such work programme entry');
  recordsAccess(deps.policy).requireManage(actor, entry.bodyId);
  return entry;
}

/** The form's item lines as items; a line that was already there keeps the function it was given. */
export function itemsFrom(lines: string[], existing: Item[] = []): Item[] {
  return lines.map((title, index) => ({
    position: index + 1,
    title,
    function: existing.find((item) => item.title === title)?.function ?? null,
  }));
}

/** The work programme plans coming meetings, one entry a panel a day. */
export async function refuseDate(deps: ScrutinyRecordsDeps, trx: Db, bodyId: number, meetsOn: string) {
  if (meetsOn < londonDateOf(deps.now()))
    throw new ValidationError([
      {
        field: 'meetsOn',
        message: 'The work programme plans coming meetings: enter a date from today onwards',
      },
    ]);
  if (await findWorkProgrammeEntry(trx, bodyId, meetsOn))
    throw new ValidationError([
      {
        field: 'meetsOn',
        message: `The work programme already has an entry for the meeting on ${formatDate(meetsOn)}`,
      },
    ]);
}

/** Writes an entry (a new one without `id`) and its items, and audits it. */
export async function saveEntry(
  trx: Db,
  actor: Actor,
  change: { id?: number; before?: EntryState; after: EntryState },
  requestId?: string,
): Promise<number> {
  const { values, items } = change.after;
  const id = change.id ?? (await insertWorkProgrammeEntry(trx, values));
  if (change.id !== undefined) await updateWorkProgrammeEntry(trx, id, values);
  await replaceWorkProgrammeItems(trx, id, items);
  await recordChange(
    trx,
    actor,
    { type: 'work_programme_entry', id },
    change.before,
    { values, items },
    requestId,
  );
  return id;
}
