import { formatDate } from '../../kernel/formats/dates.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import { isWebAddress } from '../../kernel/http/web-address.ts';
import type { MeasureDirection } from './plans.file-schema.ts';
import { type Lifecycle, STEP_LABELS } from './plans.lifecycle.ts';
import { planPaths } from './plans.paths.ts';
import type { StepRow, VersionRow } from './plans.queries.ts';
import type { PlansService } from './plans.service.ts';
import {
  STATUTORY_RULES,
  STATUTORY_SECTIONS,
  STATUTORY_SOURCE,
  type StatutorySection,
} from './plans.statutory.ts';
import type { PlanChange, PlanTree } from './plans.tree.ts';

type SelectOption = { value: string; text: string };

export const DIRECTION_LABELS: Record<MeasureDirection, string> = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
  'maintain-low': 'Keep low',
  neutral: 'No better direction',
};

const DIRECTION_OPTIONS = Object.entries(DIRECTION_LABELS).map(([value, text]) => ({ value, text }));

const LINKED_LABELS = {
  enabler: 'Enablers',
  'spr-threat': 'Strategic Policing Requirement',
  'national-measure': 'National Crime and Policing Measures',
} as const;

export function versionLabel(version: VersionRow): string {
  return version.state === 'issued'
    ? `Version ${version.number}, issued ${formatDate(version.issuedOn)}`
    : `Version ${version.number} (draft)`;
}

/** A plan version as its pages show it; `onScorecard` links each measure to its scorecard page. */
export function toTreeView(tree: PlanTree, planSlug: string, onScorecard = false) {
  return {
    pillars: tree.pillars.map((pillar) => ({
      ...pillar,
      priorities: pillar.priorities.map((priority) => ({
        ...priority,
        url: planPaths.priority({ slug: planSlug, code: priority.code }),
        measures: priority.measures.map((measure) => ({
          ...measure,
          scorecardUrl: onScorecard ? `/scorecard/measures/${encodeURIComponent(measure.code)}` : null,
          directionLabel: DIRECTION_LABELS[measure.direction],
        })),
      })),
    })),
    linkedGroups: (Object.keys(LINKED_LABELS) as (keyof typeof LINKED_LABELS)[])
      .map((kind) => ({
        title: LINKED_LABELS[kind],
        items: tree.linkedItems.filter((item) => item.kind === kind),
      }))
      .filter((group) => group.items.length > 0),
    counts: {
      pillars: tree.pillars.length,
      priorities: tree.pillars.reduce((sum, pillar) => sum + pillar.priorities.length, 0),
      measures: tree.pillars.reduce(
        (sum, pillar) => sum + pillar.priorities.reduce((n, priority) => n + priority.measures.length, 0),
        0,
      ),
    },
  };
}

const STATUS_TAGS: Record<NonNullable<Lifecycle['deadlineStatus']>, { text: string; colour: string }> = {
  met: { text: 'Issued in time', colour: 'green' },
  missed: { text: 'Issued late', colour: 'red' },
  overdue: { text: 'Overdue', colour: 'red' },
  'due-soon': { text: 'Due soon', colour: 'orange' },
  upcoming: { text: 'Upcoming', colour: 'blue' },
};

export function toLifecycleView(lifecycle: Lifecycle, steps: StepRow[], versions: VersionRow[]) {
  const versionNumber = new Map(versions.map((version) => [version.id, version.number]));
  return {
    deadline: lifecycle.issueDeadline ? formatDate(lifecycle.issueDeadline) : null,
    status: lifecycle.deadlineStatus ? STATUS_TAGS[lifecycle.deadlineStatus] : null,
    warnings: lifecycle.warnings,
    nextStep: lifecycle.nextStep ? STEP_LABELS[lifecycle.nextStep] : null,
    steps: steps.map((step) => ({
      label: STEP_LABELS[step.step],
      date: formatDate(step.occurredOn),
      version: step.versionId ? versionNumber.get(step.versionId) : undefined,
      note: step.note,
      // Checked again on the way out: a row written before the check, or by hand, must not become a live link.
      documents: step.documents.map((doc) => ({
        title: doc.title,
        url: isWebAddress(doc.url) ? doc.url : null,
      })),
      recordedBy: step.recordedBy,
    })),
  };
}

const CHANGE_KIND_LABELS: Record<PlanChange['kind'], string> = {
  pillar: 'Pillar',
  priority: 'Priority',
  aim: 'Key aim',
  measure: 'Measure',
  enabler: 'Enabler',
  'spr-threat': 'Strategic Policing Requirement threat',
  'national-measure': 'National measure',
  statutory: 'Section',
};

function changedElement(change: PlanChange): string {
  if (change.kind !== 'statutory') return `${CHANGE_KIND_LABELS[change.kind]} ${change.code}`;
  const rule = STATUTORY_RULES[change.code as StatutorySection];
  return `${rule.title} (${rule.citation})`;
}

export function toChangeRows(changes: PlanChange[]) {
  return changes.map((change) => [
    { text: changedElement(change) },
    { text: change.change },
    { text: change.before ?? '' },
    { text: change.after ?? '' },
  ]);
}

type EditablePriority = PlanTree['pillars'][number]['priorities'][number];

/**
 * The edit-priority form's values: the stored priority, with whatever was submitted laid over it, so a form
 * shown again after a mistake keeps what was typed.
 */
export function priorityFormValues(stored: EditablePriority, submitted: Record<string, unknown> = {}) {
  const typed = (key: string, fallback: string | null) => {
    const value = submitted[key];
    return typeof value === 'string' ? value : fallback;
  };
  return {
    ...stored,
    title: typed('title', stored.title),
    summary: typed('summary', stored.summary),
    measures: stored.measures.map((measure, index) => ({
      ...measure,
      text: typed(`measures[${index}][text]`, measure.text),
      direction: typed(`measures[${index}][direction]`, measure.direction),
    })),
  };
}

/** Field names as the form's element ids: `measures.0.text` → `measures-0-text`, so error links land. */
export function toFieldIds<Error extends { field: string }>(errors: Error[]): Error[] {
  return errors.map((error) => ({ ...error, field: error.field.replaceAll('.', '-') }));
}

type PlanRead = Awaited<ReturnType<PlansService['readPlan']>>;
type PlanEntries = Awaited<ReturnType<PlansService['listPlans']>>;
type Comparison = Awaited<ReturnType<PlansService['compareVersions']>>;
type Coverage = Awaited<ReturnType<PlansService['coverageReport']>>;

/** What a form page shows again after a mistake; nothing on its first showing. */
function formState(problem?: FormProblem) {
  return { errorList: problem?.errorList, fieldErrors: problem?.fieldErrors };
}

export function toPlanListPage(entries: PlanEntries) {
  return {
    pageTitle: 'Police and Crime Plans',
    plans: entries.map(({ plan, versions }) => {
      const latest = versions.at(-1);
      return {
        slug: plan.slug,
        title: plan.title,
        author: `${plan.authorName}, ${plan.authorOffice}`,
        term: `${formatDate(plan.termStart)} to ${formatDate(plan.termEnd)}`,
        latest: latest ? versionLabel(latest) : '',
      };
    }),
  };
}

export function toPlanPage(read: PlanRead, stepOptions: SelectOption[], problem?: FormProblem) {
  return {
    pageTitle: read.plan.title,
    plan: {
      ...read.plan,
      termStart: formatDate(read.plan.termStart),
      termEnd: formatDate(read.plan.termEnd),
    },
    version: { ...read.version, label: versionLabel(read.version) },
    isLatest: read.version.id === read.versions.filter((v) => v.state === 'issued').at(-1)?.id,
    tree: toTreeView(read.tree, read.plan.slug, read.onScorecard),
    statutory: toStatutoryView(read),
    lifecycle: toLifecycleView(read.lifecycle, read.steps, read.versions),
    canEdit: read.canEdit,
    hasDraft: read.versions.some((v) => v.state === 'draft'),
    stepOptions,
    values: problem?.values ?? {},
    ...formState(problem),
  };
}

/**
 * What s7(1) asks the plan to set out, section by section: the version's text, or why it counts as missing.
 * A draft's gaps are warnings for its editors; an issued version's are shown to everyone, as a fact about it.
 */
function toStatutoryView(read: PlanRead) {
  const gaps = new Map(read.statutoryGaps.map((gap) => [gap.section, gap.problem]));
  const written = new Map(read.tree.statutory.map((entry) => [entry.section, entry.text]));
  const rows = (['objectives', ...STATUTORY_SECTIONS] as const).map((section) => ({
    section,
    title: STATUTORY_RULES[section].title,
    citation: STATUTORY_RULES[section].citation,
    text: section === 'objectives' ? 'The priorities above.' : (written.get(section) ?? null),
    gap: gaps.get(section) ?? null,
  }));
  return {
    source: STATUTORY_SOURCE,
    rows,
    gapCount: gaps.size,
    editUrl:
      read.canEdit && read.version.state === 'draft'
        ? planPaths.statutoryEdit({ slug: read.plan.slug })
        : null,
  };
}

/** The draft's form for the statutory sections, keeping what was typed after a mistake. */
export function toStatutoryEditPage(draft: PlanRead, problem?: FormProblem) {
  const written = new Map(draft.tree.statutory.map((entry) => [entry.section, entry.text]));
  const submitted = (problem?.values ?? {}) as Record<string, unknown>;
  return {
    pageTitle: `What the plan must set out: ${draft.plan.title}`,
    plan: draft.plan,
    source: STATUTORY_SOURCE,
    sections: STATUTORY_SECTIONS.map((section) => {
      const typed = submitted[section];
      return {
        name: section,
        ...STATUTORY_RULES[section],
        value: typeof typed === 'string' ? typed : (written.get(section) ?? ''),
      };
    }),
    ...formState(problem),
  };
}

/** A priority's page, or undefined when the version has no priority with that code. */
export function toPriorityPage(read: PlanRead, code: string) {
  const tree = toTreeView(read.tree, read.plan.slug, read.onScorecard);
  const pillar = tree.pillars.find((candidate) => candidate.priorities.some((p) => p.code === code));
  const priority = pillar?.priorities.find((candidate) => candidate.code === code);
  if (!pillar || !priority) return undefined;
  return {
    pageTitle: priority.title,
    plan: read.plan,
    version: { ...read.version, label: versionLabel(read.version) },
    pillar,
    priority,
    linked: read.tree.linkedItems.filter((item) => item.priorities.includes(code)),
    canEdit: read.canEdit,
  };
}

/** The draft's edit form for one priority, or undefined when the draft has no priority with that code. */
export function toPriorityEditPage(draft: PlanRead, code: string, problem?: FormProblem) {
  const priority = draft.tree.pillars
    .flatMap((pillar) => pillar.priorities)
    .find((candidate) => candidate.code === code);
  if (!priority) return undefined;
  return {
    pageTitle: `Edit ${priority.title}`,
    plan: draft.plan,
    priority: priorityFormValues(priority, problem?.values),
    directionOptions: DIRECTION_OPTIONS,
    ...formState(problem),
  };
}

export function toImportPage(problem?: FormProblem) {
  return {
    pageTitle: 'Load a plan file',
    values: problem?.values ?? {},
    problems: problem?.errors,
    ...formState(problem),
  };
}

export function toVersionsPage(read: PlanRead) {
  const versions = read.versions.map((version) => ({ number: version.number, label: versionLabel(version) }));
  return {
    pageTitle: `Versions of ${read.plan.title}`,
    plan: read.plan,
    versions,
    options: versions.map((version) => ({ value: version.number, text: version.label })),
  };
}

export function toComparePage(result: Comparison, from: number, to: number) {
  return {
    pageTitle: `Changes from version ${from} to version ${to}`,
    plan: result.plan,
    from: versionLabel(result.from),
    to: versionLabel(result.to),
    rows: toChangeRows(result.changes),
  };
}

export function toCoveragePage(report: Coverage) {
  return {
    pageTitle: `What ${report.plan.title} covers`,
    plan: report.plan,
    version: versionLabel(report.version),
    sources: report.sources.map((source) => ({
      ...source,
      publishedOn: formatDate(source.publishedOn),
      gaps: source.points.filter((point) => !point.covered),
      coveredCount: source.points.filter((point) => point.covered).length,
    })),
    unaskedPriorities: report.unaskedPriorities,
  };
}
