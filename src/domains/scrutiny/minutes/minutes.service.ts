import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import {
  listLedgerEntriesOfMinuteItems,
  updateRecommendationText,
} from '../recommendations/recommendations.queries.ts';
import type { MinutesFileEntry } from '../records/records.file-schema.ts';
import {
  meetingDay,
  meetingOnDate,
  type RecordsLoadMode,
  recordsAccess,
  requireMeeting,
  type ScrutinyRecordsDeps,
} from '../scrutiny.context.ts';
import { findMeetingById, listAgendaItems, type MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type {
  ActionForm,
  ActionProgressForm,
  ApprovalForm,
  MinuteDecisionForm,
  MinuteItemEditForm,
  MinuteItemForm,
} from '../scrutiny-records.schemas.ts';
import {
  deleteMinuteDecisionsAndActions,
  deleteMinuteItem,
  findMinuteItemByNumber,
  findMinutes,
  insertMinuteAction,
  insertMinuteDecision,
  insertMinuteItem,
  insertMinutes,
  listLaterMeetings,
  listMinuteActions,
  listMinuteDecisions,
  listMinuteItems,
  listMinuteNumberRanges,
  type MinuteActionRow,
  type MinuteDecisionRow,
  type MinuteItemRow,
  type MinutesRow,
  updateMeetingStatus,
  updateMinuteActionDates,
  updateMinuteDecision,
  updateMinuteItem,
  updateMinuteItemNumber,
  updateMinutesApproval,
} from './minutes.queries.ts';

/** A decision of the minutes, with the recommendations ledger entry made from it, if there is one. */
export interface MinuteDecisionWithLedger extends MinuteDecisionRow {
  ledger: { id: number; reference: string } | null;
}

export interface MinuteItemWithDetail extends Omit<MinuteItemRow, 'text'> {
  /** Null when the reader may not see an exempt item's content. */
  text: string | null;
  withheld: boolean;
  decisions: MinuteDecisionWithLedger[];
  actions: MinuteActionRow[];
}

type LedgerEntryOfMinute = Awaited<ReturnType<typeof listLedgerEntriesOfMinuteItems>>[number];

/** The ledger entry recorded from a decision, if it has one. */
export function ledgerEntryOf(
  decision: MinuteDecisionRow,
  entries: LedgerEntryOfMinute[],
): LedgerEntryOfMinute | undefined {
  return entries.find(
    (entry) => entry.minuteItemId === decision.minuteItemId && entry.decisionPosition === decision.position,
  );
}

/** Meetings still to be marked as held once their minutes are written or they approve other minutes. */
const NOT_YET_HELD = new Set(['scheduled', 'agenda-published']);

export type MinutesService = ReturnType<typeof createMinutesService>;

/**
 * Minutes: numbered items that run on from one meeting to the next, with the body's resolutions and
 * recommendations and the actions it set. A draft is read only by people holding a role on the body; once
 * a later meeting approves the minutes they are public, except items heard in private, and never change.
 */
export function createMinutesService(deps: ScrutinyRecordsDeps) {
  const { db } = deps;
  const access = recordsAccess(deps.policy);

  async function loadItems(
    trx: Db,
    meetingId: number,
    readsExempt: boolean,
  ): Promise<MinuteItemWithDetail[]> {
    const items = await listMinuteItems(trx, meetingId);
    const ids = items.map((item) => item.id);
    const [decisions, actions, ledger] = await Promise.all([
      listMinuteDecisions(trx, ids),
      listMinuteActions(trx, ids),
      listLedgerEntriesOfMinuteItems(trx, ids),
    ]);
    return items.map((item) => {
      const withheld = item.exemptParagraph !== null && !readsExempt;
      return {
        ...item,
        text: withheld ? null : item.text,
        withheld,
        decisions: withheld
          ? []
          : decisions
              .filter((decision) => decision.minuteItemId === item.id)
              .map((decision) => {
                const entry = ledgerEntryOf(decision, ledger);
                return { ...decision, ledger: entry ? { id: entry.id, reference: entry.reference } : null };
              }),
        actions: withheld ? [] : actions.filter((action) => action.minuteItemId === item.id),
      };
    });
  }

  /**
   * The number the next item of these minutes must take: one after the last item of these minutes, or of
   * the body's latest earlier minutes. Null when nothing earlier is minuted (the first minutes recorded in
   * Peelian may continue a series begun on paper).
   */
  async function nextNumber(trx: Db, meeting: MeetingRow): Promise<number | null> {
    const ranges = await listMinuteNumberRanges(trx, meeting.bodyId);
    const own = ranges.find((range) => range.meetingId === meeting.id);
    if (own) return own.last + 1;
    const earlier = ranges.filter((range) => range.startsAt.getTime() < meeting.startsAt.getTime()).at(-1);
    return earlier ? earlier.last + 1 : null;
  }

  /**
   * The body's minutes, meeting by meeting, number their items one after another, and each meeting's
   * minutes start one after the previous meeting's last. Checked inside every change, before it commits.
   */
  async function assertNumberingRunsOn(trx: Db, bodyId: number, field: string) {
    const ranges = await listMinuteNumberRanges(trx, bodyId);
    for (const [index, range] of ranges.entries()) {
      const when = meetingDay(range.startsAt);
      if (range.count !== range.last - range.first + 1)
        throw new ValidationError([
          {
            field,
            message: `The minutes of ${when} skip a number: their items must be numbered one after another, from ${range.first}`,
          },
        ]);
      const previous = ranges[index - 1];
      if (previous && range.first !== previous.last + 1)
        throw new ValidationError([
          {
            field,
            message: `The minutes of ${when} must start at ${previous.last + 1}, after the last minute (${previous.last}) of ${meetingDay(previous.startsAt)}, but start at ${range.first}`,
          },
        ]);
    }
  }

  function refuseIfApproved(minutes: MinutesRow | undefined, meeting: MeetingRow) {
    if (minutes?.approvedAtMeetingId != null)
      throw new ConflictError(
        `The minutes of ${meetingDay(meeting.startsAt)} have been approved as a correct record and can no longer be changed`,
      );
  }

  function requireMinutable(meeting: MeetingRow) {
    if (meeting.status === 'cancelled')
      throw new ConflictError('This meeting was cancelled, so it has no minutes');
    if (meeting.startsAt.getTime() > deps.now().getTime())
      throw new ConflictError('This meeting has not taken place yet, so it cannot be minuted');
  }

  async function ensureDraft(trx: Db, actor: Actor, meeting: MeetingRow, requestId?: string) {
    const minutes = await findMinutes(trx, meeting.id);
    refuseIfApproved(minutes, meeting);
    if (!minutes) {
      await insertMinutes(trx, meeting.id, meeting.bodyId);
      await recordChange(
        trx,
        actor,
        { type: 'minutes', id: meeting.id },
        undefined,
        { meetingId: meeting.id, approvedAtMeetingId: null },
        requestId,
      );
    }
  }

  /** Minutes and approvals record that a meeting took place. */
  async function markHeld(trx: Db, actor: Actor, meeting: MeetingRow, requestId?: string) {
    if (!NOT_YET_HELD.has(meeting.status)) return;
    await updateMeetingStatus(trx, meeting.id, 'held');
    await recordChange(
      trx,
      actor,
      { type: 'meeting', id: meeting.id },
      { status: meeting.status },
      { status: 'held' },
      requestId,
    );
  }

  async function agendaItemOf(trx: Db, meetingId: number, agendaItemId: number | null) {
    if (agendaItemId === null) return null;
    const agendaItem = (await listAgendaItems(trx, meetingId)).find((item) => item.id === agendaItemId);
    if (!agendaItem)
      throw new ValidationError([
        { field: 'agendaItem', message: 'Select an item from this meeting’s agenda' },
      ]);
    return agendaItem;
  }

  async function requireItemOf(trx: Db, meetingId: number, itemId: number) {
    const item = (await listMinuteItems(trx, meetingId)).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundError('There is no such minute item');
    return item;
  }

  /** The minutes of a meeting as this reader may see them, and what a scrutiny officer needs to edit them. */
  async function readMinutes(actor: Actor, meetingId: number) {
    const meeting = await requireMeeting(db, meetingId);
    const minutes = await findMinutes(db, meetingId);
    const approved = minutes?.approvedAtMeetingId != null;
    const approvedAt =
      minutes?.approvedAtMeetingId != null
        ? await findMeetingById(db, minutes.approvedAtMeetingId)
        : undefined;
    const readable = approved || access.canReadDrafts(actor, meeting.bodyId);
    const items =
      minutes && readable ? await loadItems(db, meetingId, access.canReadExempt(actor, meeting.bodyId)) : [];
    const canManage = access.canManage(actor, meeting.bodyId);
    const now = deps.now().getTime();
    return {
      meeting,
      state: !minutes ? ('none' as const) : approved ? ('approved' as const) : ('draft' as const),
      readable,
      items,
      approvedAt: approvedAt ?? null,
      canManage,
      editable: canManage && !approved && meeting.status !== 'cancelled' && meeting.startsAt.getTime() <= now,
      nextNumber: canManage ? await nextNumber(db, meeting) : null,
      agendaItems: canManage ? await listAgendaItems(db, meetingId) : [],
      approvalChoices: canManage
        ? (await listLaterMeetings(db, meeting.bodyId, meeting.startsAt)).filter(
            (later) => later.status !== 'cancelled' && later.startsAt.getTime() <= now,
          )
        : [],
    };
  }

  /** Adds an item to a meeting's draft minutes, numbered on from the minutes before it. */
  async function addItem(actor: Actor, meetingId: number, form: MinuteItemForm, requestId?: string) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    requireMinutable(meeting);
    return db.transaction().execute(async (trx) => {
      await ensureDraft(trx, actor, meeting, requestId);
      const agendaItem = await agendaItemOf(trx, meetingId, form.agendaItem);
      const taken = await findMinuteItemByNumber(trx, meeting.bodyId, form.number);
      if (taken) {
        const other = await requireMeeting(trx, taken.meetingId);
        throw new ValidationError([
          {
            field: 'number',
            message: `Minute ${form.number} is already used in the minutes of ${meetingDay(other.startsAt)}`,
          },
        ]);
      }
      const expected = await nextNumber(trx, meeting);
      if (expected !== null && form.number !== expected)
        throw new ValidationError([
          {
            field: 'number',
            message: `The next minute number is ${expected}: minute numbers run on from one item, and one meeting, to the next`,
          },
        ]);
      const values = {
        meetingId,
        number: form.number,
        agendaItemId: agendaItem?.id ?? null,
        title: form.title,
        text: form.text,
        // An item minuted from an exempt agenda item stays private unless the officer says otherwise.
        exemptParagraph: form.exemptParagraph ?? agendaItem?.exemptParagraph ?? null,
      };
      const id = await insertMinuteItem(trx, meeting.bodyId, values);
      await recordChange(trx, actor, { type: 'minute_item', id }, undefined, values, requestId);
      await assertNumberingRunsOn(trx, meeting.bodyId, 'number');
      await markHeld(trx, actor, meeting, requestId);
      return { id, number: form.number };
    });
  }

  async function addDecision(
    actor: Actor,
    meetingId: number,
    itemId: number,
    form: MinuteDecisionForm,
    requestId?: string,
  ) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return db.transaction().execute(async (trx) => {
      await requireDraftItem(trx, meeting, itemId);
      const existing = await listMinuteDecisions(trx, [itemId]);
      const values = { minuteItemId: itemId, position: existing.length + 1, ...form };
      await insertMinuteDecision(trx, values);
      await recordChange(
        trx,
        actor,
        { type: 'minute_decision', id: `${itemId}/${values.position}` },
        undefined,
        values,
        requestId,
      );
    });
  }

  async function addAction(
    actor: Actor,
    meetingId: number,
    itemId: number,
    form: ActionForm,
    requestId?: string,
  ) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return db.transaction().execute(async (trx) => {
      await requireDraftItem(trx, meeting, itemId);
      const existing = await listMinuteActions(trx, [itemId]);
      const values = { minuteItemId: itemId, position: existing.length + 1, doneOn: null, ...form };
      await insertMinuteAction(trx, values);
      await recordChange(
        trx,
        actor,
        { type: 'minute_action', id: `${itemId}/${values.position}` },
        undefined,
        values,
        requestId,
      );
    });
  }

  /** The meeting, once the actor is known to keep its body's minutes. */
  async function requireManagedMeeting(actor: Actor, meetingId: number): Promise<MeetingRow> {
    const meeting = await requireMeeting(db, meetingId);
    access.requireManage(actor, meeting.bodyId);
    return meeting;
  }

  /** A draft item of a meeting the actor keeps the minutes of, inside the change's transaction. */
  async function requireDraftItem(trx: Db, meeting: MeetingRow, itemId: number) {
    refuseIfApproved(await findMinutes(trx, meeting.id), meeting);
    return requireItemOf(trx, meeting.id, itemId);
  }

  /** A draft item with its decisions and the agenda to choose from, for the scrutiny officer's edit page. */
  async function readItemForEdit(actor: Actor, meetingId: number, itemId: number) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    await requireDraftItem(db, meeting, itemId);
    const item = (await loadItems(db, meetingId, true)).find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundError('There is no such minute item');
    return { meeting, item, agendaItems: await listAgendaItems(db, meetingId) };
  }

  /** Changes a draft item's title, wording, agenda item or privacy; its number stays. */
  async function editItem(
    actor: Actor,
    meetingId: number,
    itemId: number,
    form: MinuteItemEditForm,
    requestId?: string,
  ) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return db.transaction().execute(async (trx) => {
      const { id: _id, ...before } = await requireDraftItem(trx, meeting, itemId);
      const agendaItem = await agendaItemOf(trx, meetingId, form.agendaItem);
      const values = {
        ...before,
        agendaItemId: agendaItem?.id ?? null,
        title: form.title,
        text: form.text,
        exemptParagraph: form.exemptParagraph ?? agendaItem?.exemptParagraph ?? null,
      };
      await updateMinuteItem(trx, itemId, values);
      await recordChange(trx, actor, { type: 'minute_item', id: itemId }, before, values, requestId);
    });
  }

  /**
   * Removes a draft item with its decisions and actions; the items after it in these minutes move up one
   * number, so the series has no gap. Refused when a later meeting's minutes already carry the numbering on
   * (their first number would no longer follow), and when the ledger records a recommendation from the item.
   */
  async function deleteItem(actor: Actor, meetingId: number, itemId: number, requestId?: string) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return db.transaction().execute(async (trx) => {
      const item = await requireDraftItem(trx, meeting, itemId);
      const ledger = await listLedgerEntriesOfMinuteItems(trx, [itemId]);
      if (ledger.length > 0)
        throw new ConflictError(
          `Minute ${item.number} cannot be deleted: the recommendations ledger records ${ledger.map((entry) => entry.reference).join(', ')} from it`,
        );
      const later = (await listMinuteNumberRanges(trx, meeting.bodyId)).find(
        (range) => range.startsAt.getTime() > meeting.startsAt.getTime(),
      );
      if (later)
        throw new ConflictError(
          `Minute ${item.number} cannot be deleted: the minutes of ${meetingDay(later.startsAt)} carry the numbering on from these minutes (from ${later.first}). Change the item instead`,
        );
      const [detail] = (await loadItems(trx, meetingId, true)).filter((candidate) => candidate.id === itemId);
      await deleteMinuteItem(trx, itemId);
      const { id: _id, ...before } = item;
      await recordChange(
        trx,
        actor,
        { type: 'minute_item', id: itemId },
        { ...before, decisions: detail?.decisions ?? [], actions: detail?.actions ?? [] },
        undefined,
        requestId,
      );
      for (const following of (await listMinuteItems(trx, meetingId)).filter(
        (candidate) => candidate.number > item.number,
      )) {
        await updateMinuteItemNumber(trx, following.id, following.number - 1);
        await recordChange(
          trx,
          actor,
          { type: 'minute_item', id: following.id },
          { number: following.number },
          { number: following.number - 1 },
          requestId,
        );
      }
      await assertNumberingRunsOn(trx, meeting.bodyId, 'minutes');
      return { number: item.number };
    });
  }

  /**
   * Changes a decision of a draft item. A recommendation already in the ledger stays a recommendation. The
   * entry's wording follows a corrected minute while it is the minute's own wording and has had no response;
   * once answered, or summarised in other words, the entry's wording is its own.
   */
  async function editDecision(
    actor: Actor,
    meetingId: number,
    itemId: number,
    position: number,
    form: MinuteDecisionForm,
    requestId?: string,
  ) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return db.transaction().execute(async (trx) => {
      await requireDraftItem(trx, meeting, itemId);
      const decision = (await listMinuteDecisions(trx, [itemId])).find(
        (candidate) => candidate.position === position,
      );
      if (!decision) throw new NotFoundError('There is no such decision');
      const entry = ledgerEntryOf(decision, await listLedgerEntriesOfMinuteItems(trx, [itemId]));
      if (entry && form.kind !== 'recommended')
        throw new ValidationError([
          {
            field: 'kind',
            message: `This recommendation is in the recommendations ledger as ${entry.reference}, so it stays a recommendation`,
          },
        ]);
      if (
        entry &&
        entry.text === decision.text &&
        form.text !== decision.text &&
        entry.response === null &&
        entry.outcome === null
      ) {
        await updateRecommendationText(trx, entry.id, form.text);
        await recordChange(
          trx,
          actor,
          { type: 'recommendation', id: entry.id },
          { text: entry.text },
          { text: form.text },
          requestId,
        );
      }
      await updateMinuteDecision(trx, itemId, position, form);
      await recordChange(
        trx,
        actor,
        { type: 'minute_decision', id: `${itemId}/${position}` },
        { kind: decision.kind, text: decision.text },
        form,
        requestId,
      );
    });
  }

  async function requireAction(trx: Db, meetingId: number, itemId: number, position: number) {
    const item = await requireItemOf(trx, meetingId, itemId);
    const action = (await listMinuteActions(trx, [itemId])).find(
      (candidate) => candidate.position === position,
    );
    if (!action) throw new NotFoundError('There is no such action');
    return { item, action };
  }

  /** An action with its meeting and item, for the scrutiny officer's follow-up form. */
  async function readAction(actor: Actor, meetingId: number, itemId: number, position: number) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return { meeting, ...(await requireAction(db, meetingId, itemId, position)) };
  }

  /**
   * Follows up an action: a new due date, or the day it was done. Allowed after the minutes are approved,
   * as the action log goes on after the record of the meeting is fixed.
   */
  async function updateActionDates(
    actor: Actor,
    meetingId: number,
    itemId: number,
    position: number,
    form: ActionProgressForm,
    requestId?: string,
  ) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    const held = londonDateOf(meeting.startsAt);
    if (form.dueOn !== null && form.dueOn < held)
      throw new ValidationError([
        { field: 'dueOn', message: `The due date cannot be before the meeting, on ${formatDate(held)}` },
      ]);
    if (form.doneOn !== null && form.doneOn > londonDateOf(deps.now()))
      throw new ValidationError([
        { field: 'doneOn', message: 'The date it was done cannot be in the future' },
      ]);
    if (form.doneOn !== null && form.doneOn < held)
      throw new ValidationError([
        {
          field: 'doneOn',
          message: `The date it was done cannot be before the meeting, on ${formatDate(held)}`,
        },
      ]);
    return db.transaction().execute(async (trx) => {
      const { action } = await requireAction(trx, meetingId, itemId, position);
      await updateMinuteActionDates(trx, itemId, position, form);
      await recordChange(
        trx,
        actor,
        { type: 'minute_action', id: `${itemId}/${position}` },
        { dueOn: action.dueOn, doneOn: action.doneOn },
        form,
        requestId,
      );
    });
  }

  /**
   * Records that a later meeting of the same body approved the minutes as a correct record: from then on
   * they are public and fixed, and the minuted meeting's status becomes "minutes approved".
   */
  async function approve(actor: Actor, meetingId: number, form: ApprovalForm, requestId?: string) {
    const meeting = await requireManagedMeeting(actor, meetingId);
    return db.transaction().execute(async (trx) => {
      const minutes = await findMinutes(trx, meetingId);
      refuseIfApproved(minutes, meeting);
      if (!minutes || (await listMinuteItems(trx, meetingId)).length === 0)
        throw new ValidationError([
          { field: 'approvingMeeting', message: 'There are no draft minutes of this meeting to approve' },
        ]);
      const approving = await findMeetingById(trx, form.approvingMeeting);
      if (
        !approving ||
        approving.bodyId !== meeting.bodyId ||
        approving.startsAt.getTime() <= meeting.startsAt.getTime()
      )
        throw new ValidationError([
          { field: 'approvingMeeting', message: 'Select a later meeting of the same panel' },
        ]);
      if (approving.status === 'cancelled')
        throw new ValidationError([{ field: 'approvingMeeting', message: 'That meeting was cancelled' }]);
      if (approving.startsAt.getTime() > deps.now().getTime())
        throw new ValidationError([
          { field: 'approvingMeeting', message: 'That meeting has not taken place yet' },
        ]);
      await recordApproval(trx, actor, meeting, approving, deps.now(), requestId);
    });
  }

  async function recordApproval(
    trx: Db,
    actor: Actor,
    meeting: MeetingRow,
    approving: MeetingRow,
    approvedAt: Date,
    requestId?: string,
  ) {
    await updateMinutesApproval(trx, meeting.id, { approvedAtMeetingId: approving.id, approvedAt });
    await recordChange(
      trx,
      actor,
      { type: 'minutes', id: meeting.id },
      { meetingId: meeting.id, approvedAtMeetingId: null },
      { meetingId: meeting.id, approvedAtMeetingId: approving.id },
      requestId,
    );
    await markHeld(trx, actor, approving, requestId);
    await updateMeetingStatus(trx, meeting.id, 'minutes-approved');
    await recordChange(
      trx,
      actor,
      { type: 'meeting', id: meeting.id },
      { status: meeting.status },
      { status: 'minutes-approved' },
      requestId,
    );
  }

  /**
   * Sets minutes from a reviewed file, inside the caller's transaction. Items are matched by number, so a
   * second load of the same file changes nothing; approved minutes that the file would change are refused.
   * Returns how many records changed.
   */
  async function applyFile(
    trx: Db,
    actor: Actor,
    bodyId: number,
    meetings: MeetingRow[],
    entries: MinutesFileEntry[],
    mode: RecordsLoadMode,
  ): Promise<{ items: number; changes: number }> {
    let changes = 0;
    let items = 0;
    for (const [index, entry] of entries.entries()) {
      const path = `minutes.${index}`;
      const meeting = meetingOnDate(meetings, entry.meeting, `${path}.meeting`);
      const approving = entry.approvedAt
        ? meetingOnDate(meetings, entry.approvedAt, `${path}.approvedAt`)
        : null;
      if (approving && approving.startsAt.getTime() <= meeting.startsAt.getTime())
        throw new ValidationError([
          { field: `${path}.approvedAt`, message: 'minutes are approved at a later meeting' },
        ]);
      const agenda = await listAgendaItems(trx, meeting.id);
      const desired = entry.items.map((item, itemIndex) => {
        const agendaItem =
          item.agendaItem === null
            ? null
            : agenda.find((candidate) => candidate.position === item.agendaItem);
        if (agendaItem === undefined)
          throw new ValidationError([
            {
              field: `${path}.items.${itemIndex}.agendaItem`,
              message: `the meeting has no agenda item ${item.agendaItem}`,
            },
          ]);
        return {
          values: {
            meetingId: meeting.id,
            number: item.number,
            agendaItemId: agendaItem?.id ?? null,
            title: item.title,
            text: item.text,
            exemptParagraph: item.exemptParagraph ?? agendaItem?.exemptParagraph ?? null,
          },
          decisions: item.decisions.map((decision, position) => ({
            position: position + 1,
            kind: decision.kind,
            text: decision.text,
          })),
          actions: item.actions.map((action, position) => ({
            position: position + 1,
            text: action.text,
            owner: action.owner,
            dueOn: action.due,
            doneOn: action.done,
          })),
        };
      });
      items += desired.length;

      const minutes = await findMinutes(trx, meeting.id);
      if (minutes && mode === 'add-missing') continue;
      const current = (await loadItems(trx, meeting.id, true)).map((item) => ({
        id: item.id,
        values: {
          meetingId: item.meetingId,
          number: item.number,
          agendaItemId: item.agendaItemId,
          title: item.title,
          text: item.text ?? '',
          exemptParagraph: item.exemptParagraph,
        },
        decisions: item.decisions.map(({ minuteItemId: _id, ledger: _ledger, ...decision }) => decision),
        actions: item.actions.map(({ minuteItemId: _id, ...action }) => action),
      }));
      const same =
        isDeepStrictEqual(
          current.map(({ id: _id, ...rest }) => rest),
          desired,
        ) && (minutes?.approvedAtMeetingId ?? null) === (approving?.id ?? null);
      if (same) continue;
      if (minutes?.approvedAtMeetingId != null)
        throw new ValidationError([
          {
            field: path,
            message: `the minutes of ${entry.meeting} were approved as a correct record and cannot be changed`,
          },
        ]);
      if (!minutes) {
        await insertMinutes(trx, meeting.id, bodyId);
        await recordChange(trx, actor, { type: 'minutes', id: meeting.id }, undefined, {
          meetingId: meeting.id,
          approvedAtMeetingId: null,
        });
        changes += 1;
      }
      // What the ledger records from these minutes must stay in them.
      const ledger = await listLedgerEntriesOfMinuteItems(
        trx,
        current.map((item) => item.id),
      );
      for (const gone of current.filter(
        (item) => !desired.some((want) => want.values.number === item.values.number),
      )) {
        const recorded = ledger.filter((entry) => entry.minuteItemId === gone.id);
        if (recorded.length > 0)
          throw new ValidationError([
            {
              field: `${path}.items`,
              message: `minute ${gone.values.number} is in the recommendations ledger as ${recorded.map((entry) => entry.reference).join(', ')}, so it must stay in the minutes`,
            },
          ]);
        await deleteMinuteItem(trx, gone.id);
        const { id: _id, ...before } = gone;
        await recordChange(trx, actor, { type: 'minute_item', id: gone.id }, before, undefined);
        changes += 1;
      }
      for (const [itemIndex, want] of desired.entries()) {
        const have = current.find((item) => item.values.number === want.values.number);
        const taken = have ? undefined : await findMinuteItemByNumber(trx, bodyId, want.values.number);
        if (taken)
          throw new ValidationError([
            {
              field: `${path}.items.${itemIndex}.number`,
              message: `minute ${want.values.number} is already used by the minutes of another meeting`,
            },
          ]);
        for (const entry of ledger.filter((candidate) => candidate.minuteItemId === have?.id))
          if (
            entry.decisionPosition !== null &&
            want.decisions.find((decision) => decision.position === entry.decisionPosition)?.kind !==
              'recommended'
          )
            throw new ValidationError([
              {
                field: `${path}.items.${itemIndex}.decisions`,
                message: `decision ${entry.decisionPosition} of minute ${want.values.number} is in the recommendations ledger as ${entry.reference}, so it must stay a recommendation`,
              },
            ]);
        const id = have ? have.id : await insertMinuteItem(trx, bodyId, want.values);
        const { id: _id, ...before } = have ?? { id: 0 };
        if (!(await recordChange(trx, actor, { type: 'minute_item', id }, have ? before : undefined, want)))
          continue;
        changes += 1;
        if (have) {
          await updateMinuteItem(trx, id, want.values);
          await deleteMinuteDecisionsAndActions(trx, id);
        }
        for (const decision of want.decisions)
          await insertMinuteDecision(trx, { minuteItemId: id, ...decision });
        for (const action of want.actions) await insertMinuteAction(trx, { minuteItemId: id, ...action });
      }
      await markHeld(trx, actor, meeting);
      if (approving) {
        // The file records what happened: the approval is dated by the approving meeting, not by the load.
        await recordApproval(trx, actor, meeting, approving, approving.startsAt);
        changes += 1;
      }
    }
    await assertNumberingRunsOn(trx, bodyId, 'minutes');
    return { items, changes };
  }

  return {
    readMinutes,
    addItem,
    addDecision,
    addAction,
    readItemForEdit,
    editItem,
    deleteItem,
    editDecision,
    readAction,
    updateActionDates,
    approve,
    applyFile,
  };
}
