import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline } from '../../kernel/calendar/deadlines.ts';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { withDeps } from '../../kernel/use-cases.ts';
import type { PackContent } from './packs.content.ts';
import { canManage, type PackMeeting, type PacksDeps, requireManage } from './packs.context.ts';
import { drawPack } from './packs.draw.ts';
import { packPaths } from './packs.paths.ts';
import { financialQuarter } from './packs.quarters.ts';
import {
  findPack,
  freezePack,
  insertPack,
  listEditions,
  listIssuedPlanVersions,
  listPacks,
  listPlanPriorities,
  listPolicingBodies,
  type PackRow,
} from './packs.queries.ts';
import type { CreateForm } from './packs.schemas.ts';

const AUDIT = (id: number) => ({ type: 'performance_pack', id });

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** A pack with what it holds: as issued, or drawn now from live data for a draft. */
export interface PackRecord {
  row: PackRow;
  content: PackContent;
  canManage: boolean;
  /** The meeting it is a paper for, if any. */
  meeting: PackMeeting | null;
}

async function keyOf(deps: PacksDeps, row: PackRow) {
  const plan = (await listIssuedPlanVersions(deps.db)).find(
    (each) => each.slug === row.planSlug && each.number === row.planVersion,
  );
  return {
    body: { id: row.bodyId, slug: row.bodySlug, name: row.bodyName },
    plan: { slug: row.planSlug, title: plan?.title ?? row.planSlug, version: row.planVersion },
    financialYear: row.financialYear,
    quarter: row.quarter,
    edition: row.edition,
  };
}

/** Issued packs for everyone; drafts too for the office that keeps them. */
export async function listPacksFor(deps: PacksDeps, actor: Actor): Promise<PackRow[]> {
  const rows = await listPacks(deps.db, canManage(deps, actor));
  return rows.filter((row) => row.status === 'issued' || canManage(deps, actor, row.bodyId));
}

/** One pack: an issued one as it was issued; a draft (its office's alone) drawn from the data as it is now. */
export async function readPack(deps: PacksDeps, actor: Actor, id: number): Promise<PackRecord> {
  const row = await findPack(deps.db, id);
  const manages = row ? canManage(deps, actor, row.bodyId) : false;
  if (!row || (row.status === 'draft' && !manages))
    throw new NotFoundError('There is no such performance pack');
  const [content, meetings] = await Promise.all([
    row.content ?? drawPack(deps, await keyOf(deps, row)),
    row.meetingId === null ? [] : deps.listMeetings(),
  ]);
  const meeting = meetings.find((each) => each.id === row.meetingId) ?? null;
  return { row, content, canManage: manages, meeting };
}

/** An issued pack, for the API: drafts are never served there. */
export async function readIssuedPack(
  deps: PacksDeps,
  id: number,
): Promise<PackRow & { content: PackContent }> {
  const row = await findPack(deps.db, id);
  if (row?.status !== 'issued' || !row.content) throw new NotFoundError('There is no such performance pack');
  return { ...row, content: row.content };
}

/** What the form offers the actor: the offices they keep, the issued plan versions and the offices' meetings. */
export async function formChoices(deps: PacksDeps, actor: Actor) {
  const [bodies, plans, meetings] = await Promise.all([
    listPolicingBodies(deps.db),
    listIssuedPlanVersions(deps.db),
    deps.listMeetings(),
  ]);
  const offices = bodies.filter((body) => canManage(deps, actor, body.id));
  const ids = new Set(offices.map((body) => body.id));
  return { offices, plans, meetings: meetings.filter((meeting) => ids.has(meeting.bodyId)) };
}

async function checkCreate(deps: PacksDeps, actor: Actor, form: CreateForm) {
  const choices = await formChoices(deps, actor);
  const body = choices.offices.find((each) => each.slug === form.body);
  if (!body) throw new ValidationError([{ field: 'body', message: 'Select the office' }]);
  requireManage(deps, actor, body.id);
  const plan = choices.plans.find(
    (each) => each.slug === form.plan.slug && each.number === form.plan.version,
  );
  if (!plan) refuse([{ field: 'plan', message: 'Select an issued version of a plan' }]);
  const errors: FieldError[] = [];
  const quarter = financialQuarter(form.financialYear, form.quarter);
  const today = londonDateOf(deps.now());
  if (quarter.start > today)
    errors.push({ field: 'quarter', message: `${quarter.label} has not started yet, so it has no figures` });
  if ((await listPlanPriorities(deps.db, form.plan.slug, form.plan.version)).length === 0)
    errors.push({ field: 'plan', message: 'That plan version has no priorities with measures to report on' });
  const meeting = choices.meetings.find((each) => each.id === form.meeting);
  if (form.meeting !== null && meeting?.bodyId !== body.id)
    errors.push({ field: 'meeting', message: `Select a meeting of ${body.name}, or none` });
  refuse(errors);
  return body;
}

/**
 * Starts a pack for a quarter and plan version, as a draft the office can preview: edition 1, or the next
 * edition once every earlier one is issued (one draft at a time, so two officers cannot issue rival editions).
 */
export async function createPack(deps: PacksDeps, actor: Actor, form: CreateForm, requestId?: string) {
  const body = await checkCreate(deps, actor, form);
  return deps.db.transaction().execute(async (trx) => {
    const key = {
      bodyId: body.id,
      planSlug: form.plan.slug,
      planVersion: form.plan.version,
      financialYear: form.financialYear,
      quarter: form.quarter,
    };
    const editions = await listEditions(trx, key);
    const draft = editions.find((each) => each.status === 'draft');
    if (draft)
      refuse([
        {
          field: 'quarter',
          message: `There is already a draft pack for that quarter (edition ${draft.edition}): issue it first`,
        },
      ]);
    const values = { ...key, edition: (editions.at(-1)?.edition ?? 0) + 1, meetingId: form.meeting };
    const id = await insertPack(trx, values);
    await recordChange(trx, actor, AUDIT(id), undefined, values, requestId);
    return { id };
  });
}

/** Issues a draft: draws it one last time and keeps what was drawn, so later data never changes it. */
export async function issuePack(deps: PacksDeps, actor: Actor, id: number, requestId?: string) {
  const row = await findPack(deps.db, id);
  if (!row) throw new NotFoundError('There is no such performance pack');
  requireManage(deps, actor, row.bodyId);
  if (row.status === 'issued')
    throw new ConflictError(
      `This pack was issued on ${formatDate(londonDateOf(row.issuedAt as Date))}; start a new edition to change it`,
    );
  const content = await drawPack(deps, await keyOf(deps, row));
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await freezePack(trx, id, content, at)))
      throw new ConflictError('This pack has just been issued by someone else');
    await recordChange(
      trx,
      actor,
      AUDIT(id),
      { status: 'draft' },
      { status: 'issued', issuedAt: at.toISOString() },
      requestId,
    );
  });
  return { id };
}

/**
 * For the calendar: each draft pack that is a paper for a coming meeting, due by the meeting (the office's
 * own target: no statute sets when a Commissioner's performance papers go out).
 */
export async function upcomingDeadlines(deps: PacksDeps, actor: Actor): Promise<Deadline[]> {
  if (!canManage(deps, actor)) return [];
  const today = londonDateOf(deps.now());
  const [rows, meetings] = await Promise.all([listPacks(deps.db, true), deps.listMeetings()]);
  return rows.flatMap((row) => {
    const meeting = meetings.find((each) => each.id === row.meetingId);
    if (row.status !== 'draft' || !meeting || !canManage(deps, actor, row.bodyId)) return [];
    const date = londonDateOf(meeting.startsAt);
    if (date < today) return [];
    const quarter = financialQuarter(row.financialYear, row.quarter);
    return [
      {
        uid: `performance-pack-${row.id}-issue`,
        date,
        title: `Issue the performance pack for ${quarter.label}`,
        basis: `A paper for ${meeting.title} (the office's own timetable; no statute sets it)`,
        url: packPaths.pack({ id: row.id }),
        status: null,
      },
    ];
  });
}

export type PacksService = ReturnType<typeof createPacksService>;

/** Quarterly performance packs: start a draft, preview it live, issue it frozen; read issued packs. */
export function createPacksService(deps: PacksDeps) {
  return withDeps(deps, {
    listPacksFor,
    readPack,
    readIssuedPack,
    formChoices,
    createPack,
    issuePack,
    upcomingDeadlines,
    canManage: (d: PacksDeps, actor: Actor) => canManage(d, actor),
  });
}
