import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { syncVisibility } from '../recommendations/recommendations.origin.ts';
import type { ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { findMeetingById } from '../scrutiny.queries.ts';
import type { ApprovalForm } from '../scrutiny-records.schemas.ts';
import { findMinutes, listMinuteItems } from './minutes.queries.ts';
import { recordApproval, refuseIfApproved, requireManagedMeeting } from './minutes.steps.ts';

/**
 * Records that a later meeting of the same body approved the minutes as a correct record: from then on
 * they are public and fixed, and the minuted meeting's status becomes "minutes approved".
 */
export async function approveMinutes(
  deps: ScrutinyRecordsDeps,
  actor: Actor,
  meetingId: number,
  form: ApprovalForm,
  requestId?: string,
) {
  const { db } = deps;
  const meeting = await requireManagedMeeting(deps, actor, meetingId);
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
    // Recommendations from these minutes are now as public as the minutes.
    await syncVisibility(deps, trx, meeting.bodyId);
  });
}
