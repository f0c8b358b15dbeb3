import type { IsoDate } from '../../kernel/calendar/index.ts';
import { narrowTo } from '../../kernel/db/domain-db.ts';
import type { ScrutinyPublished } from '../scrutiny/index.ts';
import { checkPanelVote } from './panel-vote.ts';
import type { PreceptRecord } from './precept.context.ts';
import type { ReportForm } from './precept.schemas.ts';
import type { PreceptDb as Db, Vote } from './precept.tables.ts';

/**
 * Checks the Panel's recorded vote on the proposed precept against its membership on the day of the decision
 * (the shared check of `panel-vote.ts`); a veto needs two-thirds of the members (PRSRA 2011 Sch 5 para 4(4)).
 */
export function checkVote(
  db: Db,
  year: PreceptRecord,
  decidedOn: IsoDate,
  form: ReportForm,
): Promise<{ memberId: number; vote: Vote }[]> {
  return checkPanelVote(narrowTo<ScrutinyPublished>()(db), {
    panelId: year.panelId,
    panelName: year.panelName,
    decidedOn,
    votes: form.votes,
    veto: form.decision === 'veto',
    vetoRule: 'PRSRA 2011 Sch 5 para 4(4)',
    decisionField: 'decision',
    meetingField: 'meeting',
  });
}
