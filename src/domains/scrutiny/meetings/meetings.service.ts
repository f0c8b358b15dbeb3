import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateTimeToInstant } from '../../../kernel/calendar/index.ts';
import { ConflictError, ValidationError } from '../../../kernel/errors.ts';
import { updateMeetingStatus } from '../minutes/minutes.queries.ts';
import { deadlineFor, questionWindow } from '../questions/questions.window.ts';
import {
  type RecordsLoadMode,
  recordsAccess,
  requireMeeting as requireMeetingIn,
  type ScrutinyDeps,
} from '../scrutiny.context.ts';
import {
  findMeetingByStart,
  findMember,
  findQuestionRules,
  insertAgendaItem,
  insertMeeting,
  insertMember,
  listAgendaItems,
  listMeetings,
  listMembersByBody,
  type MeetingRow,
  type QuestionRulesRow,
  updateAgendaItem,
  updateMeeting,
  updateMember,
  upsertQuestionRules,
} from '../scrutiny.queries.ts';
import type { AgendaItemForm, MeetingEditForm, MeetingForm } from '../scrutiny.schemas.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { isAgendaDraft, isMeetingChangeable } from './agenda.ts';
import type { PanelFile } from './panel.file-schema.ts';

/** Meetings: their list and page, the officer's changes to them and their agendas, and the panel file. */
export function createMeetingsService(deps: ScrutinyDeps) {
  const { db } = deps;
  const { canManage, canReadDrafts, requireManage } = recordsAccess(deps.policy);
  const requireMeeting = (id: number, trx: Db = db) => requireMeetingIn(trx, id);

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

  return {
    listMeetings: listMeetingsForReader,
    readMeeting,
    managedPanels,
    createMeeting,
    addAgendaItem,
    publishAgenda,
    readMeetingForEdit,
    updateMeetingDetails,
    cancelMeeting,
    importPanelFile,
  };
}
