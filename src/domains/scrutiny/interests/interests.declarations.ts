import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { type FieldError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { recordsAccess, requireManagedMeeting, type ScrutinyDeps } from '../scrutiny.context.ts';
import { listAgendaItems, listMembersByBody, type MeetingRow } from '../scrutiny.queries.ts';
import {
  type DeclarationRow,
  deleteDeclarations,
  insertDeclaration,
  listDeclarations,
} from './interests.queries.ts';
import type { DeclarationForm } from './interests.schemas.ts';

/*
 * The interests members declare at meetings: public once the meeting has been held.
 */

/**
 * Once a meeting has been held, who came and what they declared are part of its public record; before,
 * only its officer sees them.
 */
export function canSeeMeetingRecord(
  deps: ScrutinyDeps,
  actor: Actor,
  meeting: Pick<MeetingRow, 'bodyId' | 'status'>,
): boolean {
  const held = meeting.status === 'held' || meeting.status === 'minutes-approved';
  return held || recordsAccess(deps.policy).canManage(actor, meeting.bodyId);
}

/** A meeting's declarations, for those who may see them now: everyone once it is held, else its officer. */
export async function listMeetingDeclarations(
  deps: ScrutinyDeps,
  actor: Actor,
  meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>,
): Promise<DeclarationRow[] | null> {
  if (!canSeeMeetingRecord(deps, actor, meeting)) return null;
  return listDeclarations(deps.db, meeting.id);
}

export async function addDeclaration(
  deps: ScrutinyDeps,
  actor: Actor,
  meetingId: number,
  form: DeclarationForm,
  requestId?: string,
) {
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
  const [members, items] = await Promise.all([
    listMembersByBody(deps.db, meeting.bodyId),
    listAgendaItems(deps.db, meetingId),
  ]);
  const problems: FieldError[] = [];
  if (!members.some((member) => member.id === form.member))
    problems.push({ field: 'member', message: 'Select a member of this panel' });
  if (form.agendaItem !== null && !items.some((item) => item.id === form.agendaItem))
    problems.push({ field: 'agendaItem', message: 'Select an agenda item of this meeting' });
  if (problems.length > 0) throw new ValidationError(problems);
  const values = {
    meetingId,
    agendaItemId: form.agendaItem,
    memberId: form.member,
    kind: form.kind,
    description: form.description,
    participation: form.participation,
  };
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertDeclaration(trx, values);
    await recordChange(trx, actor, { type: 'interest_declaration', id }, undefined, values, requestId);
    return { id };
  });
}

export async function removeDeclaration(
  deps: ScrutinyDeps,
  actor: Actor,
  meetingId: number,
  declarationId: number,
  requestId?: string,
) {
  await requireManagedMeeting(deps, actor, meetingId);
  await deps.db.transaction().execute(async (trx) => {
    const declaration = (await listDeclarations(trx, meetingId)).find((row) => row.id === declarationId);
    if (!declaration) throw new NotFoundError('There is no such declaration');
    await deleteDeclarations(trx, meetingId, [declarationId]);
    const { agendaItemId, memberId, kind, description, participation } = declaration;
    await recordChange(
      trx,
      actor,
      { type: 'interest_declaration', id: declarationId },
      { meetingId, agendaItemId, memberId, kind, description, participation },
      undefined,
      requestId,
    );
  });
}
