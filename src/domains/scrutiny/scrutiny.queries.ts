import type { Selectable } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { ScrutinyDb as Db, MeetingStatus, QuestionStatus, ScrutinyTables } from './scrutiny.tables.ts';

// Members

export type MemberRow = Omit<Selectable<ScrutinyTables['scrutinyMember']>, 'createdAt' | 'localAuthorityId'>;
export type MemberValues = Omit<MemberRow, 'id'>;

const MEMBER_COLUMNS = [
  'id',
  'bodyId',
  'name',
  'role',
  'nominatingAuthority',
  'termStart',
  'termEnd',
] as const;

export function listMembersByBody(db: Db, bodyId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('scrutinyMember')
    .select(MEMBER_COLUMNS)
    .where('bodyId', '=', bodyId)
    .orderBy('name')
    .execute();
}

export function findMember(db: Db, bodyId: number, name: string, termStart: string | null) {
  let query = db
    .selectFrom('scrutinyMember')
    .select(MEMBER_COLUMNS)
    .where('bodyId', '=', bodyId)
    .where('name', '=', name);
  query =
    termStart === null ? query.where('termStart', 'is', null) : query.where('termStart', '=', termStart);
  return query.executeTakeFirst();
}

export async function insertMember(db: Db, values: MemberValues): Promise<number> {
  return insertedId(db.insertInto('scrutinyMember').values(values).returning('id'));
}

export async function updateMember(db: Db, id: number, values: MemberValues): Promise<void> {
  await db.updateTable('scrutinyMember').set(values).where('id', '=', id).execute();
}

// Public question rules

export type QuestionRulesRow = Selectable<ScrutinyTables['publicQuestionRules']>;

export function findQuestionRules(db: Db, bodyId: number): Promise<QuestionRulesRow | undefined> {
  return db
    .selectFrom('publicQuestionRules')
    .select([
      'bodyId',
      'noticeDays',
      'noticeKind',
      'maxQuestionsPerPerson',
      'minutesAllowed',
      'maxQuestionLength',
    ])
    .where('bodyId', '=', bodyId)
    .executeTakeFirst();
}

export async function upsertQuestionRules(db: Db, { bodyId, ...values }: QuestionRulesRow): Promise<void> {
  await db
    .insertInto('publicQuestionRules')
    .values({ bodyId, ...values })
    .onConflict((oc) => oc.column('bodyId').doUpdateSet(values))
    .execute();
}

// Meetings

export interface MeetingRow {
  id: number;
  bodyId: number;
  bodyName: string;
  bodySlug: string;
  /** What kind of body holds it, for what its page offers (bodies.ts). */
  bodyKind: string;
  /** The force area whose body holds it, where the body has one. */
  bodyForceAreaId: number | null;
  title: string;
  startsAt: Date;
  /** Null where nobody has said when it ends (feeds then use a default duration: api.view-models.ts). */
  endsAt: Date | null;
  venue: string;
  status: MeetingStatus;
}
/** A meeting's own columns; a file or form that says nothing of the end leaves it as it is. */
export type MeetingValues = Pick<MeetingRow, 'bodyId' | 'title' | 'startsAt' | 'venue' | 'status'> &
  Partial<Pick<MeetingRow, 'endsAt'>>;

function selectMeetings(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'meeting.bodyId')
    .select([
      'meeting.id',
      'meeting.bodyId',
      'body.name as bodyName',
      'body.slug as bodySlug',
      'body.kind as bodyKind',
      'body.forceAreaId as bodyForceAreaId',
      'meeting.title',
      'meeting.startsAt',
      'meeting.endsAt',
      'meeting.venue',
      'meeting.status',
    ]);
}

export function listMeetings(db: Db): Promise<MeetingRow[]> {
  return selectMeetings(db).orderBy('meeting.startsAt', 'desc').execute();
}

export function findMeetingById(db: Db, id: number): Promise<MeetingRow | undefined> {
  return selectMeetings(db).where('meeting.id', '=', id).executeTakeFirst();
}

/** The body's meeting before this one that was not cancelled: where "since the last meeting" starts. */
export function findPreviousMeeting(db: Db, meeting: MeetingRow): Promise<MeetingRow | undefined> {
  return selectMeetings(db)
    .where('meeting.bodyId', '=', meeting.bodyId)
    .where('meeting.startsAt', '<', meeting.startsAt)
    .where('meeting.status', '<>', 'cancelled')
    .orderBy('meeting.startsAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findMeetingByStart(db: Db, bodyId: number, startsAt: Date): Promise<MeetingRow | undefined> {
  return selectMeetings(db)
    .where('meeting.bodyId', '=', bodyId)
    .where('meeting.startsAt', '=', startsAt)
    .executeTakeFirst();
}

export async function insertMeeting(db: Db, values: MeetingValues): Promise<number> {
  return insertedId(db.insertInto('meeting').values(values).returning('id'));
}

/** Changes a meeting's own columns; the body holding it stays. */
export async function updateMeeting(
  db: Db,
  id: number,
  { bodyId: _stays, ...values }: MeetingValues,
): Promise<void> {
  await db.updateTable('meeting').set(values).where('id', '=', id).execute();
}

// Agenda items

export type AgendaItemRow = Selectable<ScrutinyTables['agendaItem']>;
export type AgendaItemValues = Omit<AgendaItemRow, 'id'>;

export function listAgendaItems(db: Db, meetingId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('agendaItem')
    .select(['id', 'meetingId', 'position', 'slotTime', 'title', 'purpose', 'lead', 'exemptParagraph'])
    .where('meetingId', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function insertAgendaItem(db: Db, values: AgendaItemValues): Promise<number> {
  return insertedId(db.insertInto('agendaItem').values(values).returning('id'));
}

export async function updateAgendaItem(db: Db, id: number, values: AgendaItemValues): Promise<void> {
  await db.updateTable('agendaItem').set(values).where('id', '=', id).execute();
}

export async function updateAgendaItemPosition(db: Db, id: number, position: number): Promise<void> {
  await db.updateTable('agendaItem').set({ position }).where('id', '=', id).execute();
}

export async function deleteAgendaItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('agendaItem').where('id', '=', id).execute();
}

/** What else records an agenda item: papers, declarations of interest and minutes that name it. */
export async function countAgendaItemRecords(db: Db, id: number) {
  const count = (table: 'meetingPaper' | 'interestDeclaration' | 'minuteItem') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('agendaItemId', '=', id)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const [papers, declarations, minutes] = await Promise.all([
    count('meetingPaper'),
    count('interestDeclaration'),
    count('minuteItem'),
  ]);
  return { papers, declarations, minutes };
}

// Public questions

export type QuestionRow = Selectable<ScrutinyTables['publicQuestion']>;

const QUESTION_COLUMNS = [
  'id',
  'meetingId',
  'askerName',
  'askerEmail',
  'text',
  'submittedAt',
  'status',
  'reason',
  'answer',
  'decidedAt',
] as const;

export function listQuestionsByMeeting(db: Db, meetingId: number): Promise<QuestionRow[]> {
  return db
    .selectFrom('publicQuestion')
    .select(QUESTION_COLUMNS)
    .where('meetingId', '=', meetingId)
    .orderBy('submittedAt')
    .orderBy('id')
    .execute();
}

export function findQuestionById(db: Db, id: number): Promise<QuestionRow | undefined> {
  return db.selectFrom('publicQuestion').select(QUESTION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function countQuestionsByAsker(db: Db, meetingId: number, email: string): Promise<number> {
  const row = await db
    .selectFrom('publicQuestion')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('meetingId', '=', meetingId)
    .where('askerEmail', '=', email)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertQuestion(
  db: Db,
  values: Pick<QuestionRow, 'meetingId' | 'askerName' | 'askerEmail' | 'text' | 'submittedAt'>,
): Promise<number> {
  return insertedId(db.insertInto('publicQuestion').values(values).returning('id'));
}

export async function updateQuestionDecision(
  db: Db,
  id: number,
  decision: { status: Exclude<QuestionStatus, 'received'>; reason: string | null; decidedAt: Date },
): Promise<void> {
  await db
    .updateTable('publicQuestion')
    .set({ status: decision.status, reason: decision.reason, decidedAt: decision.decidedAt })
    .where('id', '=', id)
    .execute();
}
