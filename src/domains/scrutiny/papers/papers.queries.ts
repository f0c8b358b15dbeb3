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
    .selectFrom('meetingPaper')
    .leftJoin('agendaItem', 'agendaItem.id', 'meetingPaper.agendaItemId')
    .select((eb) => [
      'meetingPaper.id',
      'meetingPaper.meetingId',
      'meetingPaper.agendaItemId',
      'meetingPaper.title',
      'meetingPaper.fileName',
      'meetingPaper.mediaType',
      'meetingPaper.byteSize',
      'meetingPaper.sha256',
      'meetingPaper.exemptParagraph',
      eb.fn
        .coalesce('meetingPaper.exemptParagraph', 'agendaItem.exemptParagraph')
        .as('effectiveExemptParagraph'),
      'meetingPaper.uploadedAt',
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
  let query = selectPapers(db).where('meetingPaper.meetingId', '=', meetingId);
  if (!options.includeExempt)
    query = query
      .where('meetingPaper.exemptParagraph', 'is', null)
      .where('agendaItem.exemptParagraph', 'is', null);
  return query
    .orderBy('agendaItem.position', (ob) => ob.asc().nullsFirst())
    .orderBy('meetingPaper.id')
    .execute();
}

export function findPaper(db: Db, meetingId: number, paperId: number): Promise<PaperRow | undefined> {
  return selectPapers(db)
    .where('meetingPaper.meetingId', '=', meetingId)
    .where('meetingPaper.id', '=', paperId)
    .executeTakeFirst();
}

export async function findPaperContent(db: Db, paperId: number): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('meetingPaper')
    .select('content')
    .where('id', '=', paperId)
    .executeTakeFirst();
  return row?.content;
}

export async function insertPaper(db: Db, values: PaperValues): Promise<number> {
  const row = await db
    .insertInto('meetingPaper')
    .values({
      meetingId: values.meetingId,
      agendaItemId: values.agendaItemId,
      title: values.title,
      fileName: values.fileName,
      mediaType: values.mediaType,
      byteSize: values.byteSize,
      sha256: values.sha256,
      content: values.content,
      exemptParagraph: values.exemptParagraph,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deletePaper(db: Db, paperId: number): Promise<void> {
  await db.deleteFrom('meetingPaper').where('id', '=', paperId).execute();
}
