import { defineDomain } from '../module.ts';
import { BUDGET_COMMANDS } from './budget.cli.ts';
import { seedDemoBudget } from './budget.demo.ts';
import { BUDGET_OPENAPI } from './budget.openapi.ts';
import { budgetRoutes } from './budget.routes.ts';
import { createBudgetService } from './budget.service.ts';
import { seedDemoPrecept } from './precept.demo.ts';
import { PRECEPT_OPENAPI } from './precept.openapi.ts';
import { preceptPaths } from './precept.paths.ts';
import { PRECEPT_POLICY } from './precept.policy.ts';
import { preceptRoutes } from './precept.routes.ts';
import { createPreceptService } from './precept.service.ts';

export { budgetPaths } from './budget.paths.ts';
export type { BudgetService } from './budget.service.ts';
export type { BudgetTables } from './budget.tables.ts';
// The Panel's two-thirds vote, shared with the confirmation hearings (a chief constable's veto, Sch 8 para 5).
export {
  checkPanelVote,
  listMembersOn,
  type MemberRow,
  type PanelVoteCheck,
  withVotes,
} from './panel-vote.ts';
export { formatPence, penceField } from './precept.money.ts';
export { preceptPaths } from './precept.paths.ts';
export { describeVetoArithmetic, isVetoCarried, vetoVotesNeeded } from './precept.rules.ts';
export type { PreceptService } from './precept.service.ts';
export { type PreceptTables, VOTES, type Vote } from './precept.tables.ts';

/**
 * The precept process of each policing body (issue 15 item 2): the proposal to the Panel, its vote member by
 * member and its report, the veto counted on two-thirds of the Panel's membership at the time, the revised
 * precept after a veto and the Panel's report on it, and the precept issued; each step against its
 * statutory date (PRSRA 2011 Sch 5; SI 2012/2271 Part 2), all public, and the dates on the calendar.
 */
export const preceptDomain = defineDomain({
  name: 'precept',
  signposts: [
    {
      href: preceptPaths.money(),
      title: 'Money',
      description: 'The precept the Commissioner sets, the Panel’s vote on it, and the funds for partners.',
      position: 40,
    },
  ],
  policy: PRECEPT_POLICY,
  build: ({ db, policy, now }) => ({
    precept: createPreceptService({ db, policy, now }),
    budget: createBudgetService({ db, policy }),
  }),
  routes: ({ precept, budget }) => [preceptRoutes({ precept }), budgetRoutes({ budget })],
  openApi: [PRECEPT_OPENAPI, BUDGET_OPENAPI],
  commands: BUDGET_COMMANDS,
  // One link for the money raised and given out: the service navigation has no room for two.
  navigation: [{ href: preceptPaths.money(), text: 'Money', position: 38 }],
  deadlines: ({ precept }) => [precept.upcomingDeadlines],
  seedDemo: async ({ precept, budget }, { actor }) => ({
    loaded: [...(await seedDemoPrecept(precept, actor)), ...(await seedDemoBudget(budget, actor))],
  }),
});
