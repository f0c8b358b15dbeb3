import { sql } from 'kysely';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
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

export interface InterestValues {
  memberId: number;
  category: InterestCategory;
  description: string;
  sensitive: boolean;
  registeredOn: string;
}

/** Registered interests with their members, each with its id and its member's. */
function fromInterests(db: Db) {
  return db
    .selectFrom('member_interest as i')
    .innerJoin('scrutiny_member as m', 'm.id', 'i.member_id')
    .select(['i.id', 'i.member_id as memberId']);
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
      'i.registered_on as registeredOn',
      'i.removed_on as removedOn',
    ])
    .where('m.body_id', '=', bodyId)
    .where('i.registered_on', '<=', onDate)
    .where((eb) => eb.or([eb('i.removed_on', 'is', null), eb('i.removed_on', '>', onDate)]))
    .orderBy('i.member_id')
    .orderBy('i.id')
    .execute();
}

export function findInterest(db: Db, id: number) {
  return fromInterests(db)
    .select([
      'm.body_id as bodyId',
      'i.category',
      'i.description',
      'i.sensitive',
      'i.registered_on as registeredOn',
      'i.removed_on as removedOn',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function insertInterest(db: Db, values: InterestValues): Promise<number> {
  const row = await db
    .insertInto('member_interest')
    .values({
      member_id: values.memberId,
      category: values.category,
      description: values.description,
      sensitive: values.sensitive,
      registered_on: values.registeredOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateInterestRemoved(db: Db, id: number, removedOn: string): Promise<void> {
  await db.updateTable('member_interest').set({ removed_on: removedOn }).where('id', '=', id).execute();
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

export interface DeclarationValues {
  meetingId: number;
  agendaItemId: number | null;
  memberId: number;
  kind: DeclarationKind;
  description: string;
  participation: Participation;
}

export function listDeclarations(db: Db, meetingId: number): Promise<DeclarationRow[]> {
  return db
    .selectFrom('interest_declaration as d')
    .innerJoin('scrutiny_member as m', 'm.id', 'd.member_id')
    .leftJoin('agenda_item as a', 'a.id', 'd.agenda_item_id')
    .select([
      'd.id',
      'd.meeting_id as meetingId',
      'd.agenda_item_id as agendaItemId',
      'a.position as agendaItemPosition',
      'a.title as agendaItemTitle',
      'd.member_id as memberId',
      'm.name as memberName',
      'd.kind',
      'd.description',
      'd.participation',
    ])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('a.position', (ob) => ob.asc().nullsFirst())
    .orderBy('d.id')
    .execute();
}

export async function insertDeclaration(db: Db, values: DeclarationValues): Promise<number> {
  const row = await db
    .insertInto('interest_declaration')
    .values({
      meeting_id: values.meetingId,
      agenda_item_id: values.agendaItemId,
      member_id: values.memberId,
      kind: values.kind,
      description: values.description,
      participation: values.participation,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteDeclarations(db: Db, meetingId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('interest_declaration')
    .where('meeting_id', '=', meetingId)
    .where('id', 'in', ids)
    .execute();
}
