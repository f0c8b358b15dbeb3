import { csvColumns } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs, plural } from '../../kernel/formats/words.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { PageModel } from '../../kernel/http/views.ts';
import { scorecardPaths } from '../judgements/index.ts';
import { planPaths } from '../plans/index.ts';
import type { ActionAnswer, ActionRecord, PlanVersionSeen } from './delivery.context.ts';
import { deliveryPaths as paths } from './delivery.paths.ts';
import type { DeliveryPlanRow } from './delivery.queries.ts';
import { keyOf, type ListedAction } from './delivery.read.ts';
import {
  ACTION_STATUSES,
  type ActionStatus,
  DELIVERY_OWNERS,
  type DeliveryOwner,
} from './delivery.tables.ts';

export const OWNER_LABELS: Record<DeliveryOwner, string> = {
  opcc: 'Office of the Police and Crime Commissioner',
  force: 'The force',
};

export const STATUS_LABELS: Record<ActionStatus, { text: string; tag: string }> = {
  'not-started': { text: 'Not started', tag: 'govuk-tag--grey' },
  'on-track': { text: 'On track', tag: 'govuk-tag--green' },
  'at-risk': { text: 'At risk', tag: 'govuk-tag--yellow' },
  'off-track': { text: 'Off track', tag: 'govuk-tag--red' },
  completed: { text: 'Completed', tag: 'govuk-tag--blue' },
  withdrawn: { text: 'Withdrawn', tag: 'govuk-tag--grey' },
};

const NO_STATUS = { text: 'No status yet', tag: 'govuk-tag--grey' };

function planLabel(plan: DeliveryPlanRow) {
  return `${plan.planTitle}, version ${plan.versionNumber}`;
}

function actionUrl(plan: DeliveryPlanRow, action: ActionRecord) {
  return paths.action({ ...keyOf(plan), ref: action.reference });
}

function toActionRow(plan: DeliveryPlanRow, action: ActionRecord) {
  return {
    reference: action.reference,
    url: actionUrl(plan, action),
    title: action.title,
    owner: action.actionOwner,
    startsOn: formatDate(action.startsOn),
    dueOn: formatDate(action.dueOn),
    overdue: action.overdue,
    status: action.status ? STATUS_LABELS[action.status] : NO_STATUS,
    statusOn: formatDate(action.statusOn),
    serves: action.targets.map((target) => target.code).join(', '),
    plan: { title: plan.title, url: paths.plan(keyOf(plan)), owner: OWNER_LABELS[plan.owner] },
  };
}

export function toListPage(
  entries: { plan: DeliveryPlanRow; actions: ActionRecord[] }[],
  access: { canManage: boolean },
) {
  return {
    pageTitle: 'Delivery plans',
    plans: entries.map(({ plan, actions }) => ({
      url: paths.plan(keyOf(plan)),
      title: plan.title,
      plan: planLabel(plan),
      owner: OWNER_LABELS[plan.owner],
      actions: actions.length,
      completed: actions.filter((action) => action.status === 'completed').length,
      overdue: actions.filter((action) => action.overdue).length,
      atRisk: actions.filter((action) => action.atRisk).length,
      published: plan.publishedOn ? formatDate(plan.publishedOn) : null,
    })),
    canManage: access.canManage,
    links: { add: paths.add(), overdue: paths.overdue(), atRisk: paths.atRisk(), json: paths.apiList() },
  };
}
export type ListPageModel = PageModel & ReturnType<typeof toListPage>;

export function toActionListPage(kind: 'overdue' | 'at-risk', listed: ListedAction[]) {
  return {
    pageTitle: kind === 'overdue' ? 'Overdue delivery actions' : 'Delivery actions at risk or off track',
    kind,
    rows: listed.map(({ plan, action }) => ({
      ...toActionRow(plan, action),
      recovery: action.history.at(-1)?.recovery ?? null,
    })),
    links: { list: paths.list() },
  };
}
export type ActionListPageModel = PageModel & ReturnType<typeof toActionListPage>;

/** What each aim and measure code of the plan version says, for the pages that name them. */
function targetTexts(version: PlanVersionSeen | null) {
  const texts = new Map<string, string>();
  for (const priority of version?.priorities ?? []) {
    for (const aim of priority.aims) texts.set(`aim:${aim.code}`, aim.text);
    for (const measure of priority.measures) texts.set(`measure:${measure.code}`, measure.text);
  }
  return texts;
}

export function toPlanPage(
  read: {
    plan: DeliveryPlanRow;
    actions: ActionRecord[];
    version: PlanVersionSeen | null;
    canManage: boolean;
  },
  problem?: FormProblem,
) {
  const { plan, actions } = read;
  const key = keyOf(plan);
  return {
    pageTitle: plan.title,
    plan: {
      title: plan.title,
      owner: OWNER_LABELS[plan.owner],
      planLabel: planLabel(plan),
      planUrl: planPaths.plan({ slug: plan.planSlug }),
      summary: paragraphs(plan.summary),
      published: plan.publishedOn ? formatDate(plan.publishedOn) : null,
    },
    counts: {
      actions: plural(actions.length, 'action'),
      overdue: actions.filter((action) => action.overdue).length,
      atRisk: actions.filter((action) => action.atRisk).length,
      completed: actions.filter((action) => action.status === 'completed').length,
    },
    rows: actions.map((action) => toActionRow(plan, action)),
    canManage: read.canManage,
    errorList: problem?.errorList,
    links: {
      list: paths.list(),
      matrix: paths.matrix(key),
      csv: paths.planCsv(key),
      json: paths.planJson(key),
      api: paths.apiPlan(key),
      addAction: paths.addAction(key),
      publish: paths.publish(key),
    },
  };
}
export type PlanPageModel = PageModel & ReturnType<typeof toPlanPage>;

/** The aims × actions view: a row per key aim and measure, a column per action, a mark where one serves the other. */
export function toMatrixPage(read: {
  plan: DeliveryPlanRow;
  actions: ActionRecord[];
  version: PlanVersionSeen | null;
}) {
  const { plan, actions } = read;
  const rows = (read.version?.priorities ?? []).flatMap((priority) =>
    [
      ...priority.aims.map((aim) => ({ kind: 'aim' as const, code: aim.code, text: aim.text })),
      ...priority.measures.map((measure) => ({
        kind: 'measure' as const,
        code: measure.code,
        text: measure.text,
      })),
    ].map((target) => {
      const serving = actions.filter((action) =>
        action.targets.some((each) => each.kind === target.kind && each.code === target.code),
      );
      return {
        ...target,
        kindLabel: target.kind === 'aim' ? 'Key aim' : 'Measure',
        priority: `${priority.code} ${priority.title}`,
        cells: actions.map((action) => serving.includes(action)),
        count: serving.length,
      };
    }),
  );
  return {
    pageTitle: `Aims and actions: ${plan.title}`,
    plan: { title: plan.title, planLabel: planLabel(plan), url: paths.plan(keyOf(plan)) },
    actions: actions.map((action) => ({
      reference: action.reference,
      title: action.title,
      url: actionUrl(plan, action),
    })),
    rows,
    unserved: rows.filter((row) => row.count === 0).length,
  };
}
export type MatrixPageModel = PageModel & ReturnType<typeof toMatrixPage>;

export type ActionFormName = 'status' | 'milestone';

export function toActionPage(
  read: {
    plan: DeliveryPlanRow;
    action: ActionRecord;
    version: PlanVersionSeen | null;
    canManage: boolean;
    answers: ActionAnswer[];
  },
  problem?: { form: ActionFormName } & FormProblem,
) {
  const { plan, action } = read;
  const texts = targetTexts(read.version);
  const target = { ...keyOf(plan), ref: action.reference };
  return {
    pageTitle: `${action.reference}: ${action.title}`,
    action: {
      ...toActionRow(plan, action),
      description: paragraphs(action.description),
      completedOn: formatDate(action.completedOn),
      serves: action.targets.map((each) => ({
        kind: each.kind === 'aim' ? 'Key aim' : 'Measure',
        code: each.code,
        text: texts.get(`${each.kind}:${each.code}`) ?? null,
        url: each.kind === 'measure' ? scorecardPaths.measure({ code: each.code }) : null,
      })),
      milestones: action.milestones.map((milestone) => ({
        title: milestone.title,
        dueOn: formatDate(milestone.dueOn),
        completedOn: formatDate(milestone.completedOn),
      })),
      history: [...action.history].reverse().map((status) => ({
        status: STATUS_LABELS[status.status],
        on: formatDate(status.changedOn),
        evidence: paragraphs(status.evidence),
        recovery: paragraphs(status.recovery),
        by: status.recordedBy,
      })),
    },
    answers: read.answers.map(({ text, url }) => ({ text, url })),
    plan: { title: plan.title, url: paths.plan(keyOf(plan)), planLabel: planLabel(plan) },
    statuses: ACTION_STATUSES.map((status) => ({ value: status, text: STATUS_LABELS[status].text })),
    canManage: read.canManage,
    formUrls: {
      status: paths.status(target),
      milestone: paths.milestone(target),
      edit: paths.editAction(target),
    },
    links: { json: paths.apiAction(target) },
    values: problem ? { [problem.form]: problem.values } : {},
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
  };
}
export type ActionPageModel = PageModel & ReturnType<typeof toActionPage>;

function checked(values: Record<string, unknown>, value: string) {
  const given = values.targets;
  return Array.isArray(given) ? given.includes(value) : given === value;
}

/** A recorded action as its form's boxes show it, so the change form opens filled in. */
function formValuesOf(action: ActionRecord): Record<string, unknown> {
  return {
    title: action.title,
    description: action.description ?? '',
    actionOwner: action.actionOwner,
    startsOn: action.startsOn,
    dueOn: action.dueOn,
    targets: action.targets.map((target) => `${target.kind}:${target.code}`),
  };
}

/** The form that adds an action to a delivery plan, or, given one of its actions, changes that action. */
export function toActionFormPage(
  read: { plan: DeliveryPlanRow; version: PlanVersionSeen | null; action?: ActionRecord },
  problem?: FormProblem,
) {
  const { plan, action } = read;
  const values = problem?.values ?? (action ? formValuesOf(action) : {});
  const groups = (read.version?.priorities ?? [])
    .map((priority) => ({
      legend: `${priority.code} ${priority.title}`,
      items: [
        ...priority.aims.map((aim) => ({
          value: `aim:${aim.code}`,
          text: `${aim.code} (key aim): ${aim.text}`,
        })),
        ...priority.measures.map((measure) => ({
          value: `measure:${measure.code}`,
          text: `${measure.code} (measure): ${measure.text}`,
        })),
      ].map((item) => ({ ...item, checked: checked(values, item.value) })),
    }))
    .filter((group) => group.items.length > 0);
  const target = action ? { ...keyOf(plan), ref: action.reference } : null;
  return {
    pageTitle: target ? `Change action ${target.ref}: ${plan.title}` : `Add an action: ${plan.title}`,
    heading: target ? `Change action ${target.ref}` : 'Add an action',
    reference: target?.ref ?? null,
    button: target ? 'Save changes' : 'Add action',
    back: target
      ? { text: `${target.ref}: ${action?.title}`, url: paths.action(target) }
      : { text: plan.title, url: paths.plan(keyOf(plan)) },
    plan: { title: plan.title },
    groups,
    values,
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    action: target ? paths.editAction(target) : paths.addAction(keyOf(plan)),
  };
}
export type ActionFormPageModel = PageModel & ReturnType<typeof toActionFormPage>;

export function toNewPlanPage(
  versions: { slug: string; title: string; versionNumber: number }[],
  problem?: FormProblem,
) {
  const values = problem?.values ?? {};
  return {
    pageTitle: 'Start a delivery plan',
    versions: [
      { value: '', text: 'Select the plan version' },
      ...versions.map((version) => {
        const value = `${version.slug}/${version.versionNumber}`;
        return {
          value,
          text: `${version.title}, version ${version.versionNumber}`,
          selected: values.planVersion === value,
        };
      }),
    ],
    owners: DELIVERY_OWNERS.map((owner) => ({ value: owner, text: OWNER_LABELS[owner] })),
    values,
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    action: paths.add(),
  };
}
export type NewPlanPageModel = PageModel & ReturnType<typeof toNewPlanPage>;

export function toActionJson(plan: DeliveryPlanRow, action: ActionRecord, version: PlanVersionSeen | null) {
  const texts = targetTexts(version);
  const target = { ...keyOf(plan), ref: action.reference };
  return {
    type: 'DeliveryAction' as const,
    reference: action.reference,
    url: paths.apiAction(target),
    web: paths.action(target),
    title: action.title,
    description: action.description,
    owner: action.actionOwner,
    startsOn: action.startsOn,
    dueOn: action.dueOn,
    status: action.status,
    completedOn: action.completedOn,
    overdue: action.overdue,
    serves: action.targets.map((each) => ({ ...each, text: texts.get(`${each.kind}:${each.code}`) ?? null })),
    milestones: action.milestones.map(({ title, dueOn, completedOn }) => ({ title, dueOn, completedOn })),
    history: action.history.map((status) => ({
      status: status.status,
      on: status.changedOn,
      evidence: status.evidence,
      recovery: status.recovery,
      recordedBy: status.recordedBy,
    })),
  };
}

function planJsonHead(plan: DeliveryPlanRow) {
  return {
    type: 'DeliveryPlan' as const,
    url: paths.apiPlan(keyOf(plan)),
    web: paths.plan(keyOf(plan)),
    plan: { slug: plan.planSlug, title: plan.planTitle, version: plan.versionNumber },
    owner: plan.owner,
    title: plan.title,
    summary: plan.summary,
    publishedOn: plan.publishedOn,
  };
}

export function toPlanJson(read: {
  plan: DeliveryPlanRow;
  actions: ActionRecord[];
  version: PlanVersionSeen | null;
}) {
  return {
    ...planJsonHead(read.plan),
    actions: read.actions.map((action) => toActionJson(read.plan, action, read.version)),
  };
}

export function toPlanListJson(entries: { plan: DeliveryPlanRow; actions: ActionRecord[] }[]) {
  return {
    deliveryPlans: entries.map(({ plan, actions }) => ({
      ...planJsonHead(plan),
      actionCount: actions.length,
    })),
  };
}

/** One row per action: the delivery plan page's CSV. */
export const ACTIONS_CSV = csvColumns<ActionRecord>({
  reference: 'reference',
  title: 'title',
  description: 'description',
  owner: 'actionOwner',
  starts_on: 'startsOn',
  due_on: 'dueOn',
  aims: (row) =>
    row.targets
      .filter((each) => each.kind === 'aim')
      .map((each) => each.code)
      .join(' '),
  measures: (row) =>
    row.targets
      .filter((each) => each.kind === 'measure')
      .map((each) => each.code)
      .join(' '),
  status: 'status',
  status_on: 'statusOn',
  evidence: (row) => row.history.at(-1)?.evidence,
  recovery: (row) => row.history.at(-1)?.recovery,
  completed_on: 'completedOn',
  overdue: (row) => (row.overdue ? 'yes' : 'no'),
  milestones: (row) => row.milestones.length,
});

export function toImportPage(problem?: FormProblem) {
  return {
    pageTitle: 'Load a delivery plan file',
    values: problem?.values ?? {},
    problems: problem?.errors,
    errorList: problem?.errorList,
    fieldErrors: problem?.fieldErrors ?? {},
    action: paths.importFile(),
  };
}
export type ImportPageModel = PageModel & ReturnType<typeof toImportPage>;
