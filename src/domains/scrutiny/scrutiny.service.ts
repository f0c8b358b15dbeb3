import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, systemActor } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { londonDateOf, londonDateTimeToInstant } from '../../kernel/calendar/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { queueMessage } from '../accounts/index.ts';
import { createScrutinyAttendanceService } from './attendance/attendance.service.ts';
import { createScrutinyInterestsService } from './interests/interests.service.ts';
import { createAgendaService } from './meetings/agenda.service.ts';
import { isAgendaDraft, isMeetingChangeable } from './meetings/agenda.ts';
import type { PanelFile } from './meetings/panel.file-schema.ts';
import { updateMeetingStatus } from './minutes/minutes.queries.ts';
import { createScrutinyPapersService } from './papers/papers.service.ts';
import {
  deadlineInWords,
  describeNoticeRule,
  isInTime,
  type QuestionDeadline,
  questionDeadline,
} from './questions/questions.deadline.ts';
import { questionDecidedMessage, questionReceivedMessage } from './questions/questions.messages.ts';
import { createScrutinyRecordsService } from './records/records.service.ts';
import {
  countQuestionsByAsker,
  findMeetingById,
  findMeetingByStart,
  findMember,
  findQuestionById,
  findQuestionRules,
  insertAgendaItem,
  insertMeeting,
  insertMember,
  insertQuestion,
  listAgendaItems,
  listMeetings,
  listMembersByBody,
  listQuestionsByMeeting,
  type MeetingRow,
  type QuestionRulesRow,
  updateAgendaItem,
  updateMeeting,
  updateMember,
  updateQuestionDecision,
  upsertQuestionRules,
} from './scrutiny.queries.ts';
import type {
  AgendaItemForm,
  DecisionForm,
  MeetingEditForm,
  MeetingForm,
  QuestionForm,
} from './scrutiny.schemas.ts';
import type { ScrutinyDb as Db } from './scrutiny.tables.ts';
import type { RecordsLoadMode } from './scrutiny-records.context.ts';

interface BodyRef {
  id: number;
  slug: string;
  name: string;
  kind: string;
}

export interface ScrutinyDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  /** Bodies are the accounts domain's; scrutiny reaches them through its service. */
  findBody(slug: string): Promise<BodyRef | undefined>;
  listBodies(): Promise<BodyRef[]>;
  /** The site's public address, for the links in emails to questioners. */
  baseUrl: string;
}

/** Who submissions from the public form are recorded as in the audit trail (no account is needed). */
const PUBLIC_FORM = systemActor('public question form');
/** Meetings past these statuses take no more questions. */
const CLOSED_STATUSES = new Set(['held', 'minutes-approved', 'cancelled']);

export type ScrutinyService = ReturnType<typeof createScrutinyService>;

export function createScrutinyService(deps: ScrutinyDeps) {
  const { db, policy } = deps;
  const records = createScrutinyRecordsService(deps);

  function canManage(actor: Actor, bodyId: number) {
    return policy.can(actor, 'scrutiny:manage', { bodyId });
  }

  function canReadDrafts(actor: Actor, bodyId: number) {
    return policy.can(actor, 'scrutiny:read-drafts', { bodyId });
  }

  function requireManage(actor: Actor, bodyId: number) {
    if (!canManage(actor, bodyId)) throw new ForbiddenError();
  }

  async function requireMeeting(id: number, trx: Db = db): Promise<MeetingRow> {
    const meeting = await findMeetingById(trx, id);
    if (!meeting) throw new NotFoundError('There is no such meeting');
    return meeting;
  }

  function deadlineFor(meeting: MeetingRow, rules: QuestionRulesRow | undefined) {
    return rules ? questionDeadline(meeting.startsAt, rules) : null;
  }

  /** Whether the public may still send questions, and if not, why not. */
  function questionWindow(meeting: MeetingRow, deadline: QuestionDeadline | null, now: Date) {
    if (!deadline) return { open: false, reason: 'This panel takes no public questions through Peelian.' };
    if (CLOSED_STATUSES.has(meeting.status))
      return {
        open: false,
        reason: `This meeting is ${meeting.status === 'cancelled' ? 'cancelled' : 'over'}.`,
      };
    if (!isInTime(now, deadline))
      return { open: false, reason: `Questions closed at ${deadlineInWords(deadline)}.` };
    return { open: true, reason: null };
  }

  async function listMeetingsForReader(actor: Actor) {
    const meetings = await listMeetings(db);
    const rulesByBody = new Map<number, QuestionRulesRow | undefined>();
    for (const meeting of meetings)
      if (!rulesByBody.has(meeting.bodyId))
        rulesByBody.set(meeting.bodyId, await findQuestionRules(db, meeting.bodyId));
    const now = deps.now();
    return meetings.map((meeting) => {
      const deadline = deadlineFor(meeting, rulesByBody.get(meeting.bodyId));
      return {
        meeting,
        deadline,
        window: questionWindow(meeting, deadline, now),
        canManage: canManage(actor, meeting.bodyId),
      };
    });
  }

  async function readMeeting(actor: Actor, id: number) {
    const meeting = await requireMeeting(id);
    const agendaDraft = isAgendaDraft(meeting);
    const [items, rules, members] = await Promise.all([
      agendaDraft && !canReadDrafts(actor, meeting.bodyId) ? [] : listAgendaItems(db, id),
      findQuestionRules(db, meeting.bodyId),
      listMembersByBody(db, meeting.bodyId),
    ]);
    const deadline = deadlineFor(meeting, rules);
    return {
      meeting,
      items,
      agendaDraft,
      rules: rules ?? null,
      members,
      deadline,
      window: questionWindow(meeting, deadline, deps.now()),
      canManage: canManage(actor, meeting.bodyId),
    };
  }

  /**
   * A question from the public. Refused, with nothing saved, when the meeting no longer takes questions,
   * when it is late by the panel's notice rule, too long by the panel's limit, or one more than the panel
   * lets one person ask at a meeting.
   */
  async function submitQuestion(meetingId: number, form: Omit<QuestionForm, 'website'>, requestId?: string) {
    const submittedAt = deps.now();
    return db.transaction().execute(async (trx) => {
      const meeting = await requireMeeting(meetingId, trx);
      const rules = await findQuestionRules(trx, meeting.bodyId);
      const deadline = deadlineFor(meeting, rules);
      const window = questionWindow(meeting, deadline, submittedAt);
      if (!rules || !deadline || !window.open) {
        const message =
          deadline && !CLOSED_STATUSES.has(meeting.status)
            ? `Questions for this meeting had to be sent by ${deadlineInWords(deadline)} (${describeNoticeRule(rules as QuestionRulesRow)}). This question is late.`
            : (window.reason ?? 'This meeting takes no questions.');
        throw new ValidationError([{ field: 'text', message }]);
      }
      if (form.text.length > rules.maxQuestionLength)
        throw new ValidationError([
          { field: 'text', message: `Question must be ${rules.maxQuestionLength} characters or fewer` },
        ]);
      if (rules.maxQuestionsPerPerson !== null) {
        const asked = await countQuestionsByAsker(trx, meetingId, form.email);
        if (asked >= rules.maxQuestionsPerPerson)
          throw new ValidationError([
            {
              field: 'email',
              message: `The panel allows ${rules.maxQuestionsPerPerson} question${rules.maxQuestionsPerPerson === 1 ? '' : 's'} per person at each meeting, and this email address has already sent ${asked}`,
            },
          ]);
      }
      const id = await insertQuestion(trx, {
        meetingId,
        askerName: form.name,
        askerEmail: form.email,
        text: form.text,
        submittedAt,
      });
      // The audit trail records that a question arrived, not who sent it: the email stays in one place.
      await recordChange(
        trx,
        PUBLIC_FORM,
        { type: 'public_question', id },
        undefined,
        { meetingId, status: 'received' },
        requestId,
      );
      await queueMessage(
        trx,
        questionReceivedMessage(
          { askerName: form.name, askerEmail: form.email, text: form.text },
          meeting,
          deadline,
          deps.baseUrl,
        ),
      );
      return { id, deadline };
    });
  }

  /** The scrutiny panels the actor may create meetings for. */
  async function managedPanels(actor: Actor) {
    const bodies = await deps.listBodies();
    return bodies.filter((body) => body.kind === 'scrutiny-panel' && canManage(actor, body.id));
  }

  async function requirePanel(actor: Actor, slug: string) {
    const body = await deps.findBody(slug);
    if (body?.kind !== 'scrutiny-panel')
      throw new ValidationError([{ field: 'panel', message: 'Select the panel' }]);
    requireManage(actor, body.id);
    return body;
  }

  /** A new meeting, from the scrutiny officer: never in the past, never two at the same time for a panel. */
  async function createMeeting(actor: Actor, form: MeetingForm, requestId?: string) {
    const body = await requirePanel(actor, form.panel);
    const startsAt = londonDateTimeToInstant(form.date, form.time);
    if (startsAt.getTime() <= deps.now().getTime())
      throw new ValidationError([
        { field: 'date', message: 'The date of the meeting must be in the future' },
      ]);
    return db.transaction().execute(async (trx) => {
      if (await findMeetingByStart(trx, body.id, startsAt))
        throw new ValidationError([
          { field: 'time', message: 'The panel already has a meeting at that date and time' },
        ]);
      const values = {
        bodyId: body.id,
        title: form.title,
        startsAt,
        venue: form.venue,
        status: 'scheduled' as const,
      };
      const id = await insertMeeting(trx, values);
      await recordChange(trx, actor, { type: 'meeting', id }, undefined, values, requestId);
      return { id };
    });
  }

  /** The meeting as its officer may change it: not once it is cancelled or has been held. */
  async function requireChangeableMeeting(trx: Db, actor: Actor, meetingId: number): Promise<MeetingRow> {
    const meeting = await requireMeeting(meetingId, trx);
    requireManage(actor, meeting.bodyId);
    if (!isMeetingChangeable(meeting))
      throw new ConflictError(
        meeting.status === 'cancelled'
          ? 'This meeting is cancelled and can no longer be changed'
          : 'This meeting has been held: its record is kept as it was',
      );
    return meeting;
  }

  /** The meeting's details for its edit form. */
  async function readMeetingForEdit(actor: Actor, meetingId: number) {
    return requireChangeableMeeting(db, actor, meetingId);
  }

  /**
   * Corrects a coming meeting's title, venue or time (rescheduling it): never into the past, never onto
   * another meeting of the panel at the same time.
   */
  async function updateMeetingDetails(
    actor: Actor,
    meetingId: number,
    form: MeetingEditForm,
    requestId?: string,
  ) {
    const startsAt = londonDateTimeToInstant(form.date, form.time);
    return db.transaction().execute(async (trx) => {
      const meeting = await requireChangeableMeeting(trx, actor, meetingId);
      if (startsAt.getTime() <= deps.now().getTime())
        throw new ValidationError([
          { field: 'date', message: 'The date of the meeting must be in the future' },
        ]);
      const clash = await findMeetingByStart(trx, meeting.bodyId, startsAt);
      if (clash && clash.id !== meetingId)
        throw new ValidationError([
          { field: 'time', message: 'The panel already has a meeting at that date and time' },
        ]);
      const before = { title: meeting.title, startsAt: meeting.startsAt, venue: meeting.venue };
      const after = { title: form.title, startsAt, venue: form.venue };
      await updateMeeting(trx, meetingId, { bodyId: meeting.bodyId, status: meeting.status, ...after });
      await recordChange(trx, actor, { type: 'meeting', id: meetingId }, before, after, requestId);
    });
  }

  /** Cancels a meeting that has not been held; it stays listed, marked cancelled, so feeds can remove it. */
  async function cancelMeeting(actor: Actor, meetingId: number, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const meeting = await requireChangeableMeeting(trx, actor, meetingId);
      await updateMeetingStatus(trx, meetingId, 'cancelled');
      await recordChange(
        trx,
        actor,
        { type: 'meeting', id: meetingId },
        { status: meeting.status },
        { status: 'cancelled' },
        requestId,
      );
    });
  }

  /** Adds an item to a meeting's agenda; each item's number is used once per meeting. */
  async function addAgendaItem(actor: Actor, meetingId: number, form: AgendaItemForm, requestId?: string) {
    const meeting = await requireMeeting(meetingId);
    requireManage(actor, meeting.bodyId);
    return db.transaction().execute(async (trx) => {
      const items = await listAgendaItems(trx, meetingId);
      if (items.some((item) => item.position === form.position))
        throw new ValidationError([
          {
            field: 'position',
            message: `Item ${form.position} is already on this agenda: choose another number`,
          },
        ]);
      const values = { meetingId, ...form };
      const id = await insertAgendaItem(trx, values);
      await recordChange(trx, actor, { type: 'agenda_item', id }, undefined, values, requestId);
      return { id };
    });
  }

  /** The questions sent for a meeting, with the askers' contact details: for the scrutiny officer only. */
  async function listQuestions(actor: Actor, meetingId: number) {
    const meeting = await requireMeeting(meetingId);
    requireManage(actor, meeting.bodyId);
    return { meeting, questions: await listQuestionsByMeeting(db, meetingId) };
  }

  /**
   * Publishes a meeting's agenda: until then its items (and their papers) are a draft that only the panel's
   * members and officer see, so the officer can build and correct it before the public is told.
   */
  async function publishAgenda(actor: Actor, meetingId: number, requestId?: string) {
    const meeting = await requireMeeting(meetingId);
    requireManage(actor, meeting.bodyId);
    return db.transaction().execute(async (trx) => {
      const current = await requireMeeting(meetingId, trx);
      if (!isAgendaDraft(current))
        throw new ConflictError(
          current.status === 'cancelled'
            ? 'This meeting is cancelled, so its agenda cannot be published'
            : 'The agenda of this meeting is already published',
        );
      await updateMeetingStatus(trx, meetingId, 'agenda-published');
      await recordChange(
        trx,
        actor,
        { type: 'meeting', id: meetingId },
        { status: current.status },
        { status: 'agenda-published' },
        requestId,
      );
    });
  }

  /** Accepts a question, rejects it (a reason is required), or refers it to the force as operational. */
  async function decideQuestion(
    actor: Actor,
    meetingId: number,
    questionId: number,
    decision: DecisionForm,
    requestId?: string,
  ) {
    const meeting = await requireMeeting(meetingId);
    requireManage(actor, meeting.bodyId);
    if (decision.status === 'rejected' && !decision.reason)
      throw new ValidationError([
        { field: 'reason', message: 'Enter the reason for rejecting the question' },
      ]);
    return db.transaction().execute(async (trx) => {
      const question = await findQuestionById(trx, questionId);
      if (!question || question.meetingId !== meetingId) throw new NotFoundError('There is no such question');
      const decidedAt = deps.now();
      await updateQuestionDecision(trx, questionId, { ...decision, decidedAt });
      await recordChange(
        trx,
        actor,
        { type: 'public_question', id: questionId },
        { status: question.status, reason: question.reason },
        { status: decision.status, reason: decision.reason },
        requestId,
      );
      await queueMessage(trx, questionDecidedMessage(question, meeting, decision, deps.baseUrl));
    });
  }

  /**
   * Loads a panel file (members, question rules, meetings and agendas) as one transaction. Records are
   * matched by their natural keys (a member by name and term start, a meeting by its start, an agenda item by
   * its number), so loading the same file again changes and audits nothing. Past meetings are allowed here:
   * the file is a record of what happened. In "add-missing" mode (the demo) only what does not exist yet is
   * added: rules, members and meetings already there stay as users left them.
   */
  async function importPanelFile(actor: Actor, file: PanelFile, mode: RecordsLoadMode = 'set') {
    const body = await deps.findBody(file.body);
    if (body?.kind !== 'scrutiny-panel')
      throw new ValidationError([
        { field: 'body', message: `names ${file.body}, which is not a scrutiny panel` },
      ]);
    requireManage(actor, body.id);
    return db.transaction().execute(async (trx) => {
      let changes = 0;
      const rules = { bodyId: body.id, ...file.questionRules };
      const oldRules = await findQuestionRules(trx, body.id);
      if (!(oldRules && mode === 'add-missing')) {
        await upsertQuestionRules(trx, rules);
        if (await recordChange(trx, actor, { type: 'public_question_rules', id: body.id }, oldRules, rules))
          changes += 1;
      }

      for (const entry of file.members) {
        const values = { bodyId: body.id, ...entry };
        const existing = await findMember(trx, body.id, entry.name, entry.termStart);
        if (existing && mode === 'add-missing') continue;
        const id = existing ? existing.id : await insertMember(trx, values);
        const { id: _id, ...before } = existing ?? { id: 0 };
        if (existing) await updateMember(trx, id, values);
        if (
          await recordChange(
            trx,
            actor,
            { type: 'scrutiny_member', id },
            existing ? before : undefined,
            values,
          )
        )
          changes += 1;
      }

      for (const entry of file.meetings) {
        const startsAt = londonDateTimeToInstant(entry.date, entry.time);
        const values = {
          bodyId: body.id,
          title: entry.title,
          startsAt,
          venue: entry.venue,
          status: entry.status,
        };
        const existing = await findMeetingByStart(trx, body.id, startsAt);
        if (existing && mode === 'add-missing') continue;
        const meetingId = existing ? existing.id : await insertMeeting(trx, values);
        if (existing) await updateMeeting(trx, meetingId, values);
        const before = existing
          ? {
              bodyId: existing.bodyId,
              title: existing.title,
              startsAt: existing.startsAt,
              venue: existing.venue,
              status: existing.status,
            }
          : undefined;
        if (await recordChange(trx, actor, { type: 'meeting', id: meetingId }, before, values)) changes += 1;

        const items = await listAgendaItems(trx, meetingId);
        for (const item of entry.agenda) {
          const itemValues = { meetingId, ...item };
          const current = items.find((candidate) => candidate.position === item.position);
          const id = current ? current.id : await insertAgendaItem(trx, itemValues);
          if (current) await updateAgendaItem(trx, id, itemValues);
          const { id: _itemId, ...itemBefore } = current ?? { id: 0 };
          if (
            await recordChange(
              trx,
              actor,
              { type: 'agenda_item', id },
              current ? itemBefore : undefined,
              itemValues,
            )
          )
            changes += 1;
        }
      }
      return { members: file.members.length, meetings: file.meetings.length, changes };
    });
  }

  /**
   * For the statutory calendar: public question deadlines still to come, and the responses the panels have
   * asked for by a date still to come.
   */
  async function upcomingDeadlines(actor: Actor) {
    const today = londonDateOf(deps.now());
    const [entries, responses] = await Promise.all([
      listMeetingsForReader(actor),
      records.recommendations.upcomingDeadlines(actor),
    ]);
    const questions = entries
      .filter(
        ({ meeting, deadline }) => deadline && deadline.lastDay >= today && meeting.status !== 'cancelled',
      )
      .map(({ meeting, deadline }) => ({
        uid: `meeting-${meeting.id}-questions`,
        date: (deadline as QuestionDeadline).lastDay,
        title: `Public questions close: ${meeting.title}`,
        basis: `${meeting.bodyName}: questions ${(deadline as QuestionDeadline).basis}`,
        url: `/meetings/${meeting.id}`,
        status: null,
      }));
    return [...questions, ...responses];
  }

  return {
    listMeetings: listMeetingsForReader,
    readMeeting,
    submitQuestion,
    managedPanels,
    createMeeting,
    addAgendaItem,
    publishAgenda,
    readMeetingForEdit,
    updateMeetingDetails,
    cancelMeeting,
    listQuestions,
    decideQuestion,
    importPanelFile,
    upcomingDeadlines,
    agenda: createAgendaService(deps),
    papers: createScrutinyPapersService(deps),
    attendance: createScrutinyAttendanceService(deps),
    interests: createScrutinyInterestsService(deps),
    records,
  };
}
