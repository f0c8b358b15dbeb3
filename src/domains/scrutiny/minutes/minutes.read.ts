import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/errors.ts';
import {
  recordsAccess,
  requireManagedMeeting,
  requireMeeting,
  type ScrutinyRecordsDeps,
} from '../scrutiny.context.ts';
import { findMeetingById, listAgendaItems } from '../scrutiny.queries.ts';
import { findMinutes, listLaterMeetings } from './minutes.queries.ts';
import { loadItems, nextNumber, requireAction, requireDraftItem } from './minutes.steps.ts';

/** The minutes of a meeting as this reader may see them, and what a scrutiny officer needs to edit them. */
export async function readMinutes(deps: ScrutinyRecordsDeps, actor: Actor, meetingId: number) {
  const { db } = deps;
  const access = recordsAccess(deps.policy);
  const meeting = await requireMeeting(db, meetingId);
  const minutes = await findMinutes(db, meetingId);
  const approved = minutes?.approvedAtMeetingId != null;
  const approvedAt =
    minutes?.approvedAtMeetingId != null ? await findMeetingById(db, minutes.approvedAtMeetingId) : undefined;
  const readable = approved || access.canReadDrafts(actor, meeting.bodyId);
  const items =
    minutes && readable ? await loadItems(db, meetingId, access.canReadExempt(actor, meeting.bodyId)) : [];
  const canManage = access.canManage(actor, meeting.bodyId);
  const now = deps.now().getTime();
  return {
    meeting,
    state: !minutes ? ('none' as const) : approved ? ('approved' as const) : ('draft' as const),
    readable,
    items,
    approvedAt: approvedAt ?? null,
    canManage,
    editable: canManage && !approved && meeting.status !== 'cancelled' && meeting.startsAt.getTime() <= now,
    nextNumber: canManage ? await nextNumber(db, meeting) : null,
    agendaItems: canManage ? await listAgendaItems(db, meetingId) : [],
    approvalChoices: canManage
      ? (await listLaterMeetings(db, meeting.bodyId, meeting.startsAt)).filter(
          (later) => later.status !== 'cancelled' && later.startsAt.getTime() <= now,
        )
      : [],
  };
}

/** A draft item with its decisions and the agenda to choose from, for the scrutiny officer's edit page. */
export async function readMinuteItemForEdit(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
) {
  const { db } = deps;
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  await requireDraftItem(db, meeting, itemId);
  const item = (await loadItems(db, meetingId, true)).find((candidate) => candidate.id === itemId);
  if (!item) throw new NotFoundError('There is no such minute item');
  return { meeting, item, agendaItems: await listAgendaItems(db, meetingId) };
}

/** An action with its meeting and item, for the scrutiny officer's follow-up form. */
export async function readMinuteAction(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  itemId: number,
  position: number,
) {
  const { db } = deps;
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  return { meeting, ...(await requireAction(db, meetingId, itemId, position)) };
}
