import type { Selectable } from 'kysely';
import { insertedId } from '../../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { GroupRole, ScrutinyRecordsTables } from '../scrutiny-records.tables.ts';

type Group = Omit<Selectable<ScrutinyRecordsTables['scrutinyGroup']>, 'createdAt'>;
/** A group with the body it belongs to. */
export type GroupRow = Group & { bodySlug: string; bodyName: string };
export type GroupValues = Omit<Group, 'id'>;

function selectGroups(db: Db) {
  return db
    .selectFrom('scrutinyGroup as g')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'g.bodyId')
    .select([
      'g.id',
      'g.bodyId',
      'body.slug as bodySlug',
      'body.name as bodyName',
      'g.slug',
      'g.name',
      'g.kind',
      'g.termsOfReference',
      'g.establishedOn',
      'g.endsOn',
    ]);
}

export function listGroups(db: Db): Promise<GroupRow[]> {
  return selectGroups(db).orderBy('body.name').orderBy('g.kind').orderBy('g.name').execute();
}

export function findGroupById(db: Db, id: number): Promise<GroupRow | undefined> {
  return selectGroups(db).where('g.id', '=', id).executeTakeFirst();
}

export function findGroupBySlug(db: Db, bodyId: number, slug: string): Promise<GroupRow | undefined> {
  return selectGroups(db).where('g.bodyId', '=', bodyId).where('g.slug', '=', slug).executeTakeFirst();
}

export async function insertGroup(db: Db, values: GroupValues): Promise<number> {
  return insertedId(db.insertInto('scrutinyGroup').values(values).returning('id'));
}

export async function updateGroup(db: Db, id: number, values: GroupValues): Promise<void> {
  await db.updateTable('scrutinyGroup').set(values).where('id', '=', id).execute();
}

// Functions and members

export type GroupFunctionRow = Selectable<ScrutinyRecordsTables['scrutinyGroupFunction']>;

export interface GroupMemberRow {
  groupId: number;
  memberId: number;
  name: string;
  role: GroupRole;
}

export function listGroupFunctions(db: Db, groupIds: number[]): Promise<GroupFunctionRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutinyGroupFunction')
    .select(['groupId', 'function', 'mode'])
    .where('groupId', 'in', groupIds)
    .orderBy('groupId')
    .orderBy('function')
    .execute();
}

export function listGroupMembers(db: Db, groupIds: number[]): Promise<GroupMemberRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutinyGroupMember as gm')
    .innerJoin('scrutinyMember as m', 'm.id', 'gm.memberId')
    .select(['gm.groupId', 'gm.memberId', 'm.name', 'gm.role'])
    .where('gm.groupId', 'in', groupIds)
    .orderBy('gm.groupId')
    .orderBy('gm.role')
    .orderBy('m.name')
    .execute();
}

/** Sets a group's functions and members afresh. */
export async function replaceGroupFunctionsAndMembers(
  db: Db,
  groupId: number,
  functions: Omit<GroupFunctionRow, 'groupId'>[],
  members: { memberId: number; role: GroupRole }[],
): Promise<void> {
  await db.deleteFrom('scrutinyGroupFunction').where('groupId', '=', groupId).execute();
  await db.deleteFrom('scrutinyGroupMember').where('groupId', '=', groupId).execute();
  if (functions.length > 0)
    await db
      .insertInto('scrutinyGroupFunction')
      .values(functions.map((entry) => ({ groupId, ...entry })))
      .execute();
  if (members.length > 0)
    await db
      .insertInto('scrutinyGroupMember')
      .values(members.map((entry) => ({ groupId, ...entry })))
      .execute();
}

export async function insertGroupMember(
  db: Db,
  groupId: number,
  member: { memberId: number; role: GroupRole },
): Promise<void> {
  await db
    .insertInto('scrutinyGroupMember')
    .values({ groupId: groupId, memberId: member.memberId, role: member.role })
    .execute();
}

export async function deleteGroupMember(db: Db, groupId: number, memberId: number): Promise<void> {
  await db
    .deleteFrom('scrutinyGroupMember')
    .where('groupId', '=', groupId)
    .where('memberId', '=', memberId)
    .execute();
}
