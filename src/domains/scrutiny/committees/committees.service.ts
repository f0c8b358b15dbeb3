import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import type { GroupFileEntry } from '../records/records.file-schema.ts';
import { type RecordsLoadMode, recordsAccess, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { listMembersByBody } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { refuseDelegationOfReserved, type ScrutinyFunction } from '../scrutiny-functions.ts';
import type { GroupForm, GroupMemberForm } from '../scrutiny-records.schemas.ts';
import type { FunctionMode, GroupKind } from '../scrutiny-records.tables.ts';
import {
  deleteGroupMember,
  findGroupById,
  findGroupBySlug,
  type GroupRow,
  type GroupValues,
  insertGroup,
  insertGroupMember,
  listGroupFunctions,
  listGroupMembers,
  listGroups,
  replaceGroupFunctionsAndMembers,
  updateGroup,
} from './committees.queries.ts';

const GROUP_WORDS: Record<GroupKind, string> = {
  'sub-committee': 'a sub-committee',
  'task-and-finish-group': 'a task-and-finish group',
};

/** "Preventing CSE Sub-Committee" → "preventing-cse-sub-committee". */
export function slugFor(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export type CommitteesService = ReturnType<typeof createCommitteesService>;

type CommitteesContext = ScrutinyRecordsDeps & { access: ReturnType<typeof recordsAccess> };
type FunctionEntry = { function: ScrutinyFunction; mode: FunctionMode };

async function withDetail(trx: Db, groups: GroupRow[]) {
  const ids = groups.map((group) => group.id);
  const [functions, members] = await Promise.all([listGroupFunctions(trx, ids), listGroupMembers(trx, ids)]);
  return groups.map((group) => ({
    group,
    functions: functions.filter((entry) => entry.groupId === group.id),
    members: members.filter((entry) => entry.groupId === group.id),
  }));
}

async function requireGroup(trx: Db, id: number) {
  const group = await findGroupById(trx, id);
  if (!group) throw new NotFoundError('There is no such group');
  return group;
}

/** A group with its detail and, for the scrutiny officer, the panel's members who could join it. */
async function readGroup(context: CommitteesContext, actor: Actor, id: number) {
  const { db } = context;
  const group = await requireGroup(db, id);
  const [detail] = await withDetail(db, [group]);
  const { functions, members } = detail as NonNullable<typeof detail>;
  const canManage = context.access.canManage(actor, group.bodyId);
  const candidates = canManage
    ? (await listMembersByBody(db, group.bodyId)).filter(
        (member) => !members.some((entry) => entry.memberId === member.id),
      )
    : [];
  return { group, functions, members, canManage, candidates };
}

/** Refuses a member not on the panel, one already in the group, and a second chair. */
async function refuseMembership(trx: Db, group: GroupRow, form: GroupMemberForm) {
  const member = (await listMembersByBody(trx, group.bodyId)).find(
    (candidate) => candidate.id === form.member,
  );
  if (!member) throw new ValidationError([{ field: 'member', message: 'Select a member of the panel' }]);
  const current = await listGroupMembers(trx, [group.id]);
  if (current.some((entry) => entry.memberId === member.id))
    throw new ValidationError([
      { field: 'member', message: `${member.name} is already in the ${group.name}` },
    ]);
  const chair = current.find((entry) => entry.role === 'chair');
  if (form.role === 'chair' && chair)
    throw new ValidationError([
      {
        field: 'role',
        message: `${chair.name} already chairs the group: remove them first, or add ${member.name} as a member`,
      },
    ]);
  return member;
}

/** Adds one of the panel's members to the group, as its chair (one at a time) or a member. */
async function addMember(
  context: CommitteesContext,
  actor: Actor,
  groupId: number,
  form: GroupMemberForm,
  requestId?: string,
) {
  const group = await requireGroup(context.db, groupId);
  context.access.requireManage(actor, group.bodyId);
  return context.db.transaction().execute(async (trx) => {
    const member = await refuseMembership(trx, group, form);
    await insertGroupMember(trx, groupId, { memberId: member.id, role: form.role });
    await recordChange(
      trx,
      actor,
      { type: 'scrutiny_group_member', id: `${groupId}/${member.id}` },
      undefined,
      { groupId, memberId: member.id, name: member.name, role: form.role },
      requestId,
    );
  });
}

async function removeMember(
  context: CommitteesContext,
  actor: Actor,
  groupId: number,
  memberId: number,
  requestId?: string,
) {
  const group = await requireGroup(context.db, groupId);
  context.access.requireManage(actor, group.bodyId);
  return context.db.transaction().execute(async (trx) => {
    const membership = (await listGroupMembers(trx, [groupId])).find((entry) => entry.memberId === memberId);
    if (!membership) throw new NotFoundError('That person is not a member of the group');
    await deleteGroupMember(trx, groupId, memberId);
    await recordChange(
      trx,
      actor,
      { type: 'scrutiny_group_member', id: `${groupId}/${memberId}` },
      { groupId, memberId, name: membership.name, role: membership.role },
      undefined,
      requestId,
    );
  });
}

/** Refuses to delegate a special function, and a function listed both as delegated and as advisory. */
function checkFunctions(kind: GroupKind, functions: FunctionEntry[], fieldFor: (index: number) => string) {
  const seen = new Set<ScrutinyFunction>();
  for (const [index, entry] of functions.entries()) {
    if (seen.has(entry.function))
      throw new ValidationError([
        {
          field: fieldFor(index),
          message: 'A function is either delegated to the group or advisory, not both',
        },
      ]);
    seen.add(entry.function);
    if (entry.mode === 'delegated')
      refuseDelegationOfReserved(entry.function, fieldFor(index), GROUP_WORDS[kind]);
  }
}

/** Sets up a group from the scrutiny officer's form. */
async function createGroup(context: CommitteesContext, actor: Actor, form: GroupForm, requestId?: string) {
  const body = await context.findBody(form.panel);
  if (!bodyHas(body, 'committees'))
    throw new ValidationError([{ field: 'panel', message: 'Select the panel' }]);
  context.access.requireManage(actor, body.id);
  const functions = [
    ...form.delegated.map((fn) => ({ function: fn, mode: 'delegated' as const })),
    ...form.advisory.map((fn) => ({ function: fn, mode: 'advisory' as const })),
  ];
  checkFunctions(form.kind, functions, (index) => (index < form.delegated.length ? 'delegated' : 'advisory'));
  const slug = slugFor(form.name);
  if (!slug) throw new ValidationError([{ field: 'name', message: 'Enter a name with letters or numbers' }]);
  return context.db.transaction().execute(async (trx) => {
    if (await findGroupBySlug(trx, body.id, slug))
      throw new ValidationError([
        { field: 'name', message: `The panel already has a group called ${form.name}` },
      ]);
    const values: GroupValues = {
      bodyId: body.id,
      slug,
      name: form.name,
      kind: form.kind,
      termsOfReference: form.termsOfReference,
      establishedOn: null,
      endsOn: null,
    };
    const id = await insertGroup(trx, values);
    await replaceGroupFunctionsAndMembers(trx, id, functions, []);
    await recordChange(
      trx,
      actor,
      { type: 'scrutiny_group', id },
      undefined,
      { ...values, functions },
      requestId,
    );
    return { id };
  });
}

const byFunction = (a: { function: string }, b: { function: string }) => a.function.localeCompare(b.function);
const byMember = (a: { memberId: number }, b: { memberId: number }) => a.memberId - b.memberId;

/** A file's group as it should be stored: its values, functions and members (named as on the panel's list). */
function desiredGroup(
  bodyId: number,
  entry: GroupFileEntry,
  path: string,
  panelMembers: { id: number; name: string }[],
) {
  checkFunctions(entry.kind, entry.functions, (index) => `${path}.functions.${index}.function`);
  const members = entry.members.map((member, index) => {
    const found = panelMembers.find((candidate) => candidate.name === member.name);
    if (!found)
      throw new ValidationError([
        { field: `${path}.members.${index}.name`, message: `the panel has no member called ${member.name}` },
      ]);
    return { memberId: found.id, role: member.role };
  });
  const values: GroupValues = {
    bodyId,
    slug: entry.slug,
    name: entry.name,
    kind: entry.kind,
    termsOfReference: entry.termsOfReference,
    establishedOn: entry.established,
    endsOn: entry.ends,
  };
  return { values, functions: [...entry.functions].sort(byFunction), members: members.sort(byMember) };
}

/** A stored group in the same shape as desiredGroup, to compare and to audit. */
async function storedGroup(trx: Db, existing: GroupRow) {
  const [detail] = await withDetail(trx, [existing]);
  const { id: _id, bodySlug: _slug, bodyName: _name, ...values } = existing;
  return {
    values,
    functions: (detail?.functions ?? []).map(({ groupId: _group, ...fn }) => fn).sort(byFunction),
    members: (detail?.members ?? []).map(({ memberId, role }) => ({ memberId, role })).sort(byMember),
  };
}

/**
 * Sets groups from a reviewed file inside the caller's transaction, matched by slug; members are named as in
 * the panel's member list. Returns how many groups changed.
 */
async function applyFile(
  trx: Db,
  actor: Actor,
  load: { bodyId: number; entries: GroupFileEntry[]; mode: RecordsLoadMode },
): Promise<number> {
  const panelMembers = await listMembersByBody(trx, load.bodyId);
  let changes = 0;
  for (const [index, entry] of load.entries.entries()) {
    const desired = desiredGroup(load.bodyId, entry, `groups.${index}`, panelMembers);
    const existing = await findGroupBySlug(trx, load.bodyId, entry.slug);
    if (existing && load.mode === 'add-missing') continue;
    const before = existing ? await storedGroup(trx, existing) : undefined;
    if (before && isDeepStrictEqual(before, desired)) continue;
    const id = existing ? existing.id : await insertGroup(trx, desired.values);
    if (existing) await updateGroup(trx, id, desired.values);
    await replaceGroupFunctionsAndMembers(trx, id, desired.functions, desired.members);
    await recordChange(trx, actor, { type: 'scrutiny_group', id }, before, desired);
    changes += 1;
  }
  return changes;
}

/**
 * A scrutiny body's sub-committees and task-and-finish groups, with their terms of reference, members and the
 * functions they serve. A group may be given a function to discharge ('delegated') or to gather evidence on
 * and report to the full body ('advisory'); the special functions of Schedule 6 paragraph 27 can only be
 * advisory, and an attempt to delegate one is refused.
 */
export function createCommitteesService(deps: ScrutinyRecordsDeps) {
  const context: CommitteesContext = { ...deps, access: recordsAccess(deps.policy) };
  return {
    listAll: async () => withDetail(deps.db, await listGroups(deps.db)),
    readGroup: (actor: Actor, id: number) => readGroup(context, actor, id),
    addMember: (actor: Actor, groupId: number, form: GroupMemberForm, requestId?: string) =>
      addMember(context, actor, groupId, form, requestId),
    removeMember: (actor: Actor, groupId: number, memberId: number, requestId?: string) =>
      removeMember(context, actor, groupId, memberId, requestId),
    createGroup: (actor: Actor, form: GroupForm, requestId?: string) =>
      createGroup(context, actor, form, requestId),
    applyFile: (trx: Db, actor: Actor, bodyId: number, entries: GroupFileEntry[], mode: RecordsLoadMode) =>
      applyFile(trx, actor, { bodyId, entries, mode }),
  };
}
