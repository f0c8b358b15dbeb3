import type { Actor } from '../../kernel/auth/actor.ts';
import { NotFoundError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import {
  IssueFormSchema,
  ProposalFormSchema,
  ReportFormSchema,
  ResponseFormSchema,
} from './precept.schemas.ts';
import type { PreceptService } from './precept.service.ts';
import type { Vote } from './precept.tables.ts';

const TARGET = { body: 'thames-valley-pcc', year: 2017 };

/**
 * A worked precept year for Thames Valley, 2017-18. The 16 December 2016 agenda pack (data/demo/scrutiny)
 * gives only the timetable: the Panel's meeting of 3 February 2017 was to review and make recommendations on
 * the proposed precept for 2017/18, with its Budget Task and Finish Group's report. It gives no figures, no
 * vote and no outcome, so every figure, the vote and the other dates here are illustrative, and the year is
 * marked so on its page and in the API.
 */
const PROPOSAL = {
  body: TARGET.body,
  year: '2017-18',
  proposed: '£170.28',
  'proposedOn-day': '27',
  'proposedOn-month': '1',
  'proposedOn-year': '2017',
  previous: '£165.28',
  referendumLimit: '£5.00',
  taxBase: '',
};

/** An illustrative vote: most members for accepting, one abstaining, a few absent. */
function illustrativeVote(index: number): Vote {
  if (index === 3) return 'abstain';
  return index >= 16 ? 'absent' : 'for';
}

async function isRecorded(precept: PreceptService, actor: Actor) {
  try {
    await precept.readYear(actor, TARGET);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/** Loads the worked year through the use-cases, as the office and the Panel would; a second load adds nothing. */
export async function seedDemoPrecept(precept: PreceptService, actor: Actor): Promise<string[]> {
  const offices = await precept.listOfficesFor(actor);
  if (!offices.some((office) => office.slug === TARGET.body) || (await isRecorded(precept, actor))) return [];
  await precept.proposePrecept(actor, { ...parseInput(ProposalFormSchema, PROPOSAL), illustrative: true });
  const { members } = await precept.readReportForm(actor, TARGET);
  const votes = Object.fromEntries(
    members.map((member, index) => [`vote-${member.id}`, illustrativeVote(index)]),
  );
  await precept.reportOnProposal(
    actor,
    TARGET,
    parseInput(ReportFormSchema, {
      reportedOn: '2017-02-03',
      decision: 'accept',
      summary:
        'Illustrative: the agenda pack of 16 December 2016 sets this meeting to review the proposed precept for 2017/18 with the report of the Budget Task and Finish Group; the outcome is not in the seed documents.',
      ...votes,
    }),
  );
  await precept.respondToReport(
    actor,
    TARGET,
    parseInput(ResponseFormSchema, {
      respondedOn: '2017-02-06',
      summary:
        'Illustrative: the Commissioner notes the Panel’s support and issues the precept as proposed; the seed documents do not give the response.',
    }),
  );
  await precept.issuePrecept(
    actor,
    TARGET,
    parseInput(IssueFormSchema, { final: '£170.28', issuedOn: '2017-02-10' }),
  );
  return ['1 illustrative precept year'];
}
