import type { Actor } from '../../kernel/auth/actor.ts';
import type { Deadline } from '../../kernel/calendar/deadlines.ts';
import { financialYearStarting, londonDateOf } from '../../kernel/calendar/index.ts';
import { ForbiddenError } from '../../kernel/errors.ts';
import {
  canPropose,
  canReport,
  findBodyOrRefuse,
  findYearOrRefuse,
  type PreceptDeps,
  type PreceptRecord,
} from './precept.context.ts';
import { preceptPaths as paths } from './precept.paths.ts';
import {
  listMembersOn,
  listPanelMeetings,
  listPolicingBodies,
  listVotes,
  listYears,
} from './precept.queries.ts';
import { dueOn, STEP_RULES, type Step } from './precept.rules.ts';
import type { YearTarget } from './precept.schemas.ts';

/** Every policing body with the precept years recorded for it, for the index page. */
export async function listIndex(deps: PreceptDeps, actor: Actor) {
  const [bodies, years] = await Promise.all([listPolicingBodies(deps.db), listYears(deps.db)]);
  return {
    bodies: bodies.map((body) => ({ ...body, years: years.filter((year) => year.bodyId === body.id) })),
    canPropose: canPropose(deps, actor),
  };
}

/** One policing body's precept years, newest first. */
export async function readBody(deps: PreceptDeps, actor: Actor, slug: string) {
  const body = await findBodyOrRefuse(deps.db, slug);
  const years = await listYears(deps.db, body.id);
  return { body, years, canPropose: canPropose(deps, actor, body.id) };
}

/** One precept year, with its vote and what the reader may record next. */
export async function readYear(deps: PreceptDeps, actor: Actor, target: YearTarget) {
  const year = await findYearOrRefuse(deps.db, target);
  const budget = await deps.db
    .selectFrom('budgetYear')
    .select('id')
    .where('bodyId', '=', year.bodyId)
    .where('startYear', '=', year.startYear)
    .executeTakeFirst();
  return {
    year,
    hasBudget: budget !== undefined,
    membersAtDecision: year.reportedOn
      ? (await listMembersOn(deps.db, year.panelId, year.meetingOn ?? year.reportedOn)).length
      : null,
    canPropose: canPropose(deps, actor, year.bodyId),
    canReport: canReport(deps, actor, year.panelId),
  };
}

/** The recorded vote alone, for its download. */
export async function readVotes(deps: PreceptDeps, target: YearTarget) {
  const year = await findYearOrRefuse(deps.db, target);
  return { year, votes: await listVotes(deps.db, year.id) };
}

/**
 * What the Panel's report form offers: the Panel's meetings, and everyone who was a member at some time in
 * the round (from the proposal to 1 March), since who counts is settled by the meeting chosen.
 */
export async function readReportForm(deps: PreceptDeps, actor: Actor, target: YearTarget) {
  const year = await findYearOrRefuse(deps.db, target);
  if (!canReport(deps, actor, year.panelId)) throw new ForbiddenError();
  const [meetings, atProposal, atIssue] = await Promise.all([
    listPanelMeetings(deps.db, year.panelId),
    listMembersOn(deps.db, year.panelId, year.proposedOn),
    listMembersOn(deps.db, year.panelId, dueOn('issue', year.startYear)),
  ]);
  const members = [
    ...atProposal,
    ...atIssue.filter((late) => !atProposal.some((each) => each.id === late.id)),
  ];
  return { year, meetings, members: members.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')) };
}

/** A step's form for the office or the Panel, refused to anyone else. */
export async function readStepForm(
  deps: PreceptDeps,
  actor: Actor,
  target: YearTarget,
  side: 'office' | 'panel',
) {
  const year = await findYearOrRefuse(deps.db, target);
  const allowed =
    side === 'office' ? canPropose(deps, actor, year.bodyId) : canReport(deps, actor, year.panelId);
  if (!allowed) throw new ForbiddenError();
  return { year };
}

/** The offices the actor may propose a precept for. */
export async function listOfficesFor(deps: PreceptDeps, actor: Actor) {
  return (await listPolicingBodies(deps.db)).filter(
    (body) => body.panelId !== null && canPropose(deps, actor, body.id),
  );
}

/** The steps still to come of a year, by what has been recorded. */
function pendingSteps(year: PreceptRecord | Awaited<ReturnType<typeof listYears>>[number]): Step[] {
  if (year.issuedOn !== null) return [];
  const steps: Step[] = [];
  if (year.reportedOn === null) steps.push('report');
  if (year.panelDecision === 'veto') {
    if (year.respondedOn === null) steps.push('response');
    if (year.revisedReportedOn === null) steps.push('revisedReport');
  }
  return [...steps, 'issue'];
}

/**
 * For the statutory calendar (public: the precept is): each recorded year's steps still to come, and for
 * each office with a Panel and no proposal yet, the coming round's proposal, report and issue dates.
 */
export async function upcomingDeadlines(deps: PreceptDeps, _actor: Actor): Promise<Deadline[]> {
  const today = londonDateOf(deps.now());
  const thisYear = Number(today.slice(0, 4));
  const round = today <= dueOn('issue', thisYear) ? thisYear : thisYear + 1;
  const [bodies, years] = await Promise.all([listPolicingBodies(deps.db), listYears(deps.db)]);
  const deadline = (
    step: Step,
    startYear: number,
    body: { id: number; name: string; slug: string },
    url: string,
  ) => {
    const date = dueOn(step, startYear);
    return {
      uid: `precept-${body.id}-${startYear}-${step}`,
      date,
      title: `${body.name}, precept ${financialYearStarting(startYear).label}: ${STEP_RULES[step].title.toLowerCase()}`,
      basis: STEP_RULES[step].rule,
      url,
      status: date < today ? 'overdue' : null,
    };
  };
  const recorded = years.flatMap((year) =>
    pendingSteps(year).map((step) =>
      deadline(
        step,
        year.startYear,
        { id: year.bodyId, name: year.bodyName, slug: year.bodySlug },
        paths.year({ body: year.bodySlug, year: financialYearStarting(year.startYear).label }),
      ),
    ),
  );
  const coming = bodies
    .filter(
      (body) =>
        body.panelId !== null && !years.some((year) => year.bodyId === body.id && year.startYear === round),
    )
    .flatMap((body) =>
      (['proposal', 'report', 'issue'] as const).map((step) =>
        deadline(step, round, body, paths.body({ body: body.slug })),
      ),
    );
  return [...recorded, ...coming];
}
