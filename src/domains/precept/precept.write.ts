import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ConflictError, type FieldError, ValidationError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import {
  decisionDateOf,
  findYearOrRefuse,
  type PreceptDeps,
  type PreceptRecord,
  requirePropose,
  requireReport,
} from './precept.context.ts';
import {
  findYear,
  insertYear,
  listPanelMeetings,
  listPolicingBodies,
  setVotes,
  updateYear,
} from './precept.queries.ts';
import { isOnTime, revisedPreceptProblem } from './precept.rules.ts';
import type {
  IssueForm,
  ProposalForm,
  ReportForm,
  ResponseForm,
  RevisedReportForm,
  YearTarget,
} from './precept.schemas.ts';
import type { PreceptDb as Db } from './precept.tables.ts';
import { checkVote } from './precept.vote.ts';

const AUDIT = (id: number) => ({ type: 'precept_year', id });

function refuse(errors: FieldError[]): void {
  if (errors.length) throw new ValidationError(errors);
}

/** A date that must not come before an earlier step's: the message names both and the order the law sets. */
function notBefore(field: string, date: string, earlier: string | null, what: string): FieldError[] {
  if (earlier === null || date >= earlier) return [];
  return [
    {
      field,
      message: `${what} cannot be before ${formatDate(earlier)}: the steps of PRSRA 2011 Sch 5 come in order`,
    },
  ];
}

/**
 * Records the proposed precept notified to the Panel (PRSRA 2011 Sch 5 para 2), which starts the year: the
 * referendum limit of the year, last year's Band D and the council tax base go with it.
 */
export function proposePrecept(deps: PreceptDeps, actor: Actor, form: ProposalForm, requestId?: string) {
  return deps.db.transaction().execute(async (trx) => {
    const body = (await listPolicingBodies(trx)).find((each) => each.slug === form.body);
    if (!body) throw new ValidationError([{ field: 'body', message: 'Select the office' }]);
    requirePropose(deps, actor, body.id);
    if (body.panelId === null)
      refuse([
        { field: 'body', message: `${body.name} has no Police and Crime Panel to notify in its force area` },
      ]);
    if (await findYear(trx, body.id, form.year))
      refuse([{ field: 'year', message: `${body.name} already has a precept for that year` }]);
    const values = {
      bodyId: body.id,
      panelId: body.panelId as number,
      startYear: form.year,
      illustrative: form.illustrative ?? false,
      referendumLimitPence: form.referendumLimit,
      previousPence: form.previous,
      taxBaseHundredths: form.taxBase,
      proposedPence: form.proposed,
      proposedOn: form.proposedOn,
    };
    const id = await insertYear(trx, values);
    await recordChange(trx, actor, AUDIT(id), undefined, values, requestId);
    return { body: body.slug, year: form.year };
  });
}

/** The meeting of the Panel a report names, checked to be the Panel's. */
async function meetingOf(trx: Db, year: PreceptRecord, meetingId: number | null) {
  if (meetingId === null) return null;
  const meeting = (await listPanelMeetings(trx, year.panelId)).find((each) => each.id === meetingId);
  if (!meeting) refuse([{ field: 'meeting', message: `Select a meeting of ${year.panelName}` }]);
  return meeting ?? null;
}

function reportedOf(year: PreceptRecord) {
  return {
    meetingId: year.meetingId,
    panelDecision: year.panelDecision,
    vetoReason: year.vetoReason,
    reportedOn: year.reportedOn,
    reportSummary: year.reportSummary,
    votes: year.votes.map(({ memberId, vote }) => ({ memberId, vote })),
  };
}

/**
 * Records the Panel's report on the proposed precept (Sch 5 paras 3-4): its meeting, its decision and the vote
 * member by member. A veto stands only with two-thirds of the Panel's members at the time (para 4(4)); a veto
 * says whether the precept was too high or too low (reg 5(3) turns on it). It may be corrected until the
 * Commissioner responds.
 */
export function reportOnProposal(
  deps: PreceptDeps,
  actor: Actor,
  target: YearTarget,
  form: ReportForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const year = await findYearOrRefuse(trx, target);
    requireReport(deps, actor, year.panelId);
    if (year.respondedOn !== null)
      throw new ConflictError(
        'The Commissioner has responded to the Panel’s report, so it can no longer be changed',
      );
    const meeting = await meetingOf(trx, year, form.meeting);
    const decidedOn = decisionDateOf(meeting?.on ?? null, form.reportedOn);
    refuse([
      ...(meeting
        ? notBefore('meeting', meeting.on, year.proposedOn, 'The Panel’s meeting')
        : notBefore('reportedOn', form.reportedOn, year.proposedOn, 'The Panel’s report')),
      ...notBefore('reportedOn', form.reportedOn, decidedOn, 'The Panel’s report'),
      ...(form.decision === 'veto' && form.vetoReason === null
        ? [
            {
              field: 'vetoReason',
              message: 'Select whether the Panel vetoed the precept as too high or too low',
            },
          ]
        : []),
    ]);
    const votes = await checkVote(trx, year, decidedOn, form);
    const change = {
      meetingId: meeting?.id ?? null,
      panelDecision: form.decision,
      vetoReason: form.decision === 'veto' ? form.vetoReason : null,
      reportedOn: form.reportedOn,
      reportSummary: form.summary,
    };
    await updateYear(trx, year.id, change);
    await setVotes(trx, year.id, votes);
    await recordChange(trx, actor, AUDIT(year.id), reportedOf(year), { ...change, votes }, requestId);
  });
}

/**
 * Records the Commissioner's response to the Panel's report. After a veto it comes with the revised precept
 * (Sch 5 para 6(3); reg 5): lower than the proposed precept if vetoed as too high, higher if too low (reg
 * 5(3)). Without one it is the response of para 5(2), which ends the scrutiny process (para 1(2)(a)): no
 * revised precept goes with it. A veto reported after 8 February ended the process already (reg 4(2)).
 */
export function respondToReport(
  deps: PreceptDeps,
  actor: Actor,
  target: YearTarget,
  form: ResponseForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const year = await findYearOrRefuse(trx, target);
    requirePropose(deps, actor, year.bodyId);
    if (year.reportedOn === null)
      throw new ConflictError(
        'The Panel has not yet reported on the proposed precept (PRSRA 2011 Sch 5 para 3)',
      );
    if (year.revisedReportedOn !== null || year.issuedOn !== null)
      throw new ConflictError(
        year.issuedOn !== null
          ? 'The precept has been issued, so the response can no longer be changed'
          : 'The Panel has reported on the revised precept, so the response can no longer be changed',
      );
    refuse([
      ...revisedProblems(year, form),
      ...notBefore('respondedOn', form.respondedOn, year.reportedOn, 'The response'),
    ]);
    const change = {
      revisedPence: year.panelDecision === 'veto' ? form.revised : null,
      respondedOn: form.respondedOn,
      responseSummary: form.summary,
    };
    await updateYear(trx, year.id, change);
    const before = {
      revisedPence: year.revisedPence,
      respondedOn: year.respondedOn,
      responseSummary: year.responseSummary,
    };
    await recordChange(trx, actor, AUDIT(year.id), before, change, requestId);
  });
}

/** A revised precept comes with the response to a veto, and only then. */
function revisedProblems(year: PreceptRecord, form: ResponseForm): FieldError[] {
  if (year.panelDecision !== 'veto')
    return form.revised === null
      ? []
      : [
          {
            field: 'revised',
            message:
              'The Panel did not veto the proposed precept, so there is no revised precept: leave it blank (PRSRA 2011 Sch 5 para 5)',
          },
        ];
  if (year.vetoReason === null) return [];
  if (form.revised === null)
    return [{ field: 'revised', message: 'Enter the revised Band D precept (SI 2012/2271 reg 5(2))' }];
  const problem = revisedPreceptProblem(year.vetoReason, year.proposedPence, form.revised);
  return problem ? [{ field: 'revised', message: problem }] : [];
}

/** Records the Panel's report on the revised precept (reg 6); it cannot veto a second time. */
export function reportOnRevised(
  deps: PreceptDeps,
  actor: Actor,
  target: YearTarget,
  form: RevisedReportForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const year = await findYearOrRefuse(trx, target);
    requireReport(deps, actor, year.panelId);
    if (year.respondedOn === null)
      throw new ConflictError(
        'The Commissioner has not yet responded with a revised precept (SI 2012/2271 reg 5)',
      );
    refuse(notBefore('reportedOn', form.reportedOn, year.respondedOn, 'The report on the revised precept'));
    const change = { revisedReportedOn: form.reportedOn, revisedReportSummary: form.summary };
    await updateYear(trx, year.id, change);
    const before = {
      revisedReportedOn: year.revisedReportedOn,
      revisedReportSummary: year.revisedReportSummary,
    };
    await recordChange(trx, actor, AUDIT(year.id), before, change, requestId);
  });
}

/**
 * What the law says of issuing after the Panel's report. No precept before the end of the scrutiny process
 * (Sch 5 para 1): without a veto, the Commissioner's response to the Panel's report (para 1(2)(a)). After a veto the proposed precept must not be issued (para 6(2)),
 * unless the Panel reported its veto after 8 February (reg 4(2)); otherwise the response comes first.
 */
function issueProblems(year: PreceptRecord, form: IssueForm): FieldError[] {
  if (year.reportedOn === null)
    return [
      {
        field: 'issuedOn',
        message: 'The Panel has not yet reported on the proposed precept (PRSRA 2011 Sch 5 para 1)',
      },
    ];
  if (year.panelDecision !== 'veto') {
    if (year.respondedOn === null)
      return [
        {
          field: 'issuedOn',
          message:
            'The Commissioner responds to the Panel’s report before issuing the precept: the response ends the scrutiny process (PRSRA 2011 Sch 5 para 1(2)(a))',
        },
      ];
    return notBefore('issuedOn', form.issuedOn, year.respondedOn, 'The precept');
  }
  const lateVeto = !isOnTime('report', year.startYear, year.reportedOn);
  if (lateVeto) return notBefore('issuedOn', form.issuedOn, year.reportedOn, 'The precept');
  if (year.respondedOn === null)
    return [
      {
        field: 'issuedOn',
        message:
          'After a veto the Commissioner responds with a revised precept before issuing one (SI 2012/2271 reg 5)',
      },
    ];
  if (form.final === year.proposedPence)
    return [
      {
        field: 'final',
        message: 'The Panel vetoed the proposed precept, so it cannot be issued (PRSRA 2011 Sch 5 para 6(2))',
      },
    ];
  return notBefore('issuedOn', form.issuedOn, year.revisedReportedOn ?? year.respondedOn, 'The precept');
}

/** Records the precept issued for the year, the end of the process. */
export function issuePrecept(
  deps: PreceptDeps,
  actor: Actor,
  target: YearTarget,
  form: IssueForm,
  requestId?: string,
) {
  return deps.db.transaction().execute(async (trx) => {
    const year = await findYearOrRefuse(trx, target);
    requirePropose(deps, actor, year.bodyId);
    refuse(issueProblems(year, form));
    const change = { finalPence: form.final, issuedOn: form.issuedOn };
    await updateYear(trx, year.id, change);
    await recordChange(
      trx,
      actor,
      AUDIT(year.id),
      { finalPence: year.finalPence, issuedOn: year.issuedOn },
      change,
      requestId,
    );
  });
}
