import type {
  ScrutinyDb as Db,
  MeetingStatus,
  MemberRole,
  NoticeKind,
  QuestionStatus,
} from './scrutiny.tables.ts';

// Members

export interface MemberRow {
  id: number;
  bodyId: number;
  name: string;
  role: MemberRole;
  nominatingAuthority: string | null;
  termStart: string | null;
  termEnd: string | null;
}
export type MemberValues = Omit<MemberRow, 'id'>;

const MEMBER_COLUMNS = [
  'id',
  'body_id as bodyId',
  'name',
  'role',
  'nominating_authority as nominatingAuthority',
  'term_start as termStart',
  'term_end as termEnd',
] as const;

export function listMembersByBody(db: Db, bodyId: number): Promise<MemberRow[]> {
  return db
    .selectFrom('scrutiny_member')
    .select(MEMBER_COLUMNS)
    .where('body_id', '=', bodyId)
    .orderBy('name')
    .execute();
}

export function findMember(db: Db, bodyId: number, name: string, termStart: string | null) {
  let query = db
    .selectFrom('scrutiny_member')
    .select(MEMBER_COLUMNS)
    .where('body_id', '=', bodyId)
    .where('name', '=', name);
  query =
    termStart === null ? query.where('term_start', 'is', null) : query.where('term_start', '=', termStart);
  return query.executeTakeFirst();
}

function memberColumns(values: MemberValues) {
  return {
    body_id: values.bodyId,
    name: values.name,
    role: values.role,
    nominating_authority: values.nominatingAuthority,
    term_start: values.termStart,
    term_end: values.termEnd,
  };
}

export async function insertMember(db: Db, values: MemberValues): Promise<number> {
  const row = await db
    .insertInto('scrutiny_member')
    .values(memberColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMember(db: Db, id: number, values: MemberValues): Promise<void> {
  await db.updateTable('scrutiny_member').set(memberColumns(values)).where('id', '=', id).execute();
}

// Public question rules

export interface QuestionRulesRow {
  bodyId: number;
  noticeDays: number;
  noticeKind: NoticeKind;
  maxQuestionsPerPerson: number | null;
  minutesAllowed: number | null;
  maxQuestionLength: number;
}

export function findQuestionRules(db: Db, bodyId: number): Promise<QuestionRulesRow | undefined> {
  return db
    .selectFrom('public_question_rules')
    .select([
      'body_id as bodyId',
      'notice_days as noticeDays',
      'notice_kind as noticeKind',
      'max_questions_per_person as maxQuestionsPerPerson',
      'minutes_allowed as minutesAllowed',
      'max_question_length as maxQuestionLength',
    ])
    .where('body_id', '=', bodyId)
    .executeTakeFirst();
}

export async function upsertQuestionRules(db: Db, rules: QuestionRulesRow): Promise<void> {
  const values = {
    notice_days: rules.noticeDays,
    notice_kind: rules.noticeKind,
    max_questions_per_person: rules.maxQuestionsPerPerson,
    minutes_allowed: rules.minutesAllowed,
    max_question_length: rules.maxQuestionLength,
  };
  await db
    .insertInto('public_question_rules')
    .values({ body_id: rules.bodyId, ...values })
    .onConflict((oc) => oc.column('body_id').doUpdateSet(values))
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
  title: string;
  startsAt: Date;
  venue: string;
  status: MeetingStatus;
}
export type MeetingValues = Pick<MeetingRow, 'bodyId' | 'title' | 'startsAt' | 'venue' | 'status'>;

function selectMeetings(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('accounts_published_body as body', 'body.id', 'meeting.body_id')
    .select([
      'meeting.id',
      'meeting.body_id as bodyId',
      'body.name as bodyName',
      'body.slug as bodySlug',
      'body.kind as bodyKind',
      'meeting.title',
      'meeting.starts_at as startsAt',
      'meeting.venue',
      'meeting.status',
    ]);
}

export function listMeetings(db: Db): Promise<MeetingRow[]> {
  return selectMeetings(db).orderBy('meeting.starts_at', 'desc').execute();
}

export function findMeetingById(db: Db, id: number): Promise<MeetingRow | undefined> {
  return selectMeetings(db).where('meeting.id', '=', id).executeTakeFirst();
}

export function findMeetingByStart(db: Db, bodyId: number, startsAt: Date): Promise<MeetingRow | undefined> {
  return selectMeetings(db)
    .where('meeting.body_id', '=', bodyId)
    .where('meeting.starts_at', '=', startsAt)
    .executeTakeFirst();
}

export async function insertMeeting(db: Db, values: MeetingValues): Promise<number> {
  const row = await db
    .insertInto('meeting')
    .values({
      body_id: values.bodyId,
      title: values.title,
      starts_at: values.startsAt,
      venue: values.venue,
      status: values.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeeting(db: Db, id: number, values: MeetingValues): Promise<void> {
  await db
    .updateTable('meeting')
    .set({ title: values.title, starts_at: values.startsAt, venue: values.venue, status: values.status })
    .where('id', '=', id)
    .execute();
}

// Agenda items

export interface AgendaItemRow {
  id: number;
  meetingId: number;
  position: number;
  slotTime: string | null;
  title: string;
  purpose: string | null;
  lead: string | null;
  exemptParagraph: number | null;
}
export type AgendaItemValues = Omit<AgendaItemRow, 'id'>;

export function listAgendaItems(db: Db, meetingId: number): Promise<AgendaItemRow[]> {
  return db
    .selectFrom('agenda_item')
    .select([
      'id',
      'meeting_id as meetingId',
      'position',
      'slot_time as slotTime',
      'title',
      'purpose',
      'lead',
      'exempt_paragraph as exemptParagraph',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

function agendaColumns(values: AgendaItemValues) {
  return {
    meeting_id: values.meetingId,
    position: values.position,
    slot_time: values.slotTime,
    title: values.title,
    purpose: values.purpose,
    lead: values.lead,
    exempt_paragraph: values.exemptParagraph,
  };
}

export async function insertAgendaItem(db: Db, values: AgendaItemValues): Promise<number> {
  const row = await db
    .insertInto('agenda_item')
    .values(agendaColumns(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAgendaItem(db: Db, id: number, values: AgendaItemValues): Promise<void> {
  await db.updateTable('agenda_item').set(agendaColumns(values)).where('id', '=', id).execute();
}

export async function updateAgendaItemPosition(db: Db, id: number, position: number): Promise<void> {
  await db.updateTable('agenda_item').set({ position }).where('id', '=', id).execute();
}

export async function deleteAgendaItem(db: Db, id: number): Promise<void> {
  await db.deleteFrom('agenda_item').where('id', '=', id).execute();
}

/** What else records an agenda item: papers, declarations of interest and minutes that name it. */
export async function countAgendaItemRecords(db: Db, id: number) {
  const count = (table: 'meeting_paper' | 'interest_declaration' | 'minute_item') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('agenda_item_id', '=', id)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const [papers, declarations, minutes] = await Promise.all([
    count('meeting_paper'),
    count('interest_declaration'),
    count('minute_item'),
  ]);
  return { papers, declarations, minutes };
}

// Public questions

export interface QuestionRow {
  id: number;
  meetingId: number;
  askerName: string;
  askerEmail: string;
  text: string;
  submittedAt: Date;
  status: QuestionStatus;
  reason: string | null;
  answer: string | null;
  decidedAt: Date | null;
}

const QUESTION_COLUMNS = [
  'id',
  'meeting_id as meetingId',
  'asker_name as askerName',
  'asker_email as askerEmail',
  'text',
  'submitted_at as submittedAt',
  'status',
  'reason',
  'answer',
  'decided_at as decidedAt',
] as const;

export function listQuestionsByMeeting(db: Db, meetingId: number): Promise<QuestionRow[]> {
  return db
    .selectFrom('public_question')
    .select(QUESTION_COLUMNS)
    .where('meeting_id', '=', meetingId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export function findQuestionById(db: Db, id: number): Promise<QuestionRow | undefined> {
  return db.selectFrom('public_question').select(QUESTION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function countQuestionsByAsker(db: Db, meetingId: number, email: string): Promise<number> {
  const row = await db
    .selectFrom('public_question')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('asker_email', '=', email)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertQuestion(
  db: Db,
  values: { meetingId: number; askerName: string; askerEmail: string; text: string; submittedAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('public_question')
    .values({
      meeting_id: values.meetingId,
      asker_name: values.askerName,
      asker_email: values.askerEmail,
      text: values.text,
      submitted_at: values.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateQuestionDecision(
  db: Db,
  id: number,
  decision: { status: Exclude<QuestionStatus, 'received'>; reason: string | null; decidedAt: Date },
): Promise<void> {
  await db
    .updateTable('public_question')
    .set({ status: decision.status, reason: decision.reason, decided_at: decision.decidedAt })
    .where('id', '=', id)
    .execute();
}
