import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { bodyHas } from '../bodies.ts';
import type { WorkProgrammeFileEntry } from '../records/records.file-schema.ts';
import { type RecordsLoadMode, recordsAccess, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { listMeetings } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { NewWorkProgrammeEntryForm, WorkProgrammeEntryForm } from '../scrutiny-records.schemas.ts';
import {
  deleteWorkProgrammeEntry,
  findWorkProgrammeEntry,
  findWorkProgrammeEntryById,
  insertWorkProgrammeEntry,
  listWorkProgrammeEntries,
  listWorkProgrammeItems,
  replaceWorkProgrammeItems,
  updateWorkProgrammeEntry,
  type WorkProgrammeEntryRow,
  type WorkProgrammeEntryValues,
  type WorkProgrammeItemRow,
} from './work-programme.queries.ts';

export type WorkProgrammeService = ReturnType<typeof createWorkProgrammeService>;

/**
 * The work programme: for each planned meeting, its main focus and the other items it will take. Entries are
 * kept by the London date of the meeting, and linked to the meeting record once there is one on that day.
 */
export function createWorkProgrammeService(deps: ScrutinyRecordsDeps) {
  const { db } = deps;
  const access = recordsAccess(deps.policy);
  const today = () => londonDateOf(deps.now());

  /** An entry as the audit trail and a file compare it: its values and its items in order. */
  async function stateOf(trx: Db, entry: WorkProgrammeEntryRow) {
    const { id: _id, bodyName: _name, ...values } = entry;
    return {
      values,
      items: (await listWorkProgrammeItems(trx, [entry.id])).map(({ entryId: _entry, ...item }) => item),
    };
  }

  async function requireEntry(trx: Db, actor: Actor, id: number) {
    const entry = await findWorkProgrammeEntryById(trx, id);
    if (!entry) throw new NotFoundError('There is no such work programme entry');
    access.requireManage(actor, entry.bodyId);
    return entry;
  }

  /** The form's item lines as items; a line that was already there keeps the function it was given. */
  function itemsFrom(lines: string[], existing: Omit<WorkProgrammeItemRow, 'entryId'>[] = []) {
    return lines.map((title, index) => ({
      position: index + 1,
      title,
      function: existing.find((item) => item.title === title)?.function ?? null,
    }));
  }

  async function refuseTakenDate(trx: Db, bodyId: number, meetsOn: string) {
    if (await findWorkProgrammeEntry(trx, bodyId, meetsOn))
      throw new ValidationError([
        {
          field: 'meetsOn',
          message: `The work programme already has an entry for the meeting on ${formatDate(meetsOn)}`,
        },
      ]);
  }

  function refusePastDate(meetsOn: string) {
    if (meetsOn < today())
      throw new ValidationError([
        {
          field: 'meetsOn',
          message: 'The work programme plans coming meetings: enter a date from today onwards',
        },
      ]);
  }

  /** An entry with its items, for the scrutiny officer's edit form. */
  async function readEntry(actor: Actor, id: number) {
    const entry = await requireEntry(db, actor, id);
    return { entry, items: (await stateOf(db, entry)).items };
  }

  /** Plans a coming meeting of a panel: its main focus and other items. */
  async function createEntry(actor: Actor, form: NewWorkProgrammeEntryForm, requestId?: string) {
    const body = await deps.findBody(form.panel);
    if (!bodyHas(body, 'work-programme'))
      throw new ValidationError([{ field: 'panel', message: 'Select the panel' }]);
    access.requireManage(actor, body.id);
    refusePastDate(form.meetsOn);
    return db.transaction().execute(async (trx) => {
      await refuseTakenDate(trx, body.id, form.meetsOn);
      const values: WorkProgrammeEntryValues = {
        bodyId: body.id,
        programme: form.programme,
        meetsOn: form.meetsOn,
        mainFocus: form.mainFocus,
        function: form.function,
      };
      const items = itemsFrom(form.items);
      const id = await insertWorkProgrammeEntry(trx, values);
      await replaceWorkProgrammeItems(trx, id, items);
      await recordChange(
        trx,
        actor,
        { type: 'work_programme_entry', id },
        undefined,
        { values, items },
        requestId,
      );
      return { id };
    });
  }

  /** Changes an entry; a meeting moved to another day must move to a coming day not already planned. */
  async function updateEntry(actor: Actor, id: number, form: WorkProgrammeEntryForm, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const entry = await requireEntry(trx, actor, id);
      if (form.meetsOn !== entry.meetsOn) {
        refusePastDate(form.meetsOn);
        await refuseTakenDate(trx, entry.bodyId, form.meetsOn);
      }
      const before = await stateOf(trx, entry);
      const values: WorkProgrammeEntryValues = {
        bodyId: entry.bodyId,
        programme: form.programme,
        meetsOn: form.meetsOn,
        mainFocus: form.mainFocus,
        function: form.function,
      };
      const items = itemsFrom(form.items, before.items);
      await updateWorkProgrammeEntry(trx, id, values);
      await replaceWorkProgrammeItems(trx, id, items);
      await recordChange(
        trx,
        actor,
        { type: 'work_programme_entry', id },
        before,
        { values, items },
        requestId,
      );
    });
  }

  async function deleteEntry(actor: Actor, id: number, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const entry = await requireEntry(trx, actor, id);
      const before = await stateOf(trx, entry);
      await deleteWorkProgrammeEntry(trx, id);
      await recordChange(trx, actor, { type: 'work_programme_entry', id }, before, undefined, requestId);
      return { meetsOn: entry.meetsOn };
    });
  }

  /** Coming entries (from today, London time) and past ones, each with its items and meeting, if any. */
  async function readProgramme(actor: Actor) {
    const [entries, meetings] = await Promise.all([listWorkProgrammeEntries(db), listMeetings(db)]);
    const items = await listWorkProgrammeItems(
      db,
      entries.map((entry) => entry.id),
    );
    const from = today();
    const detailed = entries.map((entry) => ({
      entry,
      canManage: access.canManage(actor, entry.bodyId),
      items: items.filter((item) => item.entryId === entry.id),
      meeting:
        meetings.find(
          (meeting) =>
            meeting.bodyId === entry.bodyId &&
            meeting.status !== 'cancelled' &&
            londonDateOf(meeting.startsAt) === entry.meetsOn,
        ) ?? null,
    }));
    return {
      coming: detailed.filter(({ entry }) => entry.meetsOn >= from),
      past: detailed.filter(({ entry }) => entry.meetsOn < from).reverse(),
      canManage: access.canManageAny(actor),
    };
  }

  /** Sets the programme's entries from a reviewed file, matched by date. Returns how many changed. */
  async function applyFile(
    trx: Db,
    actor: Actor,
    bodyId: number,
    entries: WorkProgrammeFileEntry[],
    mode: RecordsLoadMode,
  ) {
    let changes = 0;
    for (const entry of entries) {
      const values: WorkProgrammeEntryValues = {
        bodyId,
        programme: entry.programme,
        meetsOn: entry.date,
        mainFocus: entry.mainFocus,
        function: entry.function,
      };
      const desired = {
        values,
        items: entry.items.map((item, index) => ({
          position: index + 1,
          title: item.title,
          function: item.function,
        })),
      };
      const existing = await findWorkProgrammeEntry(trx, bodyId, entry.date);
      if (existing && mode === 'add-missing') continue;
      const before = existing ? await stateOf(trx, existing) : undefined;
      if (before && isDeepStrictEqual(before, desired)) continue;
      const id = existing ? existing.id : await insertWorkProgrammeEntry(trx, values);
      if (existing) await updateWorkProgrammeEntry(trx, id, values);
      await replaceWorkProgrammeItems(trx, id, desired.items);
      await recordChange(trx, actor, { type: 'work_programme_entry', id }, before, desired);
      changes += 1;
    }
    return changes;
  }

  return { readProgramme, readEntry, createEntry, updateEntry, deleteEntry, applyFile };
}
