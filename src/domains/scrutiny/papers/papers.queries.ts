import type { Selectable } from 'kysely';
import { insertedId } from '../../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db, ScrutinyTables } from '../scrutiny.tables.ts';

type Paper = Selectable<ScrutinyTables['meetingPaper']>;

/** A paper's record without its content: what lists and pages need. */
export type PaperRow = Omit<Paper, 'content'> & {
  /** The paper's own exempt paragraph, else its agenda item's: the reason it is withheld, if it is. */
  effectiveExemptParagraph: number | null;
};

export type PaperValues = Omit<Paper, 'id' | 'uploadedAt'>;

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
  return insertedId(db.insertInto('meetingPaper').values(values).returning('id'));
}

export async function deletePaper(db: Db, paperId: number): Promise<void> {
  await db.deleteFrom('meetingPaper').where('id', '=', paperId).execute();
}

/** The performance packs issued as papers for a meeting (published by the packs domain), oldest first. */
export function listIssuedPacksByMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom('packsPublishedPack')
    .select(['id', 'financialYear', 'quarter', 'edition'])
    .where('meetingId', '=', meetingId)
    .orderBy('financialYear')
    .orderBy('quarter')
    .orderBy('edition')
    .execute();
}
