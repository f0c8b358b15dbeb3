import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { bodyHas, kindHas } from '../bodies.ts';
import type { BodyRef, RecordsLoadMode } from '../scrutiny.context.ts';
import {
  findMeetingByStart,
  findMember,
  findQuestionRules,
  insertAgendaItem,
  insertMeeting,
  insertMember,
  listAgendaItems,
  updateAgendaItem,
  updateMeeting,
  updateMember,
  upsertQuestionRules,
} from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { MeetingsContext } from './meetings.service.ts';
import type { PanelFile } from './panel.file-schema.ts';

type Load = { trx: Db; actor: Actor; body: BodyRef; mode: RecordsLoadMode };

/** Sets the body's public question scheme, when the file gives one; returns how many records changed. */
async function loadQuestionRules({ trx, actor, body, mode }: Load, file: PanelFile): Promise<number> {
  if (!file.questionRules) return 0;
  const rules = { bodyId: body.id, ...file.questionRules };
  const oldRules = await findQuestionRules(trx, body.id);
  if (oldRules && mode === 'add-missing') return 0;
  await upsertQuestionRules(trx, rules);
  return (await recordChange(trx, actor, { type: 'public_question_rules', id: body.id }, oldRules, rules))
    ? 1
    : 0;
}

async function loadMembers({ trx, actor, body, mode }: Load, file: PanelFile): Promise<number> {
  let changes = 0;
  for (const entry of file.members) {
    const values = { bodyId: body.id, ...entry };
    const existing = await findMember(trx, body.id, entry.name, entry.termStart);
    if (existing && mode === 'add-missing') continue;
    const id = existing ? existing.id : await insertMember(trx, values);
    const { id: _id, ...before } = existing ?? { id: 0 };
    if (existing) await updateMember(trx, id, values);
    if (
      await recordChange(trx, actor, { type: 'scrutiny_member', id }, existing ? before : undefined, values)
    )
      changes += 1;
  }
  return changes;
}

async function loadAgenda(
  { trx, actor }: Load,
  meetingId: number,
  agenda: PanelFile['meetings'][number]['agenda'],
): Promise<number> {
  let changes = 0;
  const items = await listAgendaItems(trx, meetingId);
  for (const item of agenda) {
    const values = { meetingId, ...item };
    const current = items.find((candidate) => candidate.position === item.position);
    const id = current ? current.id : await insertAgendaItem(trx, values);
    if (current) await updateAgendaItem(trx, id, values);
    const { id: _itemId, ...before } = current ?? { id: 0 };
    if (await recordChange(trx, actor, { type: 'agenda_item', id }, current ? before : undefined, values))
      changes += 1;
  }
  return changes;
}

async function loadMeetings(load: Load, file: PanelFile): Promise<number> {
  const { trx, actor, body, mode } = load;
  let changes = 0;
  for (const entry of file.meetings) {
    const startsAt = londonDateTimeToInstant(entry.date, entry.time);
    const values = {
      bodyId: body.id,
      title: entry.title,
      startsAt,
      // A file that does not mention the end leaves the one recorded as it is.
      ...(entry.endTime === undefined
        ? {}
        : { endsAt: entry.endTime === null ? null : londonDateTimeToInstant(entry.date, entry.endTime) }),
      venue: entry.venue,
      status: entry.status,
    };
    const existing = await findMeetingByStart(trx, body.id, startsAt);
    if (existing && mode === 'add-missing') continue;
    const meetingId = existing ? existing.id : await insertMeeting(trx, values);
    if (existing) await updateMeeting(trx, meetingId, values);
    const before = existing && {
      bodyId: existing.bodyId,
      title: existing.title,
      startsAt: existing.startsAt,
      ...(entry.endTime === undefined ? {} : { endsAt: existing.endsAt }),
      venue: existing.venue,
      status: existing.status,
    };
    if (await recordChange(trx, actor, { type: 'meeting', id: meetingId }, before, values)) changes += 1;
    changes += await loadAgenda(load, meetingId, entry.agenda);
  }
  return changes;
}

/** The body the file names: one that holds meetings, and keeps a members' list if the file lists members. */
async function requireFileBody(context: MeetingsContext, actor: Actor, file: PanelFile): Promise<BodyRef> {
  const body = await context.findBody(file.body);
  if (!bodyHas(body, 'meetings'))
    throw new ValidationError([
      { field: 'body', message: `names ${file.body}, which holds no public meetings` },
    ]);
  if (file.members.length > 0 && !kindHas(body.kind, 'members'))
    throw new ValidationError([{ field: 'members', message: `${body.name} has no members to list` }]);
  context.access.requireManage(actor, body.id);
  return body;
}

/**
 * Loads a body's file (question rules, members, meetings and agendas) as one transaction. Records are matched
 * by their natural keys (a member by name and term start, a meeting by its start, an agenda item by its
 * number), so loading the same file again changes and audits nothing. Past meetings are allowed here: the file
 * is a record of what happened. In "add-missing" mode (the demo) only what does not exist yet is added: rules,
 * members and meetings already there stay as users left them.
 */
export async function importPanelFile(
  context: MeetingsContext,
  actor: Actor,
  file: PanelFile,
  mode: RecordsLoadMode,
) {
  const body = await requireFileBody(context, actor, file);
  return context.db.transaction().execute(async (trx) => {
    const load = { trx, actor, body, mode };
    const changes =
      (await loadQuestionRules(load, file)) +
      (await loadMembers(load, file)) +
      (await loadMeetings(load, file));
    return { members: file.members.length, meetings: file.meetings.length, changes };
  });
}
