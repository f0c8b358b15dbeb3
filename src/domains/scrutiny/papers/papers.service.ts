import { createHash } from 'node:crypto';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { isAgendaDraft } from '../meetings/agenda.ts';
import { recordsAccess, requireMeeting, type ScrutinyDeps } from '../scrutiny.context.ts';
import { listAgendaItems, type MeetingRow } from '../scrutiny.queries.ts';
import { checkPaperFile } from './papers.file-types.ts';
import {
  deletePaper,
  findPaper,
  findPaperContent,
  insertPaper,
  listIssuedPacksByMeeting,
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

interface PapersContext {
  db: ScrutinyDeps['db'];
  access: ReturnType<typeof recordsAccess>;
}

/**
 * Whether the actor may see this meeting's papers at all: a draft agenda's are for the body's members and
 * whoever runs its meetings.
 */
function canSeeAgenda(context: PapersContext, actor: Actor, meeting: Pick<MeetingRow, 'bodyId' | 'status'>) {
  const { access } = context;
  return (
    !isAgendaDraft(meeting) ||
    access.canReadDrafts(actor, meeting.bodyId) ||
    access.canManage(actor, meeting.bodyId)
  );
}

/** Exempt papers are for the body's members, and for whoever runs its meetings (who uploaded them). */
function canReadExemptPapers(context: PapersContext, actor: Actor, bodyId: number) {
  return context.access.canReadExempt(actor, bodyId) || context.access.canManage(actor, bodyId);
}

/** The papers of a meeting this actor may see. */
async function listPapers(
  context: PapersContext,
  actor: Actor,
  meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>,
): Promise<PaperRow[]> {
  if (!canSeeAgenda(context, actor, meeting)) return [];
  const includeExempt = canReadExemptPapers(context, actor, meeting.bodyId);
  return listPapersByMeeting(context.db, meeting.id, { includeExempt });
}

/** One paper and its bytes, for download; an exempt paper is "not found" to those who may not read it. */
async function readPaper(context: PapersContext, actor: Actor, meetingId: number, paperId: number) {
  const { db } = context;
  const meeting = await requireMeeting(db, meetingId);
  const paper = await findPaper(db, meetingId, paperId);
  if (
    !paper ||
    !canSeeAgenda(context, actor, meeting) ||
    (paper.effectiveExemptParagraph !== null && !canReadExemptPapers(context, actor, meeting.bodyId))
  )
    throw new NotFoundError('There is no such paper');
  const content = await findPaperContent(db, paperId);
  if (!content) throw new NotFoundError('There is no such paper');
  return { paper, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) };
}

/** The paper's record from the form and the checked file, or the reason it is refused. */
async function paperValues(
  db: PapersContext['db'],
  meetingId: number,
  form: PaperUploadQuery,
  bytes: Buffer,
) {
  const items = await listAgendaItems(db, meetingId);
  const agendaItemId = form.agendaItem === '' ? null : form.agendaItem;
  if (agendaItemId !== null && !items.some((item) => item.id === agendaItemId))
    throw new ValidationError([
      { field: 'agendaItem', message: 'Select an agenda item of this meeting, or the meeting as a whole' },
    ]);
  const check = await checkPaperFile(form.name, bytes);
  if (!check.ok) throw new ValidationError([{ field: 'file', message: check.message }]);
  return {
    meetingId,
    agendaItemId,
    title: form.title || titleFromFileName(form.name),
    fileName: check.fileName,
    mediaType: check.mediaType,
    byteSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    exemptParagraph: form.exemptParagraph,
  };
}

/**
 * Saves an uploaded paper after checking its content is an allowed kind and within the size limit, and that
 * the agenda item named is this meeting's. Nothing is saved unless everything passes; the record and its
 * audit entry commit together.
 */
async function uploadPaper(
  context: PapersContext,
  actor: Actor,
  upload: { meetingId: number; form: PaperUploadQuery; bytes: Buffer },
  requestId?: string,
) {
  const { db, access } = context;
  const meeting = await requireMeeting(db, upload.meetingId);
  access.requireManage(actor, meeting.bodyId);
  const values = await paperValues(db, upload.meetingId, upload.form, upload.bytes);
  return db.transaction().execute(async (trx) => {
    const id = await insertPaper(trx, { ...values, content: upload.bytes });
    await recordChange(trx, actor, { type: 'meeting_paper', id }, undefined, auditedPaper(values), requestId);
    return { id };
  });
}

async function removePaper(
  context: PapersContext,
  actor: Actor,
  meetingId: number,
  paperId: number,
  requestId?: string,
) {
  const { db, access } = context;
  const meeting = await requireMeeting(db, meetingId);
  access.requireManage(actor, meeting.bodyId);
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

/**
 * The papers of a meeting, as uploaded files. A paper that is exempt (by its own paragraph or its agenda
 * item's) is for the body's members and officer only: to anyone else it does not exist.
 */
export function createScrutinyPapersService(deps: ScrutinyDeps) {
  const context: PapersContext = { db: deps.db, access: recordsAccess(deps.policy) };
  return {
    listPapers: (actor: Actor, meeting: Pick<MeetingRow, 'id' | 'bodyId' | 'status'>) =>
      listPapers(context, actor, meeting),
    /** Issued performance packs are public whatever the meeting's state: issuing publishes them. */
    listPerformancePacks: (meetingId: number) => listIssuedPacksByMeeting(context.db, meetingId),
    readPaper: (actor: Actor, meetingId: number, paperId: number) =>
      readPaper(context, actor, meetingId, paperId),
    uploadPaper: (
      actor: Actor,
      meetingId: number,
      form: PaperUploadQuery,
      bytes: Buffer,
      requestId?: string,
    ) => uploadPaper(context, actor, { meetingId, form, bytes }, requestId),
    removePaper: (actor: Actor, meetingId: number, paperId: number, requestId?: string) =>
      removePaper(context, actor, meetingId, paperId, requestId),
  };
}

/** "Draft_Police-and-Crime Plan.pdf" → "Draft Police and Crime Plan": a title when none is given. */
function titleFromFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[A-Za-z0-9]+$/, '');
  const words = base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
  return words || 'Paper';
}
