import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { bodyHas } from '../bodies.ts';
import { createCommitteesService } from '../committees/committees.service.ts';
import { createMinutesService } from '../minutes/minutes.service.ts';
import { createRecommendationsService } from '../recommendations/recommendations.service.ts';
import {
  type LedgerOptional,
  type RecordsLoadMode,
  recordsAccess,
  type ScrutinyRecordsDeps,
  withLedger,
} from '../scrutiny.context.ts';
import { listMeetings } from '../scrutiny.queries.ts';
import { createWorkProgrammeService } from '../work-programme/work-programme.service.ts';
import type { RecordsFile } from './records.file-schema.ts';

export type ScrutinyRecordsService = ReturnType<typeof createScrutinyRecordsService>;

/**
 * A scrutiny body's records beyond its meetings: minutes, the recommendations ledger, sub-committees and
 * task-and-finish groups, and the work programme; and loading them from a reviewed file.
 */
export function createScrutinyRecordsService(given: LedgerOptional<ScrutinyRecordsDeps>) {
  const deps = withLedger(given);
  const access = recordsAccess(deps.policy);
  const minutes = createMinutesService(deps);
  const recommendations = createRecommendationsService(deps);
  const committees = createCommitteesService(deps);
  const workProgramme = createWorkProgrammeService(deps);

  /**
   * Loads a records file as one transaction: any problem, anywhere in the file, saves nothing. Groups load
   * first and minutes next, as recommendations name both. Loading the same file again changes nothing.
   */
  async function importRecordsFile(actor: Actor, file: RecordsFile, mode: RecordsLoadMode = 'set') {
    const body = await deps.findBody(file.body);
    if (!bodyHas(body, 'recommendations'))
      throw new ValidationError([
        { field: 'body', message: `names ${file.body}, which is not a scrutiny panel` },
      ]);
    access.requireManage(actor, body.id);
    return deps.db.transaction().execute(async (trx) => {
      const meetings = (await listMeetings(trx)).filter((meeting) => meeting.bodyId === body.id);
      const groupChanges = await committees.applyFile(trx, actor, body.id, file.groups, mode);
      const minuted = await minutes.applyFile(trx, actor, body.id, meetings, file.minutes, mode);
      const recommendationChanges = await recommendations.applyFile(
        trx,
        actor,
        body.id,
        meetings,
        file.recommendations,
        mode,
      );
      const programmeChanges = await workProgramme.applyFile(trx, actor, body.id, file.workProgramme, mode);
      return {
        groups: file.groups.length,
        minuteItems: minuted.items,
        recommendations: file.recommendations.length,
        workProgrammeEntries: file.workProgramme.length,
        changes: groupChanges + minuted.changes + recommendationChanges + programmeChanges,
      };
    });
  }

  return { minutes, recommendations, committees, workProgramme, importRecordsFile };
}
