import type { Actor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError, NotFoundError } from '../../kernel/errors.ts';
import {
  type AppointmentRow,
  findAppointment,
  listPolicingBodies,
  listVotes,
  type PolicingBody,
} from './appointments.queries.ts';
import type { AppointmentTarget } from './appointments.schemas.ts';
import type { AppointmentsDb as Db } from './appointments.tables.ts';

/** What the confirmation hearings' use-cases are built from. */
export interface AppointmentsDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
}

/** Whether the actor keeps the Commissioner's side for the office (any office if none given). */
export function canPropose(deps: AppointmentsDeps, actor: Actor, bodyId?: number): boolean {
  return deps.policy.can(actor, 'appointments:propose', bodyId === undefined ? undefined : { bodyId });
}

/** Whether the actor keeps the Panel's side (its hearing, vote and report) for the Panel. */
export function canReport(deps: AppointmentsDeps, actor: Actor, panelId: number): boolean {
  return deps.policy.can(actor, 'appointments:report', { bodyId: panelId });
}

export function requirePropose(deps: AppointmentsDeps, actor: Actor, bodyId: number): void {
  if (!canPropose(deps, actor, bodyId)) throw new ForbiddenError();
}

export function requireReport(deps: AppointmentsDeps, actor: Actor, panelId: number): void {
  if (!canReport(deps, actor, panelId)) throw new ForbiddenError();
}

export async function findBodyOrRefuse(db: Db, slug: string): Promise<PolicingBody> {
  const body = (await listPolicingBodies(db)).find((each) => each.slug === slug);
  if (!body) throw new NotFoundError('There is no such policing body');
  return body;
}

/** A proposed appointment with its hearing's date and its recorded vote. */
export interface AppointmentRecord extends AppointmentRow {
  /** The London date of the hearing, when one is recorded. */
  heardOn: IsoDate | null;
  votes: Awaited<ReturnType<typeof listVotes>>;
}

export async function findAppointmentOrRefuse(db: Db, target: AppointmentTarget): Promise<AppointmentRecord> {
  const body = await findBodyOrRefuse(db, target.body);
  const row = await findAppointment(db, body.id, target.id);
  if (!row) throw new NotFoundError('There is no such proposed appointment');
  const heardOn = row.meetingStartsAt ? londonDateOf(row.meetingStartsAt) : null;
  return { ...row, heardOn, votes: await listVotes(db, row.id) };
}
