import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import type { ScrutinyDeps } from '../scrutiny.context.ts';
import { findMeetingById, listAgendaItems, listMembersByBody, type MeetingRow } from '../scrutiny.queries.ts';
import {
  type DeclarationRow,
  deleteDeclarations,
  findInterest,
  insertDeclaration,
  insertInterest,
  listCurrentInterests,
  listDeclarations,
  updateInterestRemoved,
} from './interests.queries.ts';
import type { DeclarationForm, InterestForm } from './interests.schemas.ts';

export type ScrutinyInterestsService = ReturnType<typeof createScrutinyInterestsService>;

/** Once a meeting has been held, who came and what they declared are part of its public record. */
export function isHeld(meeting: Pick<MeetingRow, 'status'>): boolean {
  return meeting.status === 'held' || meeting.status === 'minutes-approved';
}

/**
 * The register of members' interests, and the interests members declare at meetings. The register is
 * public, except the details of a sensitive interest, which only the scrutiny officer sees; declarations
 * are public once the meeting has been held.
 */
export function createScrutinyInterestsService(deps: ScrutinyDeps) {
  const { db, policy } = deps;
  const canManage = (actor: Actor, bodyId: number) => policy.can(actor, 'scrutiny:manage', { bodyId });

  async function requirePanel(slug: string) {
    const body = await deps.findBody(slug);
    if (!bodyHas(body, 'members')) throw new NotFoundError('There is no such panel');
    return body;
  }

  async function requireMeeting(id: number): Promise<MeetingRow> {
    const meeting = await findMeetingById(db, id);
    if (!meeting) throw new NotFoundError('There is no such meeting');
    return meeting;
  }

  async function readRegister(actor: Actor, slug: string) {
    const body = await requirePanel(slug);
    const manage = canManage(actor, body.id);
    const [members, interests] = await Promise.all([
      listMembersByBody(db, body.id),
      listCurrentInterests(db, body.id, londonDateOf(deps.now()), { withSensitiveDetails: manage }),
    ]);
    return { body, members, interests, canManage: manage };
  }

  async function registerInterest(actor: Actor, slug: string, form: InterestForm, requestId?: string) {
    const body = await requirePanel(slug);
    if (!canManage(actor, body.id)) throw new ForbiddenError();
    const members = await listMembersByBody(db, body.id);
    if (!members.some((member) => member.id === form.member))
      throw new ValidationError([{ field: 'member', message: 'Select a member of this panel' }]);
    if (form.registeredOn > londonDateOf(deps.now()))
      throw new ValidationError([
        {
          field: 'registeredOn',
          message: 'The date the interest was registered must be today or in the past',
        },
      ]);
    const values = {
      memberId: form.member,
      category: form.category,
      description: form.description,
      sensitive: form.sensitive,
      registeredOn: form.registeredOn,
    };
    return db.transaction().execute(async (trx) => {
      const id = await insertInterest(trx, values);
      await recordChange(trx, actor, { type: 'member_interest', id }, undefined, values, requestId);
      return { id };
    });
  }

  /** Takes an interest off the register from today; the record stays, for the registers of the past. */
  async function removeInterest(actor: Actor, slug: string, interestId: number, requestId?: string) {
    const body = await requirePanel(slug);
    if (!canManage(actor, body.id)) throw new ForbiddenError();
    const today = londonDateOf(deps.now());
    await db.transaction().execute(async (trx) => {
      const interest = await findInterest(trx, interestId);
      if (interest?.bodyId !== body.id || interest.removedOn !== null)
        throw new NotFoundError('There is no such interest on the register');
      await updateInterestRemoved(trx, interestId, today);
      await recordChange(
        trx,
        actor,
        { type: 'member_interest', id: interestId },
        { removedOn: null },
        { removedOn: today },
        requestId,
      );
    });
  }

  /** A meeting's declarations, for those who may see them now: everyone once it is held, else its officer. */
  async function listMeetingDeclarations(
    actor: Actor,
    meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>,
  ): Promise<DeclarationRow[] | null> {
    if (!isHeld(meeting) && !canManage(actor, meeting.bodyId)) return null;
    return listDeclarations(db, meeting.id);
  }

  async function addDeclaration(actor: Actor, meetingId: number, form: DeclarationForm, requestId?: string) {
    const meeting = await requireMeeting(meetingId);
    if (!canManage(actor, meeting.bodyId)) throw new ForbiddenError();
    const [members, items] = await Promise.all([
      listMembersByBody(db, meeting.bodyId),
      listAgendaItems(db, meetingId),
    ]);
    const problems = [];
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
    return db.transaction().execute(async (trx) => {
      const id = await insertDeclaration(trx, values);
      await recordChange(trx, actor, { type: 'interest_declaration', id }, undefined, values, requestId);
      return { id };
    });
  }

  async function removeDeclaration(
    actor: Actor,
    meetingId: number,
    declarationId: number,
    requestId?: string,
  ) {
    const meeting = await requireMeeting(meetingId);
    if (!canManage(actor, meeting.bodyId)) throw new ForbiddenError();
    await db.transaction().execute(async (trx) => {
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

  return {
    readRegister,
    registerInterest,
    removeInterest,
    listMeetingDeclarations,
    addDeclaration,
    removeDeclaration,
  };
}
