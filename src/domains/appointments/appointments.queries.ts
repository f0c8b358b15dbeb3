import type { Insertable, Updateable } from 'kysely';
import { londonDateOf } from '../../kernel/calendar/index.ts';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { Vote } from '../precept/index.ts';
import type { AppointmentsTables, AppointmentsDb as Db } from './appointments.tables.ts';

export type AppointmentInsert = Insertable<AppointmentsTables['appointment']>;
export type AppointmentUpdate = Updateable<AppointmentsTables['appointment']>;

/** The policing bodies, each with the Panel of its force area (null when it has none): the first, should there be two. */
export async function listPolicingBodies(db: Db) {
  const rows = await db
    .selectFrom('accountsPublishedBody as office')
    .leftJoin('accountsPublishedBody as panel', (join) =>
      join.onRef('panel.forceAreaId', '=', 'office.forceAreaId').on('panel.kind', '=', 'scrutiny-panel'),
    )
    .select(['office.id', 'office.slug', 'office.name', 'panel.id as panelId', 'panel.name as panelName'])
    .where('office.kind', '=', 'policing-body')
    .orderBy('office.name')
    .orderBy('panel.id')
    .execute();
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}
export type PolicingBody = Awaited<ReturnType<typeof listPolicingBodies>>[number];

function appointmentQuery(db: Db) {
  return db
    .selectFrom('appointment')
    .innerJoin('accountsPublishedBody as office', 'office.id', 'appointment.bodyId')
    .innerJoin('accountsPublishedBody as panel', 'panel.id', 'appointment.panelId')
    .leftJoin('scrutinyPublishedMeeting as meeting', 'meeting.id', 'appointment.meetingId')
    .selectAll('appointment')
    .select([
      'office.slug as bodySlug',
      'office.name as bodyName',
      'panel.name as panelName',
      'meeting.title as meetingTitle',
      'meeting.startsAt as meetingStartsAt',
    ]);
}

/** Appointments newest notified first, of one office or all. */
export function listAppointments(db: Db, bodyId?: number) {
  let query = appointmentQuery(db)
    .orderBy('office.name')
    .orderBy('appointment.notifiedOn', 'desc')
    .orderBy('appointment.id', 'desc');
  if (bodyId !== undefined) query = query.where('appointment.bodyId', '=', bodyId);
  return query.execute();
}
export type AppointmentRow = Awaited<ReturnType<typeof listAppointments>>[number];

export function findAppointment(db: Db, bodyId: number, id: number) {
  return appointmentQuery(db)
    .where('appointment.bodyId', '=', bodyId)
    .where('appointment.id', '=', id)
    .executeTakeFirst();
}

/** The recorded vote, member by member, by name. */
export function listVotes(db: Db, appointmentId: number) {
  return db
    .selectFrom('appointmentVote as vote')
    .innerJoin('scrutinyPublishedMember as member', 'member.id', 'vote.memberId')
    .select(['member.id as memberId', 'member.name', 'member.role', 'vote.vote'])
    .where('vote.appointmentId', '=', appointmentId)
    .orderBy('member.name')
    .execute();
}
export type VoteRow = Awaited<ReturnType<typeof listVotes>>[number];

/** The Panel's meetings that were not cancelled, newest first, each with its London date. */
export async function listPanelMeetings(db: Db, panelId: number) {
  const rows = await db
    .selectFrom('scrutinyPublishedMeeting')
    .select(['id', 'title', 'startsAt'])
    .where('bodyId', '=', panelId)
    .where('status', '<>', 'cancelled')
    .orderBy('startsAt', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, on: londonDateOf(row.startsAt) }));
}

export function insertAppointment(db: Db, values: AppointmentInsert) {
  return insertedId(db.insertInto('appointment').values(values).returning('id'));
}

export async function updateAppointment(db: Db, id: number, values: AppointmentUpdate) {
  await db.updateTable('appointment').set(values).where('id', '=', id).execute();
}

/** Sets the recorded vote afresh. */
export async function setVotes(
  db: Db,
  appointmentId: number,
  votes: readonly { memberId: number; vote: Vote }[],
) {
  await db.deleteFrom('appointmentVote').where('appointmentId', '=', appointmentId).execute();
  if (votes.length)
    await db
      .insertInto('appointmentVote')
      .values(votes.map((each) => ({ appointmentId, ...each })))
      .execute();
}
