import { type Selectable, sql } from 'kysely';
import { insertedId } from '../../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db, ScrutinyTables } from '../scrutiny.tables.ts';
import type { DeclarationKind, InterestCategory, Participation } from '../scrutiny-interests.tables.ts';

// The register of members' interests

export interface InterestRow {
  id: number;
  memberId: number;
  /** Both empty for a sensitive interest unless its details were asked for. */
  category: InterestCategory | null;
  description: string | null;
  sensitive: boolean;
  registeredOn: string;
  removedOn: string | null;
}

export type InterestValues = Omit<Selectable<ScrutinyTables['memberInterest']>, 'id' | 'removedOn'>;

/** Registered interests with their members, each with its id and its member's. */
function fromInterests(db: Db) {
  return db
    .selectFrom('memberInterest as i')
    .innerJoin('scrutinyMember as m', 'm.id', 'i.memberId')
    .select(['i.id', 'i.memberId']);
}

/**
 * A body's registered interests that are current on a date. A sensitive interest's details (its category
 * as well as its description) are withheld in the query itself unless asked for.
 */
export function listCurrentInterests(
  db: Db,
  bodyId: number,
  onDate: string,
  options: { withSensitiveDetails: boolean },
): Promise<InterestRow[]> {
  const reveal = options.withSensitiveDetails;
  return fromInterests(db)
    .select([
      reveal
        ? 'i.category'
        : sql<InterestCategory | null>`CASE WHEN i.sensitive THEN NULL ELSE i.category END`.as('category'),
      reveal
        ? 'i.description'
        : sql<string | null>`CASE WHEN i.sensitive THEN NULL ELSE i.description END`.as('description'),
      'i.sensitive',
      'i.registeredOn',
      'i.removedOn',
    ])
    .where('m.bodyId', '=', bodyId)
    .where('i.registeredOn', '<=', onDate)
    .where((eb) => eb.or([eb('i.removedOn', 'is', null), eb('i.removedOn', '>', onDate)]))
    .orderBy('i.memberId')
    .orderBy('i.id')
    .execute();
}

export function findInterest(db: Db, id: number) {
  return fromInterests(db)
    .select(['m.bodyId', 'i.category', 'i.description', 'i.sensitive', 'i.registeredOn', 'i.removedOn'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function insertInterest(db: Db, values: InterestValues): Promise<number> {
  return insertedId(db.insertInto('memberInterest').values(values).returning('id'));
}

export async function updateInterestRemoved(db: Db, id: number, removedOn: string): Promise<void> {
  await db.updateTable('memberInterest').set({ removedOn: removedOn }).where('id', '=', id).execute();
}

// Declarations of interest at meetings

export interface DeclarationRow {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  agendaItemPosition: number | null;
  agendaItemTitle: string | null;
  memberId: number;
  memberName: string;
  kind: DeclarationKind;
  description: string;
  participation: Participation;
}

export type DeclarationValues = Omit<Selectable<ScrutinyTables['interestDeclaration']>, 'id' | 'declaredAt'>;

export function listDeclarations(db: Db, meetingId: number): Promise<DeclarationRow[]> {
  return db
    .selectFrom('interestDeclaration as d')
    .innerJoin('scrutinyMember as m', 'm.id', 'd.memberId')
    .leftJoin('agendaItem as a', 'a.id', 'd.agendaItemId')
    .select([
      'd.id',
      'd.meetingId',
      'd.agendaItemId',
      'a.position as agendaItemPosition',
      'a.title as agendaItemTitle',
      'd.memberId',
      'm.name as memberName',
      'd.kind',
      'd.description',
      'd.participation',
    ])
    .where('d.meetingId', '=', meetingId)
    .orderBy('a.position', (ob) => ob.asc().nullsFirst())
    .orderBy('d.id')
    .execute();
}

export async function insertDeclaration(db: Db, values: DeclarationValues): Promise<number> {
  return insertedId(db.insertInto('interestDeclaration').values(values).returning('id'));
}

export async function deleteDeclarations(db: Db, meetingId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('interestDeclaration')
    .where('meetingId', '=', meetingId)
    .where('id', 'in', ids)
    .execute();
}
