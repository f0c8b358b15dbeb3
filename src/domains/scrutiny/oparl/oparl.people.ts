import { NotFoundError } from '../../../kernel/errors.ts';
import { findGroupById, listGroupMembers } from '../committees/committees.queries.ts';
import type { BodyRef } from '../scrutiny.context.ts';
import { listMembersByBody } from '../scrutiny.queries.ts';
import {
  type Absolute,
  type OparlObject,
  toGroupOrganization,
  toMainOrganization,
  toPerson,
} from './oparl.objects.ts';
import { oparlPaths } from './oparl.paths.ts';
import {
  findMemberById,
  listMemberGroups,
  listStamps,
  memberStamps,
  type StampRow,
} from './oparl.queries.ts';
import type { OparlDeps } from './oparl.service.ts';

const notFound = () => new NotFoundError('There is no such OParl object');

/** The earliest creation and the latest change of some records, for an object made of them. */
export function spanOf(rows: StampRow[]) {
  if (rows.length === 0) return undefined;
  const times = (pick: (row: StampRow) => Date) => rows.map((row) => pick(row).getTime());
  return {
    createdAt: new Date(Math.min(...times((row) => row.createdAt))),
    modifiedAt: new Date(Math.max(...times((row) => row.modifiedAt))),
  };
}

/**
 * A body's members (Persons with their Memberships) and its Organizations: the body in full, whose main
 * organization is as new as its newest member, and its sub-committees and groups. All are public.
 */
export function createOparlPeople(
  deps: OparlDeps,
  abs: Absolute,
  bodyBy: (match: (body: BodyRef) => boolean) => Promise<BodyRef>,
) {
  const { db } = deps;

  async function mainOrganization(body: BodyRef) {
    const [members, stamps] = await Promise.all([listMembersByBody(db, body.id), memberStamps(db, body.id)]);
    return toMainOrganization(
      abs,
      body,
      members.map((member) => member.id),
      spanOf(stamps),
    );
  }

  async function organization(key: string): Promise<OparlObject> {
    const [, kind, id] = /^(body|group)-(\d+)$/.exec(key) ?? [];
    if (kind === 'body') return mainOrganization(await bodyBy((body) => body.id === Number(id)));
    const group = kind === 'group' ? await findGroupById(db, Number(id)) : undefined;
    if (!group) throw notFound();
    const [body, members, stamps] = await Promise.all([
      bodyBy((candidate) => candidate.id === group.bodyId),
      listGroupMembers(db, [group.id]),
      listStamps(db, 'scrutiny_group', [group.id]),
    ]);
    return toGroupOrganization(
      abs,
      body,
      group,
      members.map((member) => member.memberId),
      stamps.get(group.id),
    );
  }

  async function person(id: number): Promise<OparlObject> {
    const member = await findMemberById(db, id);
    if (!member) throw notFound();
    const [body, groups, stamps] = await Promise.all([
      bodyBy((candidate) => candidate.id === member.bodyId),
      listMemberGroups(db, id),
      listStamps(db, 'scrutiny_member', [id]),
    ]);
    return toPerson(abs, body, member, groups, stamps.get(id));
  }

  async function membership(key: string): Promise<OparlObject> {
    const [, , memberId] = /^(group-\d+-)?member-(\d+)$/.exec(key) ?? [];
    if (memberId === undefined) throw notFound();
    const served = await person(Number(memberId));
    const url = abs(oparlPaths.membership({ id: key }));
    const found = (served.membership as OparlObject[]).find((object) => object.id === url);
    if (!found) throw notFound();
    return found;
  }

  return { organization, person, membership };
}
