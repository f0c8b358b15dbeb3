import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../../kernel/audit/audit.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { type IsoDate, londonDateOf } from '../../../kernel/calendar/index.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { formatDate } from '../../../kernel/formats/dates.ts';
import { findGroupById, findGroupBySlug, listGroups } from '../committees/committees.queries.ts';
import {
  findMinuteItemByNumber,
  findMinutes,
  listMinuteDecisions,
  listMinuteItems,
} from '../minutes/minutes.queries.ts';
import { ledgerEntryOf } from '../minutes/minutes.steps.ts';
import type { RecommendationFileEntry } from '../records/records.file-schema.ts';
import {
  meetingDay,
  meetingOnDate,
  type RecordsLoadMode,
  recordsAccess,
  requireMeeting,
  type ScrutinyRecordsDeps,
} from '../scrutiny.context.ts';
import { findMeetingById, listMeetings, type MeetingRow } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import { refuseDelegationOfReserved } from '../scrutiny-functions.ts';
import type {
  ActionForm,
  LedgerEntryForm,
  NewRecommendationForm,
  OutcomeForm,
  ProgressForm,
  ResponseForm,
} from '../scrutiny-records.schemas.ts';
import type { GroupKind, RecommendationOrigin } from '../scrutiny-records.tables.ts';
import {
  countReferencesLike,
  deleteActionsAndProgress,
  findRecommendationById,
  findRecommendationByReference,
  insertProgress,
  insertRecommendation,
  insertRecommendationAction,
  type LedgerFilter,
  listLedgerEntriesOfMinuteItems,
  listPolicingBodiesOf,
  listProgress,
  listRecommendationActions,
  listRecommendations,
  type RecommendationRow,
  type RecommendationValues,
  updateRecommendation,
  updateRecommendationOutcome,
  updateRecommendationResponse,
} from './recommendations.queries.ts';

const GROUP_WORDS: Record<GroupKind, string> = {
  'sub-committee': 'a sub-committee',
  'task-and-finish-group': 'a task-and-finish group',
};

function isGroupOrigin(origin: RecommendationOrigin): origin is GroupKind {
  return origin === 'sub-committee' || origin === 'task-and-finish-group';
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;

/** A recommendation as it is made: no response and no outcome yet. */
const NOT_YET_ANSWERED = {
  response: null,
  responseText: null,
  respondedOn: null,
  outcome: null,
  outcomeText: null,
  outcomeOn: null,
} as const;

/**
 * The recommendations ledger: what the body (or one of its groups, or an inspectorate or auditor) recommended,
 * to whom, by when a response is due, the response, the actions and progress that followed, and the outcome.
 * The ledger is public: the 2011 Act (s28(7)) requires a panel to publish its reports and recommendations.
 */
export function createRecommendationsService(deps: ScrutinyRecordsDeps) {
  const { db } = deps;
  const access = recordsAccess(deps.policy);
  const today = (): IsoDate => londonDateOf(deps.now());

  /**
   * A recommendation from a minute heard in private is for the body's members and officer only; one from
   * draft minutes is for those who read the draft, until the minutes are approved.
   */
  function canSee(actor: Actor, row: RecommendationRow) {
    if (row.heardInPrivate) return access.canReadExempt(actor, row.bodyId);
    if (row.fromDraftMinutes) return access.canReadDrafts(actor, row.bodyId);
    return true;
  }

  async function listLedger(actor: Actor, filter: LedgerFilter) {
    return (await listRecommendations(db, today(), filter)).filter((row) => canSee(actor, row));
  }

  /**
   * Whether the actor may record the response: the panel's scrutiny officer, or an officer of the policing
   * body that answers to the panel (s29 of the 2011 Act: the commissioner responds to the panel's reports).
   */
  async function canRespond(trx: Db, actor: Actor, row: RecommendationRow) {
    if (access.canManage(actor, row.bodyId)) return true;
    if (!deps.policy.can(actor, 'scrutiny:record-response')) return false;
    const bodies = await listPolicingBodiesOf(trx, row.bodyId);
    return bodies.some((body) =>
      deps.policy.can(actor, 'scrutiny:respond-as-policing-body', { bodyId: body.id }),
    );
  }

  async function readRecommendation(actor: Actor, id: number) {
    const recommendation = await findRecommendationById(db, today(), id);
    if (!recommendation || !canSee(actor, recommendation))
      throw new NotFoundError('There is no such recommendation');
    const [actions, progress, respond] = await Promise.all([
      listRecommendationActions(db, [id]),
      listProgress(db, [id]),
      canRespond(db, actor, recommendation),
    ]);
    return {
      recommendation,
      actions,
      progress,
      canManage: access.canManage(actor, recommendation.bodyId),
      canRespond: respond,
    };
  }

  /** The ledger with each recommendation's actions and progress, for the API and exports. */
  async function listLedgerInFull(actor: Actor, filter: LedgerFilter) {
    const rows = await listLedger(actor, filter);
    const ids = rows.map((row) => row.id);
    const [actions, progress] = await Promise.all([
      listRecommendationActions(db, ids),
      listProgress(db, ids),
    ]);
    return rows.map((recommendation) => ({
      recommendation,
      actions: actions.filter((action) => action.recommendationId === recommendation.id),
      progress: progress.filter((update) => update.recommendationId === recommendation.id),
    }));
  }

  /** Response deadlines still to come, for the statutory calendar: each reader sees those they may see. */
  async function upcomingDeadlines(actor: Actor) {
    const awaiting = await listLedger(actor, { status: 'awaiting-response', origin: null, overdue: null });
    return awaiting.flatMap((row) =>
      row.responseDueOn === null
        ? []
        : [
            {
              uid: `recommendation-${row.id}-response`,
              date: row.responseDueOn,
              title: `Response due to recommendation ${row.reference}${row.topic ? `: ${row.topic}` : ''}`,
              basis: `${row.bodyName}: the written response the panel asked of ${row.addressee} (Police Reform and Social Responsibility Act 2011, s. 29)`,
              url: `/scrutiny/recommendations/${row.id}`,
              status: null,
            },
          ],
    );
  }

  async function findRecommendation(trx: Db, id: number): Promise<RecommendationRow> {
    const recommendation = await findRecommendationById(trx, today(), id);
    if (!recommendation) throw new NotFoundError('There is no such recommendation');
    return recommendation;
  }

  function refuseIfClosed(recommendation: RecommendationRow) {
    if (recommendation.outcome !== null)
      throw new ConflictError(
        `Recommendation ${recommendation.reference} is closed (its outcome was recorded on ${formatDate(recommendation.outcomeOn)}), so nothing more can be added`,
      );
  }

  async function requireOpen(trx: Db, actor: Actor, id: number): Promise<RecommendationRow> {
    const recommendation = await findRecommendation(trx, id);
    access.requireManage(actor, recommendation.bodyId);
    refuseIfClosed(recommendation);
    return recommendation;
  }

  /** A date something happened on: not in the future, and not before the recommendation was made. */
  function checkDate(date: IsoDate, field: string, words: string, recommendation: { madeOn: string | null }) {
    if (date > today()) throw new ValidationError([{ field, message: `${words} cannot be in the future` }]);
    if (recommendation.madeOn && date < recommendation.madeOn)
      throw new ValidationError([
        {
          field,
          message: `${words} cannot be before the recommendation was made, on ${formatDate(recommendation.madeOn)}`,
        },
      ]);
  }

  /**
   * Records the addressee's written response, by the panel's officer or the policing body's own officer; a
   * later, revised response replaces it (the audit keeps both, and who recorded each).
   */
  async function recordResponse(actor: Actor, id: number, form: ResponseForm, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const recommendation = await findRecommendation(trx, id);
      if (!canSee(actor, recommendation)) throw new NotFoundError('There is no such recommendation');
      if (!(await canRespond(trx, actor, recommendation))) throw new ForbiddenError();
      refuseIfClosed(recommendation);
      checkDate(form.respondedOn, 'respondedOn', 'The date of the response', recommendation);
      await updateRecommendationResponse(trx, id, form);
      await recordChange(
        trx,
        actor,
        { type: 'recommendation', id },
        {
          response: recommendation.response,
          responseText: recommendation.responseText,
          respondedOn: recommendation.respondedOn,
        },
        form,
        requestId,
      );
    });
  }

  async function addProgress(actor: Actor, id: number, form: ProgressForm, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const recommendation = await requireOpen(trx, actor, id);
      checkDate(form.reportedOn, 'reportedOn', 'The date of the update', recommendation);
      const values = { recommendationId: id, position: (await listProgress(trx, [id])).length + 1, ...form };
      await insertProgress(trx, values);
      await recordChange(
        trx,
        actor,
        { type: 'recommendation_progress', id: `${id}/${values.position}` },
        undefined,
        values,
        requestId,
      );
    });
  }

  async function addAction(actor: Actor, id: number, form: ActionForm, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      await requireOpen(trx, actor, id);
      const values = {
        recommendationId: id,
        position: (await listRecommendationActions(trx, [id])).length + 1,
        doneOn: null,
        ...form,
      };
      await insertRecommendationAction(trx, values);
      await recordChange(
        trx,
        actor,
        { type: 'recommendation_action', id: `${id}/${values.position}` },
        undefined,
        values,
        requestId,
      );
    });
  }

  /** Closes the recommendation with its outcome; nothing more can be added after it. */
  async function recordOutcome(actor: Actor, id: number, form: OutcomeForm, requestId?: string) {
    return db.transaction().execute(async (trx) => {
      const recommendation = await requireOpen(trx, actor, id);
      checkDate(form.outcomeOn, 'outcomeOn', 'The date of the outcome', recommendation);
      if (form.outcome === 'implemented' && recommendation.response === null)
        throw new ValidationError([
          {
            field: 'outcome',
            message: 'Record the response before recording that the recommendation was implemented',
          },
        ]);
      await updateRecommendationOutcome(trx, id, form);
      await recordChange(
        trx,
        actor,
        { type: 'recommendation', id },
        { outcome: null, outcomeText: null, outcomeOn: null },
        form,
        requestId,
      );
    });
  }

  /**
   * Whether a group of the body may make a recommendation: it must be the body's own group of the kind
   * named, and may not exercise a function the Act keeps for the full panel.
   */
  function checkGroup(
    group: { bodyId: number; kind: GroupKind } | undefined,
    bodyId: number,
    origin: GroupKind,
    fn: RecommendationValues['function'],
    fields: { group: string; function: string },
  ) {
    if (!group || group.bodyId !== bodyId || group.kind !== origin)
      throw new ValidationError([
        { field: fields.group, message: `Select ${GROUP_WORDS[origin]} of the panel` },
      ]);
    if (fn) refuseDelegationOfReserved(fn, fields.function, GROUP_WORDS[origin]);
  }

  /** The meetings and groups a scrutiny officer may attach a new recommendation to. */
  async function choicesFor(actor: Actor) {
    const [meetings, groups] = await Promise.all([listMeetings(db), listGroups(db)]);
    return {
      meetings: meetings.filter(
        (meeting) => meeting.status !== 'cancelled' && access.canManage(actor, meeting.bodyId),
      ),
      groups: groups.filter((group) => access.canManage(actor, group.bodyId)),
    };
  }

  /** A new recommendation from the scrutiny officer, numbered by year ("2017-1", "2017-2", …). */
  async function createRecommendation(actor: Actor, form: NewRecommendationForm, requestId?: string) {
    const meeting = await findMeetingById(db, form.meeting);
    if (!meeting)
      throw new ValidationError([{ field: 'meeting', message: 'Select a meeting from the list' }]);
    access.requireManage(actor, meeting.bodyId);
    const madeOn = form.madeOn ?? londonDateOf(meeting.startsAt);
    if (madeOn > today())
      throw new ValidationError([
        { field: 'madeOn', message: 'The date it was made cannot be in the future' },
      ]);
    if (form.responseDueOn && form.responseDueOn < madeOn)
      throw new ValidationError([
        { field: 'responseDueOn', message: 'The response deadline must be on or after the date it was made' },
      ]);
    if (isGroupOrigin(form.origin)) {
      const group = form.group === null ? undefined : await findGroupById(db, form.group);
      checkGroup(group, meeting.bodyId, form.origin, form.function, { group: 'group', function: 'function' });
    } else if (form.group !== null) {
      throw new ValidationError([
        {
          field: 'group',
          message: 'Only a recommendation from a sub-committee or task-and-finish group names a group',
        },
      ]);
    }
    return db.transaction().execute((trx) =>
      insertNumbered(
        trx,
        actor,
        {
          bodyId: meeting.bodyId,
          origin: form.origin,
          groupId: isGroupOrigin(form.origin) ? form.group : null,
          meetingId: meeting.id,
          minuteItemId: null,
          minuteDecisionPosition: null,
          sourceTitle: null,
          madeOn,
          function: form.function,
          topic: form.topic,
          text: form.text,
          addressee: form.addressee,
          responseDueOn: form.responseDueOn,
          ...NOT_YET_ANSWERED,
        },
        requestId,
      ),
    );
  }

  /** Adds a recommendation to the ledger under the body's next reference for its year ("2017-1", "2017-2", …). */
  async function insertNumbered(
    trx: Db,
    actor: Actor,
    unnumbered: Omit<RecommendationValues, 'reference'> & { madeOn: string },
    requestId?: string,
  ) {
    const year = unnumbered.madeOn.slice(0, 4);
    const values: RecommendationValues = {
      ...unnumbered,
      reference: `${year}-${(await countReferencesLike(trx, unnumbered.bodyId, `${year}-`)) + 1}`,
    };
    if (await findRecommendationByReference(trx, unnumbered.bodyId, values.reference))
      throw new ConflictError('Another recommendation was added at the same moment: send the form again');
    const id = await insertRecommendation(trx, values);
    await recordChange(trx, actor, { type: 'recommendation', id }, undefined, values, requestId);
    return { id, reference: values.reference };
  }

  /**
   * Puts a recommendation the minutes record into the ledger, linked to its meeting and minute, with the
   * addressee and response deadline the officer gives. Each recommendation of the minutes goes in once.
   */
  async function addFromMinute(
    actor: Actor,
    meetingId: number,
    itemId: number,
    position: number,
    form: LedgerEntryForm,
    requestId?: string,
  ) {
    const meeting = await requireMeeting(db, meetingId);
    access.requireManage(actor, meeting.bodyId);
    const madeOn = londonDateOf(meeting.startsAt);
    if (form.responseDueOn !== null && form.responseDueOn < madeOn)
      throw new ValidationError([
        {
          field: 'responseDueOn',
          message: `The response deadline must be on or after the meeting, on ${meetingDay(meeting.startsAt)}`,
        },
      ]);
    return db.transaction().execute(async (trx) => {
      const item = (await findMinutes(trx, meetingId))
        ? (await listMinuteItems(trx, meetingId)).find((candidate) => candidate.id === itemId)
        : undefined;
      if (!item) throw new NotFoundError('There is no such minute item');
      const decision = (await listMinuteDecisions(trx, [itemId])).find(
        (candidate) => candidate.position === position,
      );
      if (!decision) throw new NotFoundError('There is no such decision');
      if (decision.kind !== 'recommended')
        throw new ConflictError(
          'Only what the panel recommended goes in the recommendations ledger; this decision is not a recommendation',
        );
      const existing = ledgerEntryOf(decision, await listLedgerEntriesOfMinuteItems(trx, [itemId]));
      if (existing)
        throw new ConflictError(
          `This recommendation of minute ${item.number} is already in the recommendations ledger as ${existing.reference}`,
        );
      return insertNumbered(
        trx,
        actor,
        {
          bodyId: meeting.bodyId,
          origin: 'panel',
          groupId: null,
          meetingId,
          minuteItemId: itemId,
          minuteDecisionPosition: position,
          sourceTitle: null,
          madeOn,
          function: null,
          topic: form.topic,
          text: decision.text,
          addressee: form.addressee,
          responseDueOn: form.responseDueOn,
          ...NOT_YET_ANSWERED,
        },
        requestId,
      );
    });
  }

  /**
   * Sets recommendations from a reviewed file, inside the caller's transaction, matched by reference; the
   * groups and minutes they name must already be loaded. Returns how many records changed.
   */
  async function applyFile(
    trx: Db,
    actor: Actor,
    bodyId: number,
    meetings: MeetingRow[],
    entries: RecommendationFileEntry[],
    mode: RecordsLoadMode,
  ): Promise<number> {
    let changes = 0;
    for (const [index, entry] of entries.entries()) {
      if (mode === 'add-missing' && (await findRecommendationByReference(trx, bodyId, entry.reference)))
        continue;
      const path = `recommendations.${index}`;
      let groupId: number | null = null;
      if (isGroupOrigin(entry.origin)) {
        const group = await findGroupBySlug(trx, bodyId, entry.group ?? '');
        checkGroup(group, bodyId, entry.origin, entry.function, {
          group: `${path}.group`,
          function: `${path}.function`,
        });
        groupId = group?.id ?? null;
      }
      const meeting = entry.meeting ? meetingOnDate(meetings, entry.meeting, `${path}.meeting`) : null;
      let minuteItemId: number | null = null;
      if (entry.minute !== null) {
        const minute = await findMinuteItemByNumber(trx, bodyId, entry.minute);
        if (!minute || minute.meetingId !== meeting?.id)
          throw new ValidationError([
            {
              field: `${path}.minute`,
              message: `the minutes of ${entry.meeting} have no minute ${entry.minute}`,
            },
          ]);
        minuteItemId = minute.id;
        if (entry.decision !== null) {
          const decision = (await listMinuteDecisions(trx, [minute.id])).find(
            (candidate) => candidate.position === entry.decision,
          );
          if (decision?.kind !== 'recommended')
            throw new ValidationError([
              {
                field: `${path}.decision`,
                message: `decision ${entry.decision} of minute ${entry.minute} is not a recommendation`,
              },
            ]);
          const other = (await listLedgerEntriesOfMinuteItems(trx, [minute.id])).find(
            (candidate) =>
              candidate.decisionPosition === entry.decision && candidate.reference !== entry.reference,
          );
          if (other)
            throw new ValidationError([
              {
                field: `${path}.decision`,
                message: `decision ${entry.decision} of minute ${entry.minute} is already in the ledger as ${other.reference}`,
              },
            ]);
        }
      }
      const values: RecommendationValues = {
        bodyId,
        reference: entry.reference,
        origin: entry.origin,
        groupId,
        meetingId: meeting?.id ?? null,
        minuteItemId,
        minuteDecisionPosition: entry.decision,
        sourceTitle: entry.sourceTitle,
        madeOn: entry.madeOn,
        function: entry.function,
        topic: entry.topic,
        text: entry.text,
        addressee: entry.addressee,
        responseDueOn: entry.responseDue,
        response: entry.response?.kind ?? null,
        responseText: entry.response?.text ?? null,
        respondedOn: entry.response?.on ?? null,
        outcome: entry.outcome?.kind ?? null,
        outcomeText: entry.outcome?.text ?? null,
        outcomeOn: entry.outcome?.on ?? null,
      };
      const desired = {
        values,
        actions: entry.actions.map((action, position) => ({
          position: position + 1,
          text: action.text,
          owner: action.owner,
          dueOn: action.due,
          doneOn: action.done,
        })),
        progress: entry.progress.map((update, position) => ({
          position: position + 1,
          reportedOn: update.on,
          text: update.text,
        })),
      };
      const existing = await findRecommendationByReference(trx, bodyId, entry.reference);
      const before = existing ? await currentState(trx, existing.id) : undefined;
      if (before && isDeepStrictEqual(before, desired)) continue;
      const id = existing ? existing.id : await insertRecommendation(trx, values);
      if (existing) {
        await updateRecommendation(trx, id, values);
        await deleteActionsAndProgress(trx, id);
      }
      for (const action of desired.actions)
        await insertRecommendationAction(trx, { recommendationId: id, ...action });
      for (const update of desired.progress) await insertProgress(trx, { recommendationId: id, ...update });
      await recordChange(trx, actor, { type: 'recommendation', id }, before, desired);
      changes += 1;
    }
    return changes;
  }

  /** A recommendation as a file would set it, to tell whether loading a file changes anything. */
  async function currentState(trx: Db, id: number) {
    const row = await findRecommendationById(trx, today(), id);
    if (!row) return undefined;
    const values: RecommendationValues = {
      bodyId: row.bodyId,
      reference: row.reference,
      origin: row.origin,
      groupId: row.groupId,
      meetingId: row.meetingId,
      minuteItemId: row.minuteItemId,
      minuteDecisionPosition: row.minuteDecisionPosition,
      sourceTitle: row.sourceTitle,
      madeOn: row.madeOn,
      function: row.function,
      topic: row.topic,
      text: row.text,
      addressee: row.addressee,
      responseDueOn: row.responseDueOn,
      response: row.response,
      responseText: row.responseText,
      respondedOn: row.respondedOn,
      outcome: row.outcome,
      outcomeText: row.outcomeText,
      outcomeOn: row.outcomeOn,
    };
    return {
      values,
      actions: (await listRecommendationActions(trx, [id])).map(
        ({ recommendationId: _id, ...action }) => action,
      ),
      progress: (await listProgress(trx, [id])).map(({ recommendationId: _id, ...update }) => update),
    };
  }

  return {
    listLedger,
    listLedgerInFull,
    readRecommendation,
    upcomingDeadlines,
    recordResponse,
    addFromMinute,
    addProgress,
    addAction,
    recordOutcome,
    createRecommendation,
    choicesFor,
    canManageAny: access.canManageAny,
    applyFile,
  };
}
