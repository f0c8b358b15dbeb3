import { isDeepStrictEqual } from 'node:util';
import { recordChange } from '../../kernel/audit/audit.ts';
import { type Actor, actorLabel } from '../../kernel/auth/actor.ts';
import type { Policy } from '../../kernel/auth/policy.ts';
import { canSee } from '../../kernel/auth/visibility.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { withDeps } from '../../kernel/use-cases.ts';
import type { CoverageFile, MeasureDirection, PlanFile } from './plans.file-schema.ts';
import { describeLifecycle, ROUTE_TO_ISSUE, todayInLondon } from './plans.lifecycle.ts';
import { planPaths } from './plans.paths.ts';
import {
  deleteVersionTree,
  findPlanBySlug,
  findPlanOwnerSlugs,
  insertAims,
  insertLinkedItem,
  insertMeasures,
  insertPillar,
  insertPlan,
  insertPriority,
  insertStatutorySections,
  insertStep,
  insertVersion,
  listCoveragePoints,
  listCoverageSourcesByPlan,
  listPlans,
  listStepsByPlan,
  listVersionsByPlan,
  listVersionsByPlans,
  loadVersionTree,
  markVersionContentChanged,
  markVersionIssued,
  type PlanRow,
  type PlanValues,
  replaceCoveragePoints,
  updatePlan,
  upsertCoverageSource,
  type VersionRow,
} from './plans.queries.ts';
import { STATUTORY_SECTIONS, type StatutorySection, statutoryGaps } from './plans.statutory.ts';
import type { PlansDb as Db, PlanStep } from './plans.tables.ts';
import { diffTrees, fileFromTree, type PlanTree, treeFromFile, treeFromRows } from './plans.tree.ts';

export interface PlansDeps {
  db: Db;
  policy: Policy;
  now: () => Date;
  /** The local policing body and force area a plan file names, found through their own domains. */
  findBody(slug: string): Promise<{ id: number; slug: string; name: string } | undefined>;
  findForceArea(slug: string): Promise<{ id: number; slug: string; name: string } | undefined>;
}

/** Steps taken on the draft on its way to being issued; the rest concern an issued version. */
const DRAFT_STEPS = new Set<PlanStep>(ROUTE_TO_ISSUE);

export type PlansService = ReturnType<typeof createPlansService>;

export function createPlansService(deps: PlansDeps) {
  return withDeps(deps, {
    importPlanFile,
    recordStep,
    editDraftPriority,
    editDraftStatutory,
    startVariation,
    listPlans: listPlansForReader,
    readPlan,
    compareVersions,
    exportPlanFile,
    importCoverageFile,
    coverageReport,
    upcomingDeadlines,
  });
}

async function requirePlan(deps: PlansDeps, slug: string): Promise<PlanRow> {
  const plan = await findPlanBySlug(deps.db, slug);
  if (!plan) throw new NotFoundError(`There is no plan called ${slug}`);
  return plan;
}

function requireEdit(deps: Pick<PlansDeps, 'policy'>, actor: Actor, plan: { bodyId: number }) {
  if (!deps.policy.can(actor, 'plans:edit', { bodyId: plan.bodyId })) throw new ForbiddenError();
}

/** Drafts are restricted: people with a role on the plan's body (and administrators) may read them. */
function canReadDrafts(actor: Actor, plan: PlanRow) {
  return canSee(actor, { visibility: 'restricted', bodyId: plan.bodyId });
}

function visibleVersions(actor: Actor, plan: PlanRow, versions: VersionRow[]) {
  return canReadDrafts(actor, plan) ? versions : versions.filter((version) => version.state === 'issued');
}

async function planValues(deps: PlansDeps, file: PlanFile): Promise<PlanValues> {
  const [body, forceArea] = await Promise.all([
    deps.findBody(file.plan.body),
    deps.findForceArea(file.plan.forceArea),
  ]);
  const problems = [];
  if (!body)
    problems.push({
      field: 'plan.body',
      message: `names ${file.plan.body}, which is not a body in Peelian`,
    });
  if (!forceArea)
    problems.push({
      field: 'plan.forceArea',
      message: `names ${file.plan.forceArea}, which is not a force area in Peelian`,
    });
  if (!body || !forceArea) throw new ValidationError(problems);
  return {
    slug: file.plan.slug,
    bodyId: body.id,
    forceAreaId: forceArea.id,
    title: file.plan.title,
    authorName: file.plan.authorName,
    authorOffice: file.plan.authorOffice,
    termStart: file.plan.termStart,
    termEnd: file.plan.termEnd,
    electionDate: file.plan.electionDate ?? null,
    summary: file.plan.summary ?? null,
    sourceUrl: file.plan.sourceUrl ?? null,
  };
}

async function writeTree(trx: Db, versionId: number, tree: PlanTree) {
  const priorityIds = new Map<string, number>();
  for (const [p, pillar] of tree.pillars.entries()) {
    const pillarId = await insertPillar(trx, {
      versionId,
      code: pillar.code,
      position: p,
      title: pillar.title,
      summary: pillar.summary,
    });
    for (const [q, priority] of pillar.priorities.entries()) {
      const priorityId = await insertPriority(trx, {
        versionId,
        pillarId,
        code: priority.code,
        position: q,
        title: priority.title,
        summary: priority.summary,
      });
      priorityIds.set(priority.code, priorityId);
      await insertAims(
        trx,
        priority.aims.map((aim, position) => ({ versionId, priorityId, position, ...aim })),
      );
      await insertMeasures(
        trx,
        priority.measures.map((measure, position) => ({ versionId, priorityId, position, ...measure })),
      );
    }
  }
  for (const [position, item] of tree.linkedItems.entries()) {
    await insertLinkedItem(trx, {
      versionId,
      kind: item.kind,
      code: item.code,
      position,
      title: item.title,
      summary: item.summary,
      priorityIds: item.priorities
        .map((code) => priorityIds.get(code))
        .filter((id): id is number => id !== undefined),
    });
  }
  await insertStatutorySections(
    trx,
    tree.statutory.map((entry) => ({ versionId, ...entry })),
  );
}

/**
 * Loads a plan file as the plan's draft: a new plan, or a replacement of the current draft (for instance a
 * variation's). An issued version is never changed: without a draft, the load is refused. All or nothing,
 * audited.
 */
async function importPlanFile(deps: PlansDeps, actor: Actor, file: PlanFile, requestId?: string) {
  const values = await planValues(deps, file);
  requireEdit(deps, actor, values);
  const tree = treeFromFile(file);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await findPlanBySlug(trx, values.slug);
    const planId = existing ? existing.id : await insertPlan(trx, values);
    if (existing) await updatePlan(trx, planId, values);
    const { id: _id, ...before } = existing ?? { id: 0 };
    await recordChange(
      trx,
      actor,
      { type: 'plan', id: planId },
      existing ? before : undefined,
      values,
      requestId,
    );

    const versions = await listVersionsByPlan(trx, planId);
    const draft = versions.find((version) => version.state === 'draft');
    const now = deps.now();
    let versionId: number;
    let changes = diffTrees(emptyTree(), tree);
    if (draft) {
      const current = treeFromRows(await loadVersionTree(trx, draft.id));
      changes = diffTrees(current, tree);
      versionId = draft.id;
      if (!isDeepStrictEqual(current, tree)) {
        await deleteVersionTree(trx, versionId);
        await writeTree(trx, versionId, tree);
        await markVersionContentChanged(trx, versionId, now);
      }
    } else {
      const latest = versions.at(-1);
      if (latest) {
        throw new ConflictError(
          `Version ${latest.number} of ${values.slug} is issued and cannot change: start a variation, then load the file into its draft.`,
        );
      }
      versionId = await insertVersion(trx, planId, 1, now);
      await writeTree(trx, versionId, tree);
    }
    if (changes.length > 0 || !draft) {
      await recordChange(
        trx,
        actor,
        { type: 'plan_version', id: versionId },
        undefined,
        { planId, changes },
        requestId,
      );
    }
    return { planId, versionId, changes: changes.length };
  });
}

/**
 * Changes the draft's tree in place with `change`, which throws to refuse. Issued versions cannot change; an
 * edit that changes nothing is no write; the changes are audited as a list, like a file load.
 */
async function changeDraftTree(
  deps: PlansDeps,
  actor: Actor,
  slug: string,
  change: (tree: PlanTree) => void,
  requestId?: string,
) {
  const plan = await requirePlan(deps, slug);
  requireEdit(deps, actor, plan);
  return deps.db.transaction().execute(async (trx) => {
    const draft = (await listVersionsByPlan(trx, plan.id)).find((version) => version.state === 'draft');
    if (!draft) throw new ConflictError('Issued versions cannot change: start a variation to edit the plan');
    const before = treeFromRows(await loadVersionTree(trx, draft.id));
    const after = structuredClone(before);
    change(after);
    const changes = diffTrees(before, after);
    if (changes.length === 0) return { changes: 0 };
    await deleteVersionTree(trx, draft.id);
    await writeTree(trx, draft.id, after);
    await markVersionContentChanged(trx, draft.id, deps.now());
    await recordChange(
      trx,
      actor,
      { type: 'plan_version', id: draft.id },
      undefined,
      { planId: plan.id, changes },
      requestId,
    );
    return { changes: changes.length };
  });
}

/** Edits one priority of the draft: its title and summary, and its measures' wording and direction. */
function editDraftPriority(
  deps: PlansDeps,
  actor: Actor,
  slug: string,
  code: string,
  input: {
    title: string;
    summary: string | null;
    measures: { code: string; text: string; direction: MeasureDirection }[];
  },
  requestId?: string,
) {
  const edit = (tree: PlanTree) => {
    const priority = tree.pillars
      .flatMap((pillar) => pillar.priorities)
      .find((candidate) => candidate.code === code);
    if (!priority) throw new NotFoundError(`The draft has no priority ${code}`);
    priority.title = input.title;
    priority.summary = input.summary;
    for (const measureEdit of input.measures) {
      const measure = priority.measures.find((candidate) => candidate.code === measureEdit.code);
      if (!measure)
        throw new ValidationError([
          { field: `measures.${measureEdit.code}`, message: `is not a measure of ${code}` },
        ]);
      measure.text = measureEdit.text;
      measure.direction = measureEdit.direction;
    }
  };
  return changeDraftTree(deps, actor, slug, edit, requestId);
}

/** Writes the draft's statutory sections (s7(1)(b)-(f)): a blank section is removed, to be warned of. */
function editDraftStatutory(
  deps: PlansDeps,
  actor: Actor,
  slug: string,
  input: Record<StatutorySection, string | null>,
  requestId?: string,
) {
  const edit = (tree: PlanTree) => {
    tree.statutory = STATUTORY_SECTIONS.flatMap((section) => {
      const text = input[section];
      return text ? [{ section, text }] : [];
    });
  };
  return changeDraftTree(deps, actor, slug, edit, requestId);
}

/** Records a statutory step; "issued" makes the draft the plan's immutable issued version. */
async function recordStep(
  deps: PlansDeps,
  actor: Actor,
  slug: string,
  input: {
    step: PlanStep;
    occurredOn: string;
    note: string | null;
    documents: { title: string; url: string }[];
  },
  requestId?: string,
) {
  const plan = await requirePlan(deps, slug);
  requireEdit(deps, actor, plan);
  if (input.occurredOn > todayInLondon(deps.now()))
    throw new ValidationError([
      { field: 'occurredOn', message: 'The date of a step that has happened cannot be in the future' },
    ]);
  return deps.db.transaction().execute(async (trx) => {
    const versions = await listVersionsByPlan(trx, plan.id);
    const draft = versions.find((version) => version.state === 'draft');
    const issued = versions.filter((version) => version.state === 'issued').at(-1);
    const version = DRAFT_STEPS.has(input.step) ? draft : issued;
    if (!version) {
      throw new ValidationError([
        {
          field: 'step',
          message: DRAFT_STEPS.has(input.step)
            ? 'There is no draft to record this against: start a variation first'
            : 'The plan has not been issued yet',
        },
      ]);
    }
    if (input.step === 'issued') await markVersionIssued(trx, version.id, input.occurredOn);
    const id = await insertStep(trx, {
      planId: plan.id,
      versionId: version.id,
      ...input,
      recordedBy: actorLabel(actor),
      recordedAt: deps.now(),
    });
    await recordChange(
      trx,
      actor,
      { type: 'plan_step', id },
      undefined,
      { planId: plan.id, versionNumber: version.number, ...input },
      requestId,
    );
    return id;
  });
}

/** Starts a variation: a new draft copied from the latest issued version, which stays as it was. */
async function startVariation(deps: PlansDeps, actor: Actor, slug: string, requestId?: string) {
  const plan = await requirePlan(deps, slug);
  requireEdit(deps, actor, plan);
  return deps.db.transaction().execute(async (trx) => {
    const versions = await listVersionsByPlan(trx, plan.id);
    if (versions.some((version) => version.state === 'draft'))
      throw new ConflictError('This plan already has a draft');
    const latest = versions.at(-1);
    if (!latest) throw new NotFoundError('The plan has no version to vary');
    const versionId = await insertVersion(trx, plan.id, latest.number + 1, deps.now());
    await writeTree(trx, versionId, treeFromRows(await loadVersionTree(trx, latest.id)));
    await recordChange(
      trx,
      actor,
      { type: 'plan_version', id: versionId },
      undefined,
      { planId: plan.id, variationOf: latest.number },
      requestId,
    );
    return { versionNumber: latest.number + 1 };
  });
}

async function listPlansForReader(deps: PlansDeps, actor: Actor) {
  const plans = await listPlans(deps.db);
  const versions = await listVersionsByPlans(
    deps.db,
    plans.map((plan) => plan.id),
  );
  return plans
    .map((plan) => ({
      plan,
      versions: visibleVersions(
        actor,
        plan,
        versions.filter((version) => version.planId === plan.id),
      ),
    }))
    .filter((entry) => entry.versions.length > 0);
}

/** A plan as one reader may see it: an issued version (the latest by default), or a draft for those allowed. */
async function readPlan(deps: PlansDeps, actor: Actor, slug: string, versionNumber?: number | 'draft') {
  const plan = await requirePlan(deps, slug);
  const versions = visibleVersions(actor, plan, await listVersionsByPlan(deps.db, plan.id));
  const latestIssued = versions.filter((version) => version.state === 'issued').at(-1);
  const version =
    versionNumber === undefined
      ? (latestIssued ?? versions.at(-1))
      : versionNumber === 'draft'
        ? versions.find((candidate) => candidate.state === 'draft')
        : versions.find((candidate) => candidate.number === versionNumber);
  if (!version)
    throw new NotFoundError(
      versionNumber === undefined
        ? `There is no plan called ${slug}`
        : `Version ${versionNumber} of this plan does not exist`,
    );
  const tree = treeFromRows(await loadVersionTree(deps.db, version.id));
  // A reader who may see the draft is warned of its gaps whichever version is on the page.
  const draft = versions.find((candidate) => candidate.state === 'draft');
  const draftTree =
    draft === undefined || draft === version ? tree : treeFromRows(await loadVersionTree(deps.db, draft.id));
  const steps = canReadDrafts(actor, plan)
    ? await listStepsByPlan(deps.db, plan.id)
    : (await listStepsByPlan(deps.db, plan.id)).filter((step) =>
        versions.some((v) => v.id === step.versionId),
      );
  const today = todayInLondon(deps.now());
  const lifecycle = describeLifecycle({
    electionDate: plan.electionDate,
    versions: await listVersionsByPlan(deps.db, plan.id),
    steps,
    today,
    draftGaps: draft ? statutoryGaps(draftTree) : [],
  });
  return {
    plan,
    versions,
    version,
    tree,
    statutoryGaps: statutoryGaps(tree),
    steps,
    lifecycle,
    /** The scorecard judges the latest issued version of the plan in force today. */
    onScorecard: version === latestIssued && plan.termStart <= today && today <= plan.termEnd,
    canEdit: deps.policy.can(actor, 'plans:edit', { bodyId: plan.bodyId }),
  };
}

async function compareVersions(deps: PlansDeps, actor: Actor, slug: string, from: number, to: number) {
  const [a, b] = await Promise.all([readPlan(deps, actor, slug, from), readPlan(deps, actor, slug, to)]);
  return {
    plan: a.plan,
    from: a.version,
    to: b.version,
    changes: diffTrees(a.tree, b.tree),
    versions: a.versions,
  };
}

async function exportPlanFile(
  deps: PlansDeps,
  actor: Actor,
  slug: string,
  versionNumber?: number | 'draft',
): Promise<PlanFile> {
  const { plan, tree } = await readPlan(deps, actor, slug, versionNumber);
  const { body, forceArea } = await findPlanOwnerSlugs(deps.db, plan.id);
  return fileFromTree(
    {
      slug: plan.slug,
      title: plan.title,
      body,
      forceArea,
      authorName: plan.authorName,
      authorOffice: plan.authorOffice,
      termStart: plan.termStart,
      termEnd: plan.termEnd,
      ...(plan.electionDate ? { electionDate: plan.electionDate } : {}),
      ...(plan.summary ? { summary: plan.summary } : {}),
      ...(plan.sourceUrl ? { sourceUrl: plan.sourceUrl } : {}),
    },
    tree,
  );
}

async function importCoverageFile(deps: PlansDeps, actor: Actor, file: CoverageFile, requestId?: string) {
  const plan = await findPlanBySlug(deps.db, file.source.plan);
  if (!plan)
    throw new ValidationError([
      { field: 'source.plan', message: `names ${file.source.plan}, which is not a plan in Peelian` },
    ]);
  requireEdit(deps, actor, plan);
  return deps.db.transaction().execute(async (trx) => {
    const sourceId = await upsertCoverageSource(trx, { ...file.source, planId: plan.id });
    const before = (await listCoveragePoints(trx, [sourceId])).map(({ code, priorityCodes }) => ({
      code,
      priorityCodes,
    }));
    await replaceCoveragePoints(
      trx,
      sourceId,
      file.points.map((point) => ({
        code: point.code,
        groupTitle: point.group,
        text: point.text,
        priorityCodes: point.priorities,
      })),
    );
    const after = file.points.map((point) => ({ code: point.code, priorityCodes: point.priorities }));
    await recordChange(
      trx,
      actor,
      { type: 'coverage_source', id: sourceId },
      before.length ? { points: before } : undefined,
      { points: after },
      requestId,
    );
    return sourceId;
  });
}

/**
 * What was asked for against what the plan covers: each point with the priorities that answer it, the
 * points nothing answers, and the priorities nobody asked for.
 */
async function coverageReport(deps: PlansDeps, actor: Actor, slug: string) {
  const { plan, version, tree } = await readPlan(deps, actor, slug);
  const sources = await listCoverageSourcesByPlan(deps.db, plan.id);
  const points = await listCoveragePoints(
    deps.db,
    sources.map((source) => source.id),
  );
  const priorities = tree.pillars.flatMap((pillar) =>
    pillar.priorities.map((priority) => ({ ...priority, pillar: pillar.title })),
  );
  const titles = new Map(priorities.map((priority) => [priority.code, priority.title]));
  const asked = new Set(points.flatMap((point) => point.priorityCodes));
  return {
    plan,
    version,
    sources: sources.map((source) => {
      const own = points.filter((point) => point.sourceId === source.id);
      return {
        ...source,
        points: own.map((point) => ({
          ...point,
          covered: point.priorityCodes.some((code) => titles.has(code)),
          priorities: point.priorityCodes
            .filter((code) => titles.has(code))
            .map((code) => ({ code, title: titles.get(code) ?? code })),
        })),
      };
    }),
    unaskedPriorities: priorities.filter((priority) => !asked.has(priority.code)),
  };
}

/** Coming statutory deadlines for plans not yet issued, for the calendar. */
async function upcomingDeadlines(deps: PlansDeps, actor: Actor) {
  const today = todayInLondon(deps.now());
  const entries = await listPlansForReader(deps, actor);
  const deadlines = [];
  for (const { plan } of entries) {
    const versions = await listVersionsByPlan(deps.db, plan.id);
    const lifecycle = describeLifecycle({ electionDate: plan.electionDate, versions, steps: [], today });
    if (
      lifecycle.issueDeadline &&
      lifecycle.deadlineStatus !== 'met' &&
      lifecycle.deadlineStatus !== 'missed'
    ) {
      deadlines.push({
        date: lifecycle.issueDeadline,
        title: `Issue the Police and Crime Plan: ${plan.title}`,
        basis:
          'Police Reform and Social Responsibility Act 2011, s. 5: within the financial year of the ordinary election',
        url: planPaths.plan({ slug: plan.slug }),
        status: lifecycle.deadlineStatus,
        uid: `plan-issue-${plan.slug}`,
      });
    }
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date));
}

function emptyTree(): PlanTree {
  return { pillars: [], linkedItems: [], statutory: [] };
}
