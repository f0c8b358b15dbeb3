import type { FieldError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import type { PlanVersionSeen } from './delivery.context.ts';
import type { ActionStatus, TargetKind } from './delivery.tables.ts';

// The rules a form and a file share. Each takes the names its caller gives the fields, so a form's
// mistake points at its box and a file's at its path.

export function checkActionDates(
  action: { startsOn: string; dueOn: string },
  fields: { dueOn: string },
): FieldError[] {
  if (action.dueOn >= action.startsOn) return [];
  return [
    {
      field: fields.dueOn,
      message: `The due date must be on or after the start date, ${formatDate(action.startsOn)}`,
    },
  ];
}

/**
 * New dates for an action already under way must keep what is recorded against it true: its milestones within
 * its dates and no completion before its start. (A milestone is moved first, or the dates stay.)
 */
export function checkDatesKeepRecords(
  dates: { startsOn: string; dueOn: string },
  recorded: {
    milestones: readonly { title: string; dueOn: string }[];
    history: readonly { status: ActionStatus; changedOn: string }[];
  },
  fields: { startsOn: string; dueOn: string },
): FieldError[] {
  const errors: FieldError[] = [];
  const completed = recorded.history.find((change) => change.status === 'completed');
  if (completed && completed.changedOn < dates.startsOn)
    errors.push({
      field: fields.startsOn,
      message: `The start date cannot be after the action was completed, on ${formatDate(completed.changedOn)}`,
    });
  for (const milestone of recorded.milestones)
    if (milestone.dueOn < dates.startsOn || milestone.dueOn > dates.dueOn)
      errors.push({
        field: milestone.dueOn < dates.startsOn ? fields.startsOn : fields.dueOn,
        message: `The milestone “${milestone.title}”, due on ${formatDate(milestone.dueOn)}, must stay within the action’s dates`,
      });
  return errors;
}

/** Each aim and measure must be one of the plan version's, and an action must serve at least one. */
export function checkTargets(
  version: PlanVersionSeen,
  targets: readonly { kind: TargetKind; code: string }[],
  fieldOf: (index: number | null, kind: TargetKind) => string,
): FieldError[] {
  const known = {
    aim: new Set(version.priorities.flatMap((priority) => priority.aims.map((aim) => aim.code))),
    measure: new Set(
      version.priorities.flatMap((priority) => priority.measures.map((measure) => measure.code)),
    ),
  };
  const errors: FieldError[] = [];
  if (targets.length === 0)
    errors.push({
      field: fieldOf(null, 'aim'),
      message: 'Select at least one key aim or measure the action serves',
    });
  const where = `${version.title}, version ${version.versionNumber}`;
  targets.forEach((target, index) => {
    if (!known[target.kind].has(target.code))
      errors.push({
        field: fieldOf(index, target.kind),
        message: `${target.code} is not a key ${target.kind} of ${where}`,
      });
  });
  return errors;
}

export interface StatusChange {
  status: ActionStatus;
  changedOn: string;
  evidence: string;
  recovery: string | null;
}

/**
 * A status needs its evidence, and a recovery note when off track; its date is not in the future nor before the
 * last change; and an action is not completed before it started.
 */
export function checkStatus(
  change: StatusChange,
  context: { today: string; startsOn: string; lastOn: string | null },
  fields: { changedOn: string; evidence: string; recovery: string },
): FieldError[] {
  const errors: FieldError[] = [];
  if (!change.evidence.trim())
    errors.push({
      field: fields.evidence,
      message: 'Enter the evidence for the status: no status without evidence',
    });
  if (change.status === 'off-track' && !change.recovery?.trim())
    errors.push({ field: fields.recovery, message: 'Enter how the action will be brought back on track' });
  if (change.changedOn > context.today)
    errors.push({ field: fields.changedOn, message: 'The date of the status cannot be in the future' });
  else if (context.lastOn !== null && change.changedOn < context.lastOn)
    errors.push({
      field: fields.changedOn,
      message: `The date of the status cannot be before the last change, on ${formatDate(context.lastOn)}`,
    });
  else if (change.status === 'completed' && change.changedOn < context.startsOn)
    errors.push({
      field: fields.changedOn,
      message: `An action cannot be completed before it started, on ${formatDate(context.startsOn)}`,
    });
  return errors;
}

/** A milestone falls within its action's dates and is not met in the future. */
export function checkMilestone(
  milestone: { dueOn: string; completedOn: string | null },
  context: { today: string; startsOn: string; dueOn: string },
  fields: { dueOn: string; completedOn: string },
): FieldError[] {
  const errors: FieldError[] = [];
  if (milestone.dueOn < context.startsOn || milestone.dueOn > context.dueOn)
    errors.push({
      field: fields.dueOn,
      message: `The milestone’s due date must be within the action’s dates, ${formatDate(context.startsOn)} to ${formatDate(context.dueOn)}`,
    });
  if (milestone.completedOn !== null && milestone.completedOn > context.today)
    errors.push({
      field: fields.completedOn,
      message: 'The date the milestone was met cannot be in the future',
    });
  return errors;
}
