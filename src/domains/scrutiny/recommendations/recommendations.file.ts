import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import type { RecommendationState } from '../../recommendations/index.ts';
import { findGroupBySlug } from '../committees/committees.queries.ts';
import { findMinuteItemByNumber, listMinuteDecisions } from '../minutes/minutes.queries.ts';
import type { RecommendationFileEntry } from '../records/records.file-schema.ts';
import { meetingOnDate, type RecordsLoadMode, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import type { MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { checkGroup, groupUrl, isGroupOrigin, setSource, syncVisibility } from './recommendations.origin.ts';
import { listLedgerEntriesOfMinuteItems } from './recommendations.queries.ts';

/** The body's group a file's entry names, checked for its kind and the functions it may serve. */
async function groupOf(trx: Db, bodyId: number, entry: RecommendationFileEntry, path: string) {
  if (!isGroupOrigin(entry.origin)) return null;
  const group = await findGroupBySlug(trx, bodyId, entry.group ?? '');
  checkGroup(group, bodyId, entry.origin, entry.function, {
    group: `${path}.group`,
    function: `${path}.function`,
  });
  return group?.id ?? null;
}

/** The decision a file's entry records must be a recommendation no other entry records. */
async function checkDecision(trx: Db, entry: RecommendationFileEntry, minuteId: number, path: string) {
  const decision = (await listMinuteDecisions(trx, [minuteId])).find(
    (candidate) => candidate.position === entry.decision,
  );
  const problem = (message: string) => new ValidationError([{ field: `${path}.decision`, message }]);
  if (decision?.kind !== 'recommended')
    throw problem(`decision ${entry.decision} of minute ${entry.minute} is not a recommendation`);
  const other = (await listLedgerEntriesOfMinuteItems(trx, [minuteId])).find(
    (candidate) => candidate.decisionPosition === entry.decision && candidate.reference !== entry.reference,
  );
  if (other)
    throw problem(
      `decision ${entry.decision} of minute ${entry.minute} is already in the ledger as ${other.reference}`,
    );
}

/** The minute item a file's entry names, in the minutes of the meeting it names. */
async function minuteOf(
  trx: Db,
  bodyId: number,
  entry: RecommendationFileEntry,
  meeting: MeetingRow | null,
  path: string,
) {
  if (entry.minute === null) return null;
  const minute = await findMinuteItemByNumber(trx, bodyId, entry.minute);
  if (!minute || minute.meetingId !== meeting?.id)
    throw new ValidationError([
      { field: `${path}.minute`, message: `the minutes of ${entry.meeting} have no minute ${entry.minute}` },
    ]);
  if (entry.decision !== null) await checkDecision(trx, entry, minute.id, path);
  return minute.id;
}

/** A file's entry as the ledger keeps it. */
function toLedgerState(
  bodyId: number,
  entry: RecommendationFileEntry,
  groupId: number | null,
): RecommendationState {
  return {
    values: {
      bodyId,
      reference: entry.reference,
      origin: entry.origin,
      originTitle: entry.sourceTitle,
      originUrl: groupUrl(groupId),
      madeOn: entry.madeOn,
      topic: entry.topic,
      text: entry.text,
      addressee: entry.addressee,
      responseDueOn: entry.responseDue,
      response: entry.response?.kind ?? null,
      responseText: entry.response?.text ?? null,
      respondedOn: entry.response?.on ?? null,
      outcome: entry.outcome?.kind ?? null,
      outcomeText: entry.outcome?.text ?? null,
      outcomeOn: entry.outcome?.on ?? null,
    },
    actions: entry.actions.map((action, position) => ({
      position: position + 1,
      text: action.text,
      owner: action.owner,
      dueOn: action.due,
      doneOn: action.done,
    })),
    progress: entry.progress.map((update, position) => ({
      position: position + 1,
      reportedOn: update.on,
      text: update.text,
    })),
    measures: entry.measures,
  };
}

/**
 * Sets recommendations from a reviewed file, inside the caller's transaction, matched by reference; the
 * groups and minutes they name must already be loaded. Returns how many records changed.
 */
export async function applyRecommendationsFile(
  deps: ScrutinyRecordsDeps,
  trx: Db,
  actor: Actor,
  file: { bodyId: number; meetings: MeetingRow[]; entries: RecommendationFileEntry[]; mode: RecordsLoadMode },
): Promise<number> {
  const { bodyId } = file;
  let changes = 0;
  for (const [index, entry] of file.entries.entries()) {
    if (file.mode === 'add-missing' && (await deps.ledger.findByReference(trx, bodyId, entry.reference)))
      continue;
    const path = `recommendations.${index}`;
    const groupId = await groupOf(trx, bodyId, entry, path);
    const meeting = entry.meeting ? meetingOnDate(file.meetings, entry.meeting, `${path}.meeting`) : null;
    const minuteItemId = await minuteOf(trx, bodyId, entry, meeting, path);
    const state = toLedgerState(bodyId, entry, groupId);
    const { id, changed } = await deps.ledger.setFromFile(trx, actor, state, path);
    const source = {
      recommendationId: id,
      bodyId,
      origin: entry.origin,
      groupId,
      meetingId: meeting?.id ?? null,
      minuteItemId,
      minuteDecisionPosition: entry.decision,
      function: entry.function,
    };
    const sourceChanged = await setSource(trx, actor, source);
    if (changed || sourceChanged) changes += 1;
  }
  await syncVisibility(deps, trx, bodyId);
  return changes;
}
