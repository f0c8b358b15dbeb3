import type { Actor } from '../../kernel/auth/actor.ts';
import { type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import {
  type ComplaintsDeps,
  canManage,
  findCaseOrRefuse,
  findPanelOrRefuse,
  requireManage,
  timescalesByPanel,
} from './complaints.context.ts';
import { type CaseRow, listCases, listPanels } from './complaints.queries.ts';
import {
  type CaseFacts,
  clocksOf,
  closedOn,
  countByYear,
  countingYearOf,
  madeLate,
  retainedUntil,
  type Timescales,
} from './complaints.rules.ts';
import type { CaseFilters, CaseTarget } from './complaints.schemas.ts';

const todayOf = (deps: ComplaintsDeps) => londonDateOf(deps.now());
const factsOf = (row: CaseRow) => row as CaseFacts;

/** A case with what the rules work out from it: its time limits, whether it was made late, when it closed. */
function assess(row: CaseRow, timescales: Timescales, today: IsoDate) {
  const facts = factsOf(row);
  const clocks = clocksOf(facts, timescales, today);
  return {
    ...row,
    year: countingYearOf(facts),
    clocks,
    overdue: clocks.some((clock) => clock.state === 'overdue'),
    madeLate: madeLate(facts),
    closedOn: closedOn(facts),
    retainedUntil: retainedUntil(facts, timescales),
  };
}
export type AssessedCase = ReturnType<typeof assess>;

/** The Panels, each with its anonymised counts, for the public index. */
export async function listIndex(deps: ComplaintsDeps, actor: Actor) {
  const [panels, cases] = await Promise.all([listPanels(deps.db), listCases(deps.db)]);
  return {
    panels: panels.map((panel) => ({
      ...panel,
      years: countByYear(cases.filter((each) => each.panelId === panel.id).map(factsOf)),
      canManage: canManage(deps, actor, panel.id),
    })),
  };
}

/** One Panel's anonymised counts by year: all the public may know of its complaints. */
export async function readCounts(deps: ComplaintsDeps, actor: Actor, slug: string) {
  const panel = await findPanelOrRefuse(deps.db, slug);
  const cases = await listCases(deps.db, panel.id);
  return { panel, years: countByYear(cases.map(factsOf)), canManage: canManage(deps, actor, panel.id) };
}

/** The Panel's confidential register, filtered by year, state and subject, for its officers only. */
export async function readRegister(deps: ComplaintsDeps, actor: Actor, slug: string, filters: CaseFilters) {
  const panel = await findPanelOrRefuse(deps.db, slug);
  requireManage(deps, actor, panel.id);
  const [rows, timescalesOf] = await Promise.all([listCases(deps.db, panel.id), timescalesByPanel(deps.db)]);
  const timescales = timescalesOf(panel.id);
  const all = rows.map((row) => assess(row, timescales, todayOf(deps)));
  const cases = all.filter(
    (each) =>
      (filters.year === null || each.year === filters.year) &&
      (filters.subject === null || each.subject === filters.subject) &&
      (filters.state === null ||
        ((filters.state === 'closed' ? each.closedOn !== null : each.closedOn === null) &&
          (filters.state !== 'overdue' || each.overdue))),
  );
  return { panel, timescales, cases, years: [...new Set(all.map((each) => each.year))], filters };
}

/** One case with its time limits, for its officers only. */
export async function readCase(deps: ComplaintsDeps, actor: Actor, target: CaseTarget) {
  const { panel, row } = await findCaseOrRefuse(deps, actor, target);
  const timescales = (await timescalesByPanel(deps.db))(panel.id);
  return { panel, timescales, complaint: assess(row, timescales, todayOf(deps)) };
}

/** The Panel a new case is recorded for, refused to anyone but its officers. */
export async function readNewCaseForm(deps: ComplaintsDeps, actor: Actor, slug: string) {
  const panel = await findPanelOrRefuse(deps.db, slug);
  requireManage(deps, actor, panel.id);
  return { panel };
}
