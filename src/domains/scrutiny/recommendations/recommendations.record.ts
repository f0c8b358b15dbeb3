import type { Actor } from '../../../kernel/auth/actor.ts';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.ts';
import { NOT_YET_ANSWERED, type RecommendationValues } from '../../recommendations/index.ts';
import { findGroupById } from '../committees/committees.queries.ts';
import { findMinutes, listMinuteDecisions, listMinuteItems } from '../minutes/minutes.queries.ts';
import { ledgerEntryOf } from '../minutes/minutes.steps.ts';
import { meetingDay, recordsAccess, requireMeeting, type ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { findMeetingById } from '../scrutiny.queries.ts';
import type { ScrutinyDb as Db } from '../scrutiny.tables.ts';
import type { LedgerEntryForm, NewRecommendationForm } from '../scrutiny-records.schemas.ts';
import { checkGroup, groupUrl, isGroupOrigin, setSource, syncVisibility } from './recommendations.origin.ts';
import { listLedgerEntriesOfMinuteItems, type SourceValues } from './recommendations.queries.ts';

type PanelPart = Omit<SourceValues, 'recommendationId' | 'bodyId' | 'origin'>;

/** Records a recommendation in the ledger with the panel's part of it, numbered by year ("2017-1", …). */
async function recordFromPanel(
  deps: ScrutinyRecordsDeps,
  trx: Db,
  actor: Actor,
  values: Omit<RecommendationValues, 'reference'> & { madeOn: string },
  panelPart: PanelPart,
  requestId?: string,
) {
  const recorded = await deps.ledger.record(trx, actor, values, requestId);
  const source = {
    recommendationId: recorded.id,
    bodyId: values.bodyId,
    origin: values.origin,
    ...panelPart,
  };
  await setSource(trx, actor, source, requestId);
  await syncVisibility(deps, trx, values.bodyId);
  return recorded;
}

function refuseGroupOutsideGroups(form: NewRecommendationForm) {
  if (!isGroupOrigin(form.origin) && form.group !== null)
    throw new ValidationError([
      {
        field: 'group',
        message: 'Only a recommendation from a sub-committee or task-and-finish group names a group',
      },
    ]);
}

/** A new recommendation from the scrutiny officer, made at (or received by) one of the panel's meetings. */
export async function createRecommendation(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  form: NewRecommendationForm,
  requestId?: string,
) {
  const meeting = await findMeetingById(deps.db, form.meeting);
  if (!meeting) throw new ValidationError([{ field: 'meeting', message: 'Select a meeting from the list' }]);
  recordsAccess(deps.policy).requireManage(actor, meeting.bodyId);
  const madeOn = form.madeOn ?? londonDateOf(meeting.startsAt);
  if (madeOn > londonDateOf(deps.now()))
    throw new ValidationError([{ field: 'madeOn', message: 'The date it was made cannot be in the future' }]);
  if (form.responseDueOn && form.responseDueOn < madeOn)
    throw new ValidationError([
      { field: 'responseDueOn', message: 'The response deadline must be on or after the date it was made' },
    ]);
  if (isGroupOrigin(form.origin)) {
    const group = form.group === null ? undefined : await findGroupById(deps.db, form.group);
    checkGroup(group, meeting.bodyId, form.origin, form.function, { group: 'group', function: 'function' });
  }
  refuseGroupOutsideGroups(form);
  const groupId = isGroupOrigin(form.origin) ? form.group : null;
  const values = {
    bodyId: meeting.bodyId,
    origin: form.origin,
    originTitle: null,
    originUrl: groupUrl(groupId),
    madeOn,
    topic: form.topic,
    text: form.text,
    addressee: form.addressee,
    responseDueOn: form.responseDueOn,
    visibility: 'public' as const,
    ...NOT_YET_ANSWERED,
  };
  const panelPart = {
    groupId,
    meetingId: meeting.id,
    minuteItemId: null,
    minuteDecisionPosition: null,
    function: form.function,
  };
  return deps.db
    .transaction()
    .execute((trx) => recordFromPanel(deps, trx, actor, values, panelPart, requestId));
}

/** The recommendation a minute item's decision records, refused unless it is one and not yet in the ledger. */
async function recommendedDecision(trx: Db, meetingId: number, itemId: number, position: number) {
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
  return decision;
}

/**
 * Puts a recommendation the minutes record into the ledger, linked to its meeting and minute, with the
 * addressee and response deadline the officer gives. Each recommendation of the minutes goes in once.
 */
export async function addFromMinute(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  at: { meetingId: number; itemId: number; position: number },
  form: LedgerEntryForm,
  requestId?: string,
) {
  const meeting = await requireMeeting(deps.db, at.meetingId);
  recordsAccess(deps.policy).requireManage(actor, meeting.bodyId);
  const madeOn = londonDateOf(meeting.startsAt);
  if (form.responseDueOn !== null && form.responseDueOn < madeOn)
    throw new ValidationError([
      {
        field: 'responseDueOn',
        message: `The response deadline must be on or after the meeting, on ${meetingDay(meeting.startsAt)}`,
      },
    ]);
  return deps.db.transaction().execute(async (trx) => {
    const decision = await recommendedDecision(trx, at.meetingId, at.itemId, at.position);
    const values = {
      bodyId: meeting.bodyId,
      origin: 'panel' as const,
      originTitle: null,
      originUrl: null,
      madeOn,
      topic: form.topic,
      text: decision.text,
      addressee: form.addressee,
      responseDueOn: form.responseDueOn,
      visibility: 'public' as const,
      ...NOT_YET_ANSWERED,
    };
    const panelPart = {
      groupId: null,
      meetingId: at.meetingId,
      minuteItemId: at.itemId,
      minuteDecisionPosition: at.position,
      function: null,
    };
    return recordFromPanel(deps, trx, actor, values, panelPart, requestId);
  });
}
