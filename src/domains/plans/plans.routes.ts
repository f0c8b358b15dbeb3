import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ConflictError } from '../../kernel/errors.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { plural } from '../../kernel/formats/words.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { parsePlanFile, planFileToYaml } from './plans.files.ts';
import { STEP_LABELS } from './plans.lifecycle.ts';
import { planPaths } from './plans.paths.ts';
import {
  CompareQuery,
  ImportFormSchema,
  type PlanJson,
  type PlanListJson,
  PlanSlugParams,
  PriorityEditSchema,
  StepFormSchema,
  VersionQuery,
} from './plans.schemas.ts';
import type { PlansService } from './plans.service.ts';
import { PLAN_STEPS } from './plans.tables.ts';
import {
  DIRECTION_LABELS,
  priorityFormValues,
  toChangeRows,
  toFieldIds,
  toLifecycleView,
  toTreeView,
  versionLabel,
} from './plans.view-models.ts';

const DIRECTION_OPTIONS = Object.entries(DIRECTION_LABELS).map(([value, text]) => ({ value, text }));

const VIEWS = 'plans/views';
const PUBLIC = { config: { permission: 'public' } } as const;
const EDIT = { config: { permission: 'plans:edit' } } as const;

/** Plans: public reading (the plan, its priorities, versions and coverage), files, API, and the OPCC's editing. */
export function plansRoutes(deps: { plans: PlansService }): FastifyPluginAsync {
  const { plans } = deps;
  const stepOptions = PLAN_STEPS.map((step) => ({ value: step, text: STEP_LABELS[step] }));

  async function renderPlan(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { slug } = parseInput(PlanSlugParams, request.params);
    const { version } = parseInput(VersionQuery, request.query);
    const read = await plans.readPlan(request.actor, slug, version);
    return reply.render(`${VIEWS}/plan.njk`, {
      pageTitle: read.plan.title,
      plan: {
        ...read.plan,
        termStart: formatDate(read.plan.termStart),
        termEnd: formatDate(read.plan.termEnd),
      },
      version: { ...read.version, label: versionLabel(read.version) },
      isLatest: read.version.id === read.versions.filter((v) => v.state === 'issued').at(-1)?.id,
      tree: toTreeView(read.tree, slug, read.onScorecard),
      lifecycle: toLifecycleView(read.lifecycle, read.steps, read.versions),
      canEdit: read.canEdit,
      hasDraft: read.versions.some((v) => v.state === 'draft'),
      stepOptions,
      values: problem?.values ?? {},
      errorList: problem?.errorList,
      fieldErrors: problem?.fieldErrors,
    });
  }

  async function renderPriorityEdit(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { slug } = parseInput(PlanSlugParams, request.params);
    const { code } = request.params as { code: string };
    const current = await plans.readPlan(request.actor, slug);
    if (!current.versions.some((version) => version.state === 'draft')) {
      return reply.code(409).render('pages/error.njk', {
        pageTitle: 'This version cannot change',
        paragraphs: [
          'Issued versions never change. Start a variation from the plan page, then edit its draft.',
        ],
      });
    }
    const read = await plans.readPlan(request.actor, slug, 'draft');
    const priority = read.tree.pillars
      .flatMap((pillar) => pillar.priorities)
      .find((candidate) => candidate.code === code);
    if (!priority) return reply.callNotFound();
    return reply.render(`${VIEWS}/priority-edit.njk`, {
      pageTitle: `Edit ${priority.title}`,
      plan: read.plan,
      priority: priorityFormValues(priority, problem?.values),
      directionOptions: DIRECTION_OPTIONS,
      errorList: problem?.errorList,
      fieldErrors: problem?.fieldErrors,
    });
  }

  async function renderImport(_request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    return reply.render(`${VIEWS}/import.njk`, {
      pageTitle: 'Load a plan file',
      values: problem?.values ?? {},
      problems: problem?.errors,
      errorList: problem?.errorList,
      fieldErrors: problem?.fieldErrors,
    });
  }

  return async (app) => {
    app.get(planPaths.list.pattern, PUBLIC, async (request, reply) => {
      const entries = await plans.listPlans(request.actor);
      return reply.render(`${VIEWS}/plans.njk`, {
        pageTitle: 'Police and Crime Plans',
        plans: entries.map(({ plan, versions }) => ({
          slug: plan.slug,
          title: plan.title,
          author: `${plan.authorName}, ${plan.authorOffice}`,
          term: `${formatDate(plan.termStart)} to ${formatDate(plan.termEnd)}`,
          latest: versions.at(-1) ? versionLabel(versions.at(-1) as (typeof versions)[number]) : '',
        })),
      });
    });

    app.get(planPaths.plan.pattern, PUBLIC, (request, reply) => renderPlan(request, reply));

    app.get(planPaths.priority.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const { code } = request.params as { code: string };
      const { version } = parseInput(VersionQuery, request.query);
      const read = await plans.readPlan(request.actor, slug, version);
      const tree = toTreeView(read.tree, slug, read.onScorecard);
      const pillar = tree.pillars.find((candidate) =>
        candidate.priorities.some((priority) => priority.code === code),
      );
      const priority = pillar?.priorities.find((candidate) => candidate.code === code);
      if (!pillar || !priority) return reply.callNotFound();
      const linked = read.tree.linkedItems.filter((item) => item.priorities.includes(code));
      return reply.render(`${VIEWS}/priority.njk`, {
        pageTitle: priority.title,
        plan: read.plan,
        version: { ...read.version, label: versionLabel(read.version) },
        pillar,
        priority,
        linked,
        canEdit: read.canEdit,
      });
    });

    app.get(planPaths.priorityEdit.pattern, EDIT, async (request, reply) =>
      renderPriorityEdit(request, reply),
    );

    app.post(
      planPaths.priorityEdit.pattern,
      EDIT,
      formRoute({
        schema: PriorityEditSchema,
        act: async (input, request) => {
          const { slug } = parseInput(PlanSlugParams, request.params);
          const { code } = request.params as { code: string };
          await plans.editDraftPriority(request.actor, slug, code, input, request.id);
          return { slug, code };
        },
        redirectTo: (params) => planPaths.priority(params, { version: 'draft' }),
        render: renderPriorityEdit,
        summarise: toFieldIds,
      }),
    );

    app.get(planPaths.versions.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const read = await plans.readPlan(request.actor, slug);
      const versions = read.versions.map((version) => ({
        number: version.number,
        label: versionLabel(version),
      }));
      return reply.render(`${VIEWS}/versions.njk`, {
        pageTitle: `Versions of ${read.plan.title}`,
        plan: read.plan,
        versions,
        options: versions.map((version) => ({ value: version.number, text: version.label })),
      });
    });

    app.get(planPaths.compare.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const { from, to } = parseInput(CompareQuery, request.query);
      const result = await plans.compareVersions(request.actor, slug, from, to);
      return reply.render(`${VIEWS}/compare.njk`, {
        pageTitle: `Changes from version ${from} to version ${to}`,
        plan: result.plan,
        from: versionLabel(result.from),
        to: versionLabel(result.to),
        rows: toChangeRows(result.changes),
      });
    });

    app.get(planPaths.coverage.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const report = await plans.coverageReport(request.actor, slug);
      return reply.render(`${VIEWS}/coverage.njk`, {
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
      });
    });

    for (const [format, exportPath] of [
      ['yaml', planPaths.exportYaml],
      ['json', planPaths.exportJson],
    ] as const) {
      app.get(exportPath.pattern, PUBLIC, async (request, reply) => {
        const { slug } = parseInput(PlanSlugParams, request.params);
        const { version } = parseInput(VersionQuery, request.query);
        const file = await plans.exportPlanFile(request.actor, slug, version);
        const body = format === 'yaml' ? planFileToYaml(file) : JSON.stringify(file, null, 2);
        return sendDownload(reply, { name: slug, format, body });
      });
    }

    app.get(planPaths.apiList.pattern, PUBLIC, async (request): Promise<z.input<typeof PlanListJson>> => {
      const entries = await plans.listPlans(request.actor);
      return {
        plans: entries.map(({ plan, versions }) => ({
          id: plan.id,
          slug: plan.slug,
          title: plan.title,
          authorName: plan.authorName,
          authorOffice: plan.authorOffice,
          termStart: plan.termStart,
          termEnd: plan.termEnd,
          versions: versions.map(({ number, state, issuedOn }) => ({ number, state, issuedOn })),
          url: planPaths.apiPlan({ slug: plan.slug }),
        })),
      };
    });

    app.get(planPaths.apiPlan.pattern, PUBLIC, async (request): Promise<z.input<typeof PlanJson>> => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const { version } = parseInput(VersionQuery, request.query);
      const read = await plans.readPlan(request.actor, slug, version);
      return {
        id: read.plan.id,
        slug: read.plan.slug,
        title: read.plan.title,
        authorName: read.plan.authorName,
        authorOffice: read.plan.authorOffice,
        termStart: read.plan.termStart,
        termEnd: read.plan.termEnd,
        electionDate: read.plan.electionDate,
        version: { number: read.version.number, state: read.version.state, issuedOn: read.version.issuedOn },
        issueDeadline: read.lifecycle.issueDeadline,
        pillars: read.tree.pillars,
        linkedItems: read.tree.linkedItems,
      };
    });

    app.post(
      planPaths.steps.pattern,
      EDIT,
      formRoute({
        schema: StepFormSchema,
        act: async (form, request) => {
          const { slug } = parseInput(PlanSlugParams, request.params);
          const documents = form.documentUrl
            ? [{ title: form.documentTitle || form.documentUrl, url: form.documentUrl }]
            : [];
          const step = { step: form.step, occurredOn: form.occurredOn, note: form.note, documents };
          await plans.recordStep(request.actor, slug, step, request.id);
          return slug;
        },
        redirectTo: (slug) => `${planPaths.plan({ slug })}#lifecycle`,
        render: renderPlan,
      }),
    );

    app.post(planPaths.variations.pattern, EDIT, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const { versionNumber } = await plans.startVariation(request.actor, slug, request.id);
      return reply.redirect(planPaths.plan({ slug }, { version: versionNumber }), 303);
    });

    app.get(planPaths.import.pattern, EDIT, async (request, reply) => renderImport(request, reply));

    app.post(
      planPaths.import.pattern,
      EDIT,
      formRoute({
        schema: ImportFormSchema,
        act: async ({ content }, request) => {
          const file = parsePlanFile(content, 'content');
          await plans.importPlanFile(request.actor, file, request.id);
          return file.plan.slug;
        },
        redirectTo: (slug) => planPaths.versions({ slug }),
        render: renderImport,
        refusal: (error) =>
          error instanceof ConflictError ? [{ field: 'plan', message: error.message }] : undefined,
        // One line in the summary points at the box; the page lists every problem of the file under it.
        summarise: (errors) => [
          {
            field: 'content',
            message: `The file has ${plural(errors.length, 'problem')}: see the list below`,
          },
        ],
      }),
    );
  };
}
