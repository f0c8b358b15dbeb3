import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { ConflictError, ValidationError } from '../../../kernel/errors.ts';
import { type BodyFeature, bodyHas } from '../bodies.ts';
import { changeMeetingStatus } from '../minutes/minutes.steps.ts';
import { deadlineFor, questionWindow } from '../questions/questions.window.ts';
import {
  type BodyRef,
  type RecordsLoadMode,
  recordsAccess,
  requireMeeting,
  type ScrutinyDeps,
} from '../scrutiny.context.ts';
import {
  findMeetingByStart,
  findPreviousMeeting,
  findQuestionRules,
  insertAgendaItem,
  insertMeeting,
  listAgendaItems,
  listMeetings,
  listMembersByBody,
  type MeetingRow,
  type QuestionRulesRow,
  updateMeeting,
} from '../scrutiny.queries.ts';
import type { AgendaItemForm, MeetingEditForm, MeetingForm } from '../scrutiny.schemas.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { isAgendaDraft, isMeetingChangeable } from './agenda.ts';
import type { PanelFile } from './panel.file-schema.ts';
import { importPanelFile } from './panel.import.ts';

/** What the meetings' functions are given: the domain's deps and its access rules, made once. */
export interface MeetingsContext extends ScrutinyDeps {
  access: ReturnType<typeof recordsAccess>;
}

/** Every meeting, newest first, with its question deadline and whether the actor runs it. */
async function listMeetingsForReader(context: MeetingsContext, actor: Actor) {
  const { db, access } = context;
  const meetings = await listMeetings(db);
  const rulesByBody = new Map<number, QuestionRulesRow | undefined>();
  for (const meeting of meetings)
    if (!rulesByBody.has(meeting.bodyId))
      rulesByBody.set(meeting.bodyId, await findQuestionRules(db, meeting.bodyId));
  const now = context.now();
  return meetings.map((meeting) => {
    const deadline = deadlineFor(meeting, rulesByBody.get(meeting.bodyId));
    return {
      meeting,
      deadline,
      window: questionWindow(meeting, deadline, now),
      canManage: access.canManage(actor, meeting.bodyId),
    };
  });
}

/** A meeting's page: its agenda (a draft only for those who may read it), members and question deadline. */
async function readMeeting(context: MeetingsContext, actor: Actor, id: number) {
  const { db, access } = context;
  const meeting = await requireMeeting(db, id);
  const agendaDraft = isAgendaDraft(meeting);
  const canManage = access.canManage(actor, meeting.bodyId);
  // Whoever runs the meeting reads the agenda they are building, even where they are not a member.
  const readsDraft = canManage || access.canReadDrafts(actor, meeting.bodyId);
  const [items, rules, members, previous] = await Promise.all([
    agendaDraft && !readsDraft ? [] : listAgendaItems(db, id),
    findQuestionRules(db, meeting.bodyId),
    listMembersByBody(db, meeting.bodyId),
    findPreviousMeeting(db, meeting),
  ]);
  const deadline = deadlineFor(meeting, rules);
  return {
    meeting,
    previous: previous ?? null,
    items,
    agendaDraft,
    rules: rules ?? null,
    members,
    deadline,
    window: questionWindow(meeting, deadline, context.now()),
    canManage,
  };
}

/** The bodies of a kind that does this (e.g. holds meetings) whose records the actor runs, for forms. */
async function managedBodies(context: MeetingsContext, actor: Actor, feature: BodyFeature) {
  const bodies = await context.listBodies();
  return bodies.filter((body) => bodyHas(body, feature) && context.access.canManage(actor, body.id));
}

/** The body a new meeting is for, chosen on the form: one that holds meetings, and that the actor runs. */
async function requireMeetingBody(context: MeetingsContext, actor: Actor, slug: string): Promise<BodyRef> {
  const body = await context.findBody(slug);
  if (!bodyHas(body, 'meetings'))
    throw new ValidationError([{ field: 'panel', message: 'Select who holds the meeting' }]);
  context.access.requireManage(actor, body.id);
  return body;
}

/** Refuses a start in the past, and one at the same time as another meeting of the body. */
async function refuseBadStart(
  context: MeetingsContext,
  trx: Db,
  meeting: { bodyId: number; id?: number },
  startsAt: Date,
) {
  if (startsAt.getTime() <= context.now().getTime())
    throw new ValidationError([{ field: 'date', message: 'The date of the meeting must be in the future' }]);
  const clash = await findMeetingByStart(trx, meeting.bodyId, startsAt);
  if (clash && clash.id !== meeting.id)
    throw new ValidationError([
      { field: 'time', message: `${clash.bodyName} already has a meeting at that date and time` },
    ]);
}

/**
 * The meeting's start and, if the form gives one, its end: a time on the same day, after the start (a meeting
 * does not run past midnight; one that did would be recorded as two sittings).
 */
function timesOf(form: Pick<MeetingForm, 'date' | 'time' | 'endTime'>) {
  const startsAt = londonDateTimeToInstant(form.date, form.time);
  const endsAt = form.endTime ? londonDateTimeToInstant(form.date, form.endTime) : null;
  if (endsAt && endsAt.getTime() <= startsAt.getTime())
    throw new ValidationError([{ field: 'endTime', message: 'The end time must be after the start time' }]);
  return { startsAt, endsAt };
}

/** A new meeting, from its officer: never in the past, never two at the same time for a body. */
async function createMeeting(context: MeetingsContext, actor: Actor, form: MeetingForm, requestId?: string) {
  const body = await requireMeetingBody(context, actor, form.panel);
  const { startsAt, endsAt } = timesOf(form);
  return context.db.transaction().execute(async (trx) => {
    await refuseBadStart(context, trx, { bodyId: body.id }, startsAt);
    const values = {
      bodyId: body.id,
      title: form.title,
      startsAt,
      endsAt,
      venue: form.venue,
      status: 'scheduled' as const,
    };
    const id = await insertMeeting(trx, values);
    await recordChange(trx, actor, { type: 'meeting', id }, undefined, values, requestId);
    return { id };
  });
}

/** The meeting as its officer may change it: not once it is cancelled or has been held. */
async function requireChangeableMeeting(
  context: MeetingsContext,
  trx: Db,
  actor: Actor,
  meetingId: number,
): Promise<MeetingRow> {
  const meeting = await requireMeeting(trx, meetingId);
  context.access.requireManage(actor, meeting.bodyId);
  if (!isMeetingChangeable(meeting))
    throw new ConflictError(
      meeting.status === 'cancelled'
        ? 'This meeting is cancelled and can no longer be changed'
        : 'This meeting has been held: its record is kept as it was',
    );
  return meeting;
}

/**
 * Corrects a coming meeting's title, venue or times (rescheduling it; an empty end time forgets the end): never into the past, never onto
 * another meeting of the body at the same time.
 */
async function updateMeetingDetails(
  context: MeetingsContext,
  actor: Actor,
  meetingId: number,
  form: MeetingEditForm,
  requestId?: string,
) {
  const { startsAt, endsAt } = timesOf(form);
  return context.db.transaction().execute(async (trx) => {
    const meeting = await requireChangeableMeeting(context, trx, actor, meetingId);
    await refuseBadStart(context, trx, meeting, startsAt);
    const before = {
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      venue: meeting.venue,
    };
    const after = { title: form.title, startsAt, endsAt, venue: form.venue };
    await updateMeeting(trx, meetingId, { bodyId: meeting.bodyId, status: meeting.status, ...after });
    await recordChange(trx, actor, { type: 'meeting', id: meetingId }, before, after, requestId);
  });
}

/** Cancels a meeting that has not been held; it stays listed, marked cancelled, so feeds can remove it. */
async function cancelMeeting(context: MeetingsContext, actor: Actor, meetingId: number, requestId?: string) {
  return context.db.transaction().execute(async (trx) => {
    const meeting = await requireChangeableMeeting(context, trx, actor, meetingId);
    await changeMeetingStatus(trx, actor, meeting, 'cancelled', requestId);
  });
}

/** Adds an item to a meeting's agenda; each item's number is used once per meeting. */
async function addAgendaItem(
  context: MeetingsContext,
  actor: Actor,
  meetingId: number,
  form: AgendaItemForm,
  requestId?: string,
) {
  const { db, access } = context;
  const meeting = await requireMeeting(db, meetingId);
  access.requireManage(actor, meeting.bodyId);
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

/**
 * Publishes a meeting's agenda: until then its items (and their papers) are a draft that only the body's
 * members and officer see, so the officer can build and correct it before the public is told.
 */
async function publishAgenda(context: MeetingsContext, actor: Actor, meetingId: number, requestId?: string) {
  const { db, access } = context;
  const meeting = await requireMeeting(db, meetingId);
  access.requireManage(actor, meeting.bodyId);
  return db.transaction().execute(async (trx) => {
    const current = await requireMeeting(trx, meetingId);
    if (!isAgendaDraft(current))
      throw new ConflictError(
        current.status === 'cancelled'
          ? 'This meeting is cancelled, so its agenda cannot be published'
          : 'The agenda of this meeting is already published',
      );
    await changeMeetingStatus(trx, actor, current, 'agenda-published', requestId);
  });
}

/** Meetings of any body that holds them: their list and page, the officer's changes, and the body file. */
export function createMeetingsService(deps: ScrutinyDeps) {
  const context: MeetingsContext = { ...deps, access: recordsAccess(deps.policy) };
  return {
    listMeetings: (actor: Actor) => listMeetingsForReader(context, actor),
    readMeeting: (actor: Actor, id: number) => readMeeting(context, actor, id),
    managedBodies: (actor: Actor, feature: BodyFeature) => managedBodies(context, actor, feature),
    /** The panels whose groups and work programme the actor runs. */
    managedPanels: (actor: Actor) => managedBodies(context, actor, 'committees'),
    createMeeting: (actor: Actor, form: MeetingForm, requestId?: string) =>
      createMeeting(context, actor, form, requestId),
    addAgendaItem: (actor: Actor, meetingId: number, form: AgendaItemForm, requestId?: string) =>
      addAgendaItem(context, actor, meetingId, form, requestId),
    publishAgenda: (actor: Actor, meetingId: number, requestId?: string) =>
      publishAgenda(context, actor, meetingId, requestId),
    readMeetingForEdit: (actor: Actor, meetingId: number) =>
      requireChangeableMeeting(context, context.db, actor, meetingId),
    updateMeetingDetails: (actor: Actor, meetingId: number, form: MeetingEditForm, requestId?: string) =>
      updateMeetingDetails(context, actor, meetingId, form, requestId),
    cancelMeeting: (actor: Actor, meetingId: number, requestId?: string) =>
      cancelMeeting(context, actor, meetingId, requestId),
    importPanelFile: (actor: Actor, file: PanelFile, mode: RecordsLoadMode = 'set') =>
      importPanelFile(context, actor, file, mode),
  };
}
