import { createHash } from 'node:crypto';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { isAgendaDraft } from '../meetings/agenda.ts';
import type { ScrutinyDeps } from '../scrutiny.context.ts';
import { findMeetingById, listAgendaItems, type MeetingRow } from '../scrutiny.queries.ts';
import { checkPaperFile } from './papers.file-types.ts';
import {
  deletePaper,
  findPaper,
  findPaperContent,
  insertPaper,
  listPapersByMeeting,
  type PaperRow,
} from './papers.queries.ts';
import type { PaperUploadQuery } from './papers.schemas.ts';

export type ScrutinyPapersService = ReturnType<typeof createScrutinyPapersService>;

/** What the audit trail keeps of a paper: everything but its bytes, which the checksum stands for. */
function auditedPaper(paper: Omit<PaperRow, 'id' | 'uploadedAt' | 'effectiveExemptParagraph'>) {
  return {
    meetingId: paper.meetingId,
    agendaItemId: paper.agendaItemId,
    title: paper.title,
    fileName: paper.fileName,
    mediaType: paper.mediaType,
    byteSize: paper.byteSize,
    sha256: paper.sha256,
    exemptParagraph: paper.exemptParagraph,
  };
}

/**
 * The papers of a meeting, as uploaded files. A paper that is exempt (by its own paragraph or its agenda
 * item's) is for the panel's members and officer only: to anyone else it does not exist.
 */
export function createScrutinyPapersService(deps: ScrutinyDeps) {
  const { db, policy } = deps;

  const canReadExempt = (actor: Actor, bodyId: number) =>
    policy.can(actor, 'scrutiny:read-exempt', { bodyId });
  const canManage = (actor: Actor, bodyId: number) => policy.can(actor, 'scrutiny:manage', { bodyId });

  async function requireMeeting(id: number): Promise<MeetingRow> {
    const meeting = await findMeetingById(db, id);
    if (!meeting) throw new NotFoundError('There is no such meeting');
    return meeting;
  }

  /** Whether the actor may see this meeting's papers at all: a draft agenda's are for the panel only. */
  const canSeeAgenda = (actor: Actor, meeting: Pick<MeetingRow, 'bodyId' | 'status'>) =>
    !isAgendaDraft(meeting) || policy.can(actor, 'scrutiny:read-drafts', { bodyId: meeting.bodyId });

  /** The papers of a meeting this actor may see. */
  async function listPapers(
    actor: Actor,
    meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>,
  ): Promise<PaperRow[]> {
    if (!canSeeAgenda(actor, meeting)) return [];
    return listPapersByMeeting(db, meeting.id, { includeExempt: canReadExempt(actor, meeting.bodyId) });
  }

  /** One paper and its bytes, for download; an exempt paper is "not found" to those who may not read it. */
  async function readPaper(actor: Actor, meetingId: number, paperId: number) {
    const meeting = await requireMeeting(meetingId);
    const paper = await findPaper(db, meetingId, paperId);
    if (
      !paper ||
      !canSeeAgenda(actor, meeting) ||
      (paper.effectiveExemptParagraph !== null && !canReadExempt(actor, meeting.bodyId))
    )
      throw new NotFoundError('There is no such paper');
    const content = await findPaperContent(db, paperId);
    if (!content) throw new NotFoundError('There is no such paper');
    return { paper, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) };
  }

  /**
   * Saves an uploaded paper after checking its content is an allowed kind and within the size limit, and
   * that the agenda item named is this meeting's. Nothing is saved unless everything passes; the record
   * and its audit entry commit together.
   */
  async function uploadPaper(
    actor: Actor,
    meetingId: number,
    form: PaperUploadQuery,
    bytes: Buffer,
    requestId?: string,
  ) {
    const meeting = await requireMeeting(meetingId);
    if (!canManage(actor, meeting.bodyId)) throw new ForbiddenError();
    const items = await listAgendaItems(db, meetingId);
    const agendaItemId = form.agendaItem === '' ? null : form.agendaItem;
    if (agendaItemId !== null && !items.some((item) => item.id === agendaItemId))
      throw new ValidationError([
        { field: 'agendaItem', message: 'Select an agenda item of this meeting, or the meeting as a whole' },
      ]);
    const check = await checkPaperFile(form.name, bytes);
    if (!check.ok) throw new ValidationError([{ field: 'file', message: check.message }]);
    const values = {
      meetingId,
      agendaItemId,
      title: form.title || titleFromFileName(form.name),
      fileName: check.fileName,
      mediaType: check.mediaType,
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      exemptParagraph: form.exemptParagraph,
    };
    return db.transaction().execute(async (trx) => {
      const id = await insertPaper(trx, { ...values, content: bytes });
      await recordChange(
        trx,
        actor,
        { type: 'meeting_paper', id },
        undefined,
        auditedPaper(values),
        requestId,
      );
      return { id };
    });
  }

  async function removePaper(actor: Actor, meetingId: number, paperId: number, requestId?: string) {
    const meeting = await requireMeeting(meetingId);
    if (!canManage(actor, meeting.bodyId)) throw new ForbiddenError();
    await db.transaction().execute(async (trx) => {
      const paper = await findPaper(trx, meetingId, paperId);
      if (!paper) throw new NotFoundError('There is no such paper');
      await deletePaper(trx, paperId);
      await recordChange(
        trx,
        actor,
        { type: 'meeting_paper', id: paperId },
        auditedPaper(paper),
        undefined,
        requestId,
      );
    });
  }

  return { canReadExempt, listPapers, readPaper, uploadPaper, removePaper };
}

/** "Draft_Police-and-Crime Plan.pdf" → "Draft Police and Crime Plan": a title when none is given. */
function titleFromFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[A-Za-z0-9]+$/, '');
  const words = base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
  return words || 'Paper';
}
