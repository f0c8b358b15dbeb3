import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import type { WorkProgrammeFileEntry } from '../records/records.file-schema.ts';
import { type RecordsLoadMode, recordsAccess, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { listMeetings } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import {
  deleteWorkProgrammeEntry,
  findWorkProgrammeEntry,
  listWorkProgrammeEntries,
  listWorkProgrammeItems,
} from './work-programme.queries.ts';
import type { NewWorkProgrammeEntryForm, WorkProgrammeEntryForm } from './work-programme.schemas.ts';
import {
  entryValues,
  itemsFrom,
  refuseDate,
  requireEntry,
  saveEntry,
  stateOf,
} from './work-programme.steps.ts';

/** An entry with its items, for the scrutiny officer's edit form. */
export async function readEntry(deps: ScrutinyRecordsDeps, actor: Actor, id: number) {
  const entry = await requireEntry(deps, deps.db, actor, id);
  return { entry, items: (await stateOf(deps.db, entry)).items };
}

/** Plans a coming meeting of a panel: its main focus and other items. */
export async function createEntry(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  form: NewWorkProgrammeEntryForm,
  requestId?: string,
) {
  const body = await deps.findBody(form.panel);
  if (!bodyHas(body, 'work-programme'))
    throw new ValidationError([{ field: 'panel', message: 'Select the panel' }]);
  recordsAccess(deps.policy).requireManage(actor, body.id);
  return deps.db.transaction().execute(async (trx) => {
    await refuseDate(deps, trx, body.id, form.meetsOn);
    const after = { values: entryValues(body.id, form), items: itemsFrom(form.items) };
    return { id: await saveEntry(trx, actor, { after }, requestId) };
  });
}

/** Changes an entry; a meeting moved to another day must move to a coming day not already planned. */
export async function updateEntry(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  id: number,
  form: WorkProgrammeEntryForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const entry = await requireEntry(deps, trx, actor, id);
    if (form.meetsOn !== entry.meetsOn) await refuseDate(deps, trx, entry.bodyId, form.meetsOn);
    const before = await stateOf(trx, entry);
    const after = { values: entryValues(entry.bodyId, form), items: itemsFrom(form.items, before.items) };
    await saveEntry(trx, actor, { id, before, after }, requestId);
  });
}

export async function deleteEntry(deps: ScrutinyRecordsDeps, actor: Actor, id: number, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const entry = await requireEntry(deps, trx, actor, id);
    const before = await stateOf(trx, entry);
    await deleteWorkProgrammeEntry(trx, id);
    await recordChange(trx, actor, { type: 'work_programme_entry', id }, before, undefined, requestId);
    return { meetsOn: entry.meetsOn };
  });
}

/** Coming entries (from today, London time) and past ones, each with its items and meeting, if any. */
export async function readProgramme(deps: ScrutinyRecordsDeps, actor: Actor) {
  const { db } = deps;
  const access = recordsAccess(deps.policy);
  const [entries, meetings] = await Promise.all([listWorkProgrammeEntries(db), listMeetings(db)]);
  const items = await listWorkProgrammeItems(
    db,
    entries.map((entry) => entry.id),
  );
  const from = londonDateOf(deps.now());
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
export async function applyWorkProgrammeFile(
  trx: Db,
  actor: Actor,
  bodyId: number,
  entries: WorkProgrammeFileEntry[],
  mode: RecordsLoadMode,
) {
  let changes = 0;
  for (const entry of entries) {
    const after = {
      values: entryValues(bodyId, { ...entry, meetsOn: entry.date }),
      items: entry.items.map((item, index) => ({
        position: index + 1,
        title: item.title,
        function: item.function,
      })),
    };
    const existing = await findWorkProgrammeEntry(trx, bodyId, entry.date);
    if (existing && mode === 'add-missing') continue;
    const before = existing ? await stateOf(trx, existing) : undefined;
    if (before && isDeepStrictEqual(before, after)) continue;
    await saveEntry(trx, actor, { id: existing?.id, before, after });
    changes += 1;
  }
  return changes;
}
