import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { listLedgerEntriesOfMinuteItems } from '../recommendations/recommendations.queries.ts';
import type { MinutesFileEntry } from '../records/records.file-schema.ts';
import { meetingOnDate, type RecordsLoadMode } from '../scrutiny.context.ts';
import { type AgendaItemRow, listAgendaItems, type MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import {
  deleteMinuteDecisionsAndActions,
  deleteMinuteItem,
  findMinuteItemByNumber,
  findMinutes,
  insertMinuteAction,
  insertMinuteDecision,
  insertMinuteItem,
  insertMinutes,
  updateMinuteItem,
} from './minutes.queries.ts';

import { assertNumberingRunsOn, loadItems, markHeld, recordApproval } from './minutes.steps.ts';

/** A minute item as a records file sets it: its values, decisions and actions, in the database's shape. */
type ListedItem = ReturnType<typeof listedItems>[number];
/** A minute item as the database holds it, in the same shape as the file's, with its id. */
type HeldItem = Awaited<ReturnType<typeof heldItems>>[number];
type LedgerEntries = Awaited<ReturnType<typeof listLedgerEntriesOfMinuteItems>>;

/** The items a file entry lists for a meeting, each with the agenda item it minutes found by its number. */
function listedItems(entry: MinutesFileEntry, meetingId: number, agenda: AgendaItemRow[], path: string) {
  return entry.items.map((item, itemIndex) => {
    const agendaItem =
      item.agendaItem === null ? null : agenda.find((candidate) => candidate.position === item.agendaItem);
    if (agendaItem === undefined)
      throw new ValidationError([
        {
          field: `${path}.items.${itemIndex}.agendaItem`,
          message: `the meeting has no agenda item ${item.agendaItem}`,
        },
      ]);
    return {
      values: {
        meetingId,
        number: item.number,
        agendaItemId: agendaItem?.id ?? null,
        title: item.title,
        text: item.text,
        exemptParagraph: item.exemptParagraph ?? agendaItem?.exemptParagraph ?? null,
      },
      decisions: item.decisions.map((decision, position) => ({
        position: position + 1,
        kind: decision.kind,
        text: decision.text,
      })),
      actions: item.actions.map((action, position) => ({
        position: position + 1,
        text: action.text,
        owner: action.owner,
        dueOn: action.due,
        doneOn: action.done,
      })),
    };
  });
}

async function heldItems(trx: Db, meetingId: number) {
  return (await loadItems(trx, meetingId, true)).map((item) => ({
    id: item.id,
    values: {
      meetingId: item.meetingId,
      number: item.number,
      agendaItemId: item.agendaItemId,
      title: item.title,
      text: item.text ?? '',
      exemptParagraph: item.exemptParagraph,
    },
    decisions: item.decisions.map(({ minuteItemId: _id, ledger: _ledger, ...decision }) => decision),
    actions: item.actions.map(({ minuteItemId: _id, ...action }) => action),
  }));
}

/** Deletes the items the file no longer lists; one the ledger records a recommendation from must stay. */
async function removeUnlisted(
  trx: Db,
  actor: Actor,
  path: string,
  held: HeldItem[],
  listed: ListedItem[],
  ledger: LedgerEntries,
): Promise<number> {
  let changes = 0;
  for (const gone of held.filter(
    (item) => !listed.some((want) => want.values.number === item.values.number),
  )) {
    const recorded = ledger.filter((entry) => entry.minuteItemId === gone.id);
    if (recorded.length > 0)
      throw new ValidationError([
        {
          field: `${path}.items`,
          message: `minute ${gone.values.number} is in the recommendations ledger as ${recorded.map((entry) => entry.reference).join(', ')}, so it must stay in the minutes`,
        },
      ]);
    await deleteMinuteItem(trx, gone.id);
    const { id: _id, ...before } = gone;
    await recordChange(trx, actor, { type: 'minute_item', id: gone.id }, before, undefined);
    changes += 1;
  }
  return changes;
}

/**
 * Adds or rewrites the items the file lists. A number another meeting's minutes use is refused, and so is a
 * change that would turn a recommendation the ledger records into another kind of decision.
 */
async function writeListed(
  trx: Db,
  actor: Actor,
  bodyId: number,
  path: string,
  held: HeldItem[],
  listed: ListedItem[],
  ledger: LedgerEntries,
): Promise<number> {
  let changes = 0;
  for (const [itemIndex, want] of listed.entries()) {
    const have = held.find((item) => item.values.number === want.values.number);
    const taken = have ? undefined : await findMinuteItemByNumber(trx, bodyId, want.values.number);
    if (taken)
      throw new ValidationError([
        {
          field: `${path}.items.${itemIndex}.number`,
          message: `minute ${want.values.number} is already used by the minutes of another meeting`,
        },
      ]);
    for (const entry of ledger.filter((candidate) => candidate.minuteItemId === have?.id))
      if (
        entry.decisionPosition !== null &&
        want.decisions.find((decision) => decision.position === entry.decisionPosition)?.kind !==
          'recommended'
      )
        throw new ValidationError([
          {
            field: `${path}.items.${itemIndex}.decisions`,
            message: `decision ${entry.decisionPosition} of minute ${want.values.number} is in the recommendations ledger as ${entry.reference}, so it must stay a recommendation`,
          },
        ]);
    const id = have ? have.id : await insertMinuteItem(trx, bodyId, want.values);
    const { id: _id, ...before } = have ?? { id: 0 };
    if (!(await recordChange(trx, actor, { type: 'minute_item', id }, have ? before : undefined, want)))
      continue;
    changes += 1;
    if (have) {
      await updateMinuteItem(trx, id, want.values);
      await deleteMinuteDecisionsAndActions(trx, id);
    }
    for (const decision of want.decisions) await insertMinuteDecision(trx, { minuteItemId: id, ...decision });
    for (const action of want.actions) await insertMinuteAction(trx, { minuteItemId: id, ...action });
  }
  return changes;
}

/** One meeting's minutes from their file entry: how many items the entry lists, and how many records changed. */
async function applyMinutesEntry(
  trx: Db,
  actor: Actor,
  bodyId: number,
  meetings: MeetingRow[],
  entry: MinutesFileEntry,
  path: string,
  mode: RecordsLoadMode,
): Promise<{ items: number; changes: number }> {
  const meeting = meetingOnDate(meetings, entry.meeting, `${path}.meeting`);
  const approving = entry.approvedAt ? meetingOnDate(meetings, entry.approvedAt, `${path}.approvedAt`) : null;
  if (approving && approving.startsAt.getTime() <= meeting.startsAt.getTime())
    throw new ValidationError([
      { field: `${path}.approvedAt`, message: 'minutes are approved at a later meeting' },
    ]);
  const listed = listedItems(entry, meeting.id, await listAgendaItems(trx, meeting.id), path);
  const unchanged = { items: listed.length, changes: 0 };

  const minutes = await findMinutes(trx, meeting.id);
  if (minutes && mode === 'add-missing') return unchanged;
  const held = await heldItems(trx, meeting.id);
  const same =
    isDeepStrictEqual(
      held.map(({ id: _id, ...rest }) => rest),
      listed,
    ) && (minutes?.approvedAtMeetingId ?? null) === (approving?.id ?? null);
  if (same) return unchanged;
  if (minutes?.approvedAtMeetingId != null)
    throw new ValidationError([
      {
        field: path,
        message: `the minutes of ${entry.meeting} were approved as a correct record and cannot be changed`,
      },
    ]);
  let changes = 0;
  if (!minutes) {
    await insertMinutes(trx, meeting.id, bodyId);
    await recordChange(trx, actor, { type: 'minutes', id: meeting.id }, undefined, {
      meetingId: meeting.id,
      approvedAtMeetingId: null,
    });
    changes += 1;
  }
  // What the ledger records from these minutes must stay in them.
  const ledger = await listLedgerEntriesOfMinuteItems(
    trx,
    held.map((item) => item.id),
  );
  changes += await removeUnlisted(trx, actor, path, held, listed, ledger);
  changes += await writeListed(trx, actor, bodyId, path, held, listed, ledger);
  await markHeld(trx, actor, meeting);
  if (approving) {
    // The file records what happened: the approval is dated by the approving meeting, not by the load.
    await recordApproval(trx, actor, meeting, approving, approving.startsAt);
    changes += 1;
  }
  return { items: listed.length, changes };
}

/**
 * Sets minutes from a reviewed file, inside the caller's transaction. Items are matched by number, so a
 * second load of the same file changes nothing; approved minutes that the file would change are refused.
 * Returns how many records changed.
 */
export async function applyMinutesFile(
  trx: Db,
  actor: Actor,
  bodyId: number,
  meetings: MeetingRow[],
  entries: MinutesFileEntry[],
  mode: RecordsLoadMode,
): Promise<{ items: number; changes: number }> {
  let changes = 0;
  let items = 0;
  for (const [index, entry] of entries.entries()) {
    const result = await applyMinutesEntry(trx, actor, bodyId, meetings, entry, `minutes.${index}`, mode);
    items += result.items;
    changes += result.changes;
  }
  await assertNumberingRunsOn(trx, bodyId, 'minutes');
  return { items, changes };
}
