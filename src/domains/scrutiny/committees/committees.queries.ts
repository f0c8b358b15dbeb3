import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { ScrutinyFunction } from '../scrutiny-functions.ts';
import type { FunctionMode, GroupKind, GroupRole } from '../scrutiny-records.tables.ts';

export interface GroupRow {
  id: number;
  bodyId: number;
  bodySlug: string;
  bodyName: string;
  slug: string;
  name: string;
  kind: GroupKind;
  termsOfReference: string;
  establishedOn: string | null;
  endsOn: string | null;
}
export type GroupValues = Omit<GroupRow, 'id' | 'bodySlug' | 'bodyName'>;

function selectGroups(db: Db) {
  return db
    .selectFrom('scrutiny_group as g')
    .innerJoin('accounts_published_body as body', 'body.id', 'g.body_id')
    .select([
      'g.id',
      'g.body_id as bodyId',
      'body.slug as bodySlug',
      'body.name as bodyName',
      'g.slug',
      'g.name',
      'g.kind',
      'g.terms_of_reference as termsOfReference',
      'g.established_on as establishedOn',
      'g.ends_on as endsOn',
    ]);
}

export function listGroups(db: Db): Promise<GroupRow[]> {
  return selectGroups(db).orderBy('body.name').orderBy('g.kind').orderBy('g.name').execute();
}

export function findGroupById(db: Db, id: number): Promise<GroupRow | undefined> {
  return selectGroups(db).where('g.id', '=', id).executeTakeFirst();
}

export function findGroupBySlug(db: Db, bodyId: number, slug: string): Promise<GroupRow | undefined> {
  return selectGroups(db).where('g.body_id', '=', bodyId).where('g.slug', '=', slug).executeTakeFirst();
}

function groupColumns(values: GroupValues) {
  return {
    body_id: values.bodyId,
    slug: values.slug,
    name: values.name,
    kind: values.kind,
    terms_of_reference: values.termsOfReference,
    established_on: values.establishedOn,
    ends_on: values.endsOn,
  };
}

export async function insertGroup(db: Db, values: GroupValues): Promise<number> {
  const row = await db
    .insertInto('scrutiny_group')
    .values(groupColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(db: Db, id: number, values: GroupValues): Promise<void> {
  await db.updateTable('scrutiny_group').set(groupColumns(values)).where('id', '=', id).execute();
}

// Functions and members

export interface GroupFunctionRow {
  groupId: number;
  function: ScrutinyFunction;
  mode: FunctionMode;
}

export interface GroupMemberRow {
  groupId: number;
  memberId: number;
  name: string;
  role: GroupRole;
}

export function listGroupFunctions(db: Db, groupIds: number[]): Promise<GroupFunctionRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutiny_group_function')
    .select(['group_id as groupId', 'function', 'mode'])
    .where('group_id', 'in', groupIds)
    .orderBy('group_id')
    .orderBy('function')
    .execute();
}

export function listGroupMembers(db: Db, groupIds: number[]): Promise<GroupMemberRow[]> {
  if (groupIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('scrutiny_group_member as gm')
    .innerJoin('scrutiny_member as m', 'm.id', 'gm.member_id')
    .select(['gm.group_id as groupId', 'gm.member_id as memberId', 'm.name', 'gm.role'])
    .where('gm.group_id', 'in', groupIds)
    .orderBy('gm.group_id')
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
  await db.deleteFrom('scrutiny_group_function').where('group_id', '=', groupId).execute();
  await db.deleteFrom('scrutiny_group_member').where('group_id', '=', groupId).execute();
  if (functions.length > 0)
    await db
      .insertInto('scrutiny_group_function')
      .values(functions.map((entry) => ({ group_id: groupId, function: entry.function, mode: entry.mode })))
      .execute();
  if (members.length > 0)
    await db
      .insertInto('scrutiny_group_member')
      .values(members.map((entry) => ({ group_id: groupId, member_id: entry.memberId, role: entry.role })))
      .execute();
}

export async function insertGroupMember(
  db: Db,
  groupId: number,
  member: { memberId: number; role: GroupRole },
): Promise<void> {
  await db
    .insertInto('scrutiny_group_member')
    .values({ group_id: groupId, member_id: member.memberId, role: member.role })
    .execute();
}

export async function deleteGroupMember(db: Db, groupId: number, memberId: number): Promise<void> {
  await db
    .deleteFrom('scrutiny_group_member')
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .execute();
}
