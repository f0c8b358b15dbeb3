import { daysBetween, endOfFinancialYear, type IsoDate, londonDateOf } from '../../kernel/calendar/index.ts';
import type { StepRow, VersionRow } from './plans.queries.ts';
import { describeGapsBeforeIssue, type StatutoryGap } from './plans.statutory.ts';
import { PLAN_STEPS, type PlanStep } from './plans.tables.ts';

/** How many days before the deadline the plan page starts warning. */
export const DEADLINE_WARNING_DAYS = 60;

export const STEP_LABELS: Record<PlanStep, string> = {
  'public-consulted': 'Public and victims consulted',
  'chief-constable-consulted': 'Chief constable consulted on the draft',
  'sent-to-panel': 'Draft sent to the Police and Crime Panel',
  'panel-report-received': 'Panel’s report received',
  'response-published': 'Response to the Panel’s report published',
  issued: 'Plan issued',
  reviewed: 'Plan reviewed',
  varied: 'Plan varied',
  superseded: 'Plan superseded',
};

/** The order a new plan's steps normally take before it is issued (s. 5 and s. 28 of the 2011 Act). */
export const ROUTE_TO_ISSUE: readonly PlanStep[] = PLAN_STEPS.slice(0, PLAN_STEPS.indexOf('issued') + 1);

export interface Lifecycle {
  /** The last day the plan may be issued: the end of the financial year in which the ordinary election fell. */
  issueDeadline: IsoDate | null;
  deadlineStatus: 'met' | 'missed' | 'overdue' | 'due-soon' | 'upcoming' | null;
  daysLeft: number | null;
  warnings: string[];
  nextStep: PlanStep | null;
}

export function describeLifecycle(input: {
  electionDate: string | null;
  versions: VersionRow[];
  steps: StepRow[];
  today: IsoDate;
  /** What the draft still leaves unsaid of s7(1), for a reader who may see the draft. */
  draftGaps?: StatutoryGap[];
}): Lifecycle {
  const { versions, steps, today } = input;
  const firstIssue = versions.find((version) => version.state === 'issued');
  const issueDeadline = input.electionDate ? endOfFinancialYear(input.electionDate) : null;
  let deadlineStatus: Lifecycle['deadlineStatus'] = null;
  let daysLeft: number | null = null;
  if (issueDeadline) {
    if (firstIssue?.issuedOn) deadlineStatus = firstIssue.issuedOn <= issueDeadline ? 'met' : 'missed';
    else {
      daysLeft = daysBetween(today, issueDeadline);
      deadlineStatus = daysLeft < 0 ? 'overdue' : daysLeft <= DEADLINE_WARNING_DAYS ? 'due-soon' : 'upcoming';
    }
  }

  const warnings: string[] = [];
  const draft = versions.find((version) => version.state === 'draft');
  if (draft) {
    const consulted = steps
      .filter((step) => step.step === 'chief-constable-consulted' && step.versionId === draft.id)
      .at(-1);
    if (consulted && draft.contentChangedAt > consulted.recordedAt) {
      warnings.push(
        `The draft has changed since the chief constable was consulted on ${consulted.occurredOn}: re-consult the chief constable on the changes.`,
      );
    }
    const gaps = describeGapsBeforeIssue(input.draftGaps ?? []);
    if (gaps) warnings.push(gaps);
  }
  if (deadlineStatus === 'overdue') warnings.push(`The plan should have been issued by ${issueDeadline}.`);
  if (deadlineStatus === 'due-soon')
    warnings.push(`The plan must be issued by ${issueDeadline}: ${daysLeft} days left.`);

  const done = new Set(
    steps
      .filter((step) => !draft || step.versionId === draft.id || step.versionId === null)
      .map((step) => step.step),
  );
  const nextStep = draft ? (ROUTE_TO_ISSUE.find((step) => !done.has(step)) ?? null) : null;
  return { issueDeadline, deadlineStatus, daysLeft, warnings, nextStep };
}

export function todayInLondon(now: Date): IsoDate {
  return londonDateOf(now);
}
