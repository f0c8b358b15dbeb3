import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { PaperMediaType } from '../scrutiny-papers.tables.ts';

/** A paper's record without its content: what lists and pages need. */
export interface PaperRow {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  title: string;
  fileName: string;
  mediaType: PaperMediaType;
  byteSize: number;
  sha256: string;
  exemptParagraph: number | null;
  /** The paper's own exempt paragraph, else its agenda item's: the reason it is withheld, if it is. */
  effectiveExemptParagraph: number | null;
  uploadedAt: Date;
}

export interface PaperValues {
  meetingId: number;
  agendaItemId: number | null;
  title: string;
  fileName: string;
  mediaType: PaperMediaType;
  byteSize: number;
  sha256: string;
  content: Uint8Array;
  exemptParagraph: number | null;
}

function selectPapers(db: Db) {
  return db
    .selectFrom('meeting_paper')
    .leftJoin('agenda_item', 'agenda_item.id', 'meeting_paper.agenda_item_id')
    .select((eb) => [
      'meeting_paper.id',
      'meeting_paper.meeting_id as meetingId',
      'meeting_paper.agenda_item_id as agendaItemId',
      'meeting_paper.title',
      'meeting_paper.file_name as fileName',
      'meeting_paper.media_type as mediaType',
      'meeting_paper.byte_size as byteSize',
      'meeting_paper.sha256',
      'meeting_paper.exempt_paragraph as exemptParagraph',
      eb.fn
        .coalesce('meeting_paper.exempt_paragraph', 'agenda_item.exempt_paragraph')
        .as('effectiveExemptParagraph'),
      'meeting_paper.uploaded_at as uploadedAt',
    ]);
}

/**
 * A meeting's papers in agenda order (papers on the meeting as a whole first). Exempt papers, by their own
 * paragraph or their item's, are left out in the query itself unless asked for.
 */
export function listPapersByMeeting(
  db: Db,
  meetingId: number,
  options: { includeExempt: boolean },
): Promise<PaperRow[]> {
  let query = selectPapers(db).where('meeting_paper.meeting_id', '=', meetingId);
  if (!options.includeExempt)
    query = query
      .where('meeting_paper.exempt_paragraph', 'is', null)
      .where('agenda_item.exempt_paragraph', 'is', null);
  return query
    .orderBy('agenda_item.position', (ob) => ob.asc().nullsFirst())
    .orderBy('meeting_paper.id')
    .execute();
}

export function findPaper(db: Db, meetingId: number, paperId: number): Promise<PaperRow | undefined> {
  return selectPapers(db)
    .where('meeting_paper.meeting_id', '=', meetingId)
    .where('meeting_paper.id', '=', paperId)
    .executeTakeFirst();
}

export async function findPaperContent(db: Db, paperId: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('meeting_paper')
    .select('content')
    .where('id', '=', paperId)
    .executeTakeFirst();
  return row?.content;
}

export async function insertPaper(db: Db, values: PaperValues): Promise<number> {
  const row = await db
    .insertInto('meeting_paper')
    .values({
      meeting_id: values.meetingId,
      agenda_item_id: values.agendaItemId,
      title: values.title,
      file_name: values.fileName,
      media_type: values.mediaType,
      byte_size: values.byteSize,
      sha256: values.sha256,
      content: values.content,
      exempt_paragraph: values.exemptParagraph,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deletePaper(db: Db, paperId: number): Promise<void> {
  await db.deleteFrom('meeting_paper').where('id', '=', paperId).execute();
}
