import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import type { Db } from '../../schema.ts';
import { listMeetings } from './scrutiny.queries.ts';
import type { ScrutinyRecordsDeps } from './scrutiny-records.context.ts';
import type { WorkProgrammeFileEntry } from './scrutiny-records.file-schema.ts';
import {
  findWorkProgrammeEntry,
  insertWorkProgrammeEntry,
  listWorkProgrammeEntries,
  listWorkProgrammeItems,
  replaceWorkProgrammeItems,
  updateWorkProgrammeEntry,
  type WorkProgrammeEntryValues,
} from './scrutiny-work-programme.queries.ts';

export type WorkProgrammeService = ReturnType<typeof createWorkProgrammeService>;

/**
 * The work programme: for each planned meeting, its main focus and the other items it will take. Entries are
 * kept by the London date of the meeting, and linked to the meeting record once there is one on that day.
 */
export function createWorkProgrammeService(deps: ScrutinyRecordsDeps) {
  const { db } = deps;

  /** Coming entries (from today, London time) and past ones, each with its items and meeting, if any. */
  async function readProgramme() {
    const [entries, meetings] = await Promise.all([listWorkProgrammeEntries(db), listMeetings(db)]);
    const items = await listWorkProgrammeItems(
      db,
      entries.map((entry) => entry.id),
    );
    const today = londonDateOf(deps.now());
    const detailed = entries.map((entry) => ({
      entry,
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
      coming: detailed.filter(({ entry }) => entry.meetsOn >= today),
      past: detailed.filter(({ entry }) => entry.meetsOn < today).reverse(),
    };
  }

  /** Sets the programme's entries from a reviewed file, matched by date. Returns how many changed. */
  async function applyFile(trx: Db, actor: Actor, bodyId: number, entries: WorkProgrammeFileEntry[]) {
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
      let before: typeof desired | undefined;
      if (existing) {
        const { id: _id, bodyName: _name, ...current } = existing;
        before = {
          values: current,
          items: (await listWorkProgrammeItems(trx, [existing.id])).map(
            ({ entryId: _entry, ...item }) => item,
          ),
        };
        if (isDeepStrictEqual(before, desired)) continue;
      }
      const id = existing ? existing.id : await insertWorkProgrammeEntry(trx, values);
      if (existing) await updateWorkProgrammeEntry(trx, id, values);
      await replaceWorkProgrammeItems(trx, id, desired.items);
      await recordChange(trx, actor, { type: 'work_programme_entry', id }, before, desired);
      changes += 1;
    }
    return changes;
  }

  return { readProgramme, applyFile };
}
