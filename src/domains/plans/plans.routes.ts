import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ConflictError } from '../../kernel/errors.ts';
import { plural } from '../../kernel/formats/words.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
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
  PriorityParams,
  StatutoryEditSchema,
  StepFormSchema,
  VersionQuery,
} from './plans.schemas.ts';
import type { PlansService } from './plans.service.ts';
import { PLAN_STEPS } from './plans.tables.ts';
import {
  toComparePage,
  toCoveragePage,
  toFieldIds,
  toImportPage,
  toPlanListPage,
  toPlanPage,
  toPriorityEditPage,
  toPriorityPage,
  toStatutoryEditPage,
  toVersionsPage,
} from './plans.view-models.ts';
import { planViews } from './plans.views.ts';

const EDIT = requires('plans:edit');

const STEP_OPTIONS = PLAN_STEPS.map((step) => ({ value: step, text: STEP_LABELS[step] }));

type Deps = { plans: PlansService };

/** Plans: public reading (the plan, its priorities, versions and coverage), files, API, and the OPCC's editing. */
export function plansRoutes(deps: Deps): FastifyPluginAsync {
  return routeGroups(readingRoutes(deps), editingRoutes(deps), fileAndApiRoutes(deps));
}

/** Reads the plan a request names, at the version its query asks for. */
function readRequestedPlan(plans: PlansService, request: FastifyRequest) {
  const { slug } = parseInput(PlanSlugParams, request.params);
  const { version } = parseInput(VersionQuery, request.query);
  return plans.readPlan(request.actor, slug, version);
}

async function renderPlan(
  plans: PlansService,
  request: FastifyRequest,
  reply: FastifyReply,
  problem?: FormProblem,
) {
  const read = await readRequestedPlan(plans, request);
  return reply.render(planViews.plan, toPlanPage(read, STEP_OPTIONS, problem));
}

function readingRoutes({ plans }: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get(planPaths.list.pattern, PUBLIC, async (request, reply) =>
      reply.render(planViews.list, toPlanListPage(await plans.listPlans(request.actor))),
    );

    app.get(planPaths.plan.pattern, PUBLIC, (request, reply) => renderPlan(plans, request, reply));

    app.get(planPaths.priority.pattern, PUBLIC, async (request, reply) => {
      const { code } = parseInput(PriorityParams, request.params);
      const page = toPriorityPage(await readRequestedPlan(plans, request), code);
      return page ? reply.render(planViews.priority, page) : reply.callNotFound();
    });

    app.get(planPaths.versions.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      return reply.render(planViews.versions, toVersionsPage(await plans.readPlan(request.actor, slug)));
    });

    app.get(planPaths.compare.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const { from, to } = parseInput(CompareQuery, request.query);
      const result = await plans.compareVersions(request.actor, slug, from, to);
      return reply.render(planViews.compare, toComparePage(result, from, to));
    });

    app.get(planPaths.coverage.pattern, PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      return reply.render(
        planViews.coverage,
        toCoveragePage(await plans.coverageReport(request.actor, slug)),
      );
    });
  };
}

/**
 * The plan's draft for an edit form, or undefined once a 409 page has explained that issued versions never
 * change (the plan has no draft).
 */
async function readDraftOrExplain(plans: PlansService, request: FastifyRequest, reply: FastifyReply) {
  const { slug } = parseInput(PlanSlugParams, request.params);
  const current = await plans.readPlan(request.actor, slug);
  if (current.versions.some((version) => version.state === 'draft'))
    return plans.readPlan(request.actor, slug, 'draft');
  await reply.code(409).render('pages/error.njk', {
    pageTitle: 'This version cannot change',
    paragraphs: ['Issued versions never change. Start a variation from the plan page, then edit its draft.'],
  });
  return undefined;
}

function editingRoutes({ plans }: Deps): FastifyPluginAsync {
  async function renderPriorityEdit(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { code } = parseInput(PriorityParams, request.params);
    const draft = await readDraftOrExplain(plans, request, reply);
    if (!draft) return reply;
    const page = toPriorityEditPage(draft, code, problem);
    return page ? reply.render(planViews.priorityEdit, page) : reply.callNotFound();
  }

  async function renderStatutoryEdit(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const draft = await readDraftOrExplain(plans, request, reply);
    return draft ? reply.render(planViews.statutoryEdit, toStatutoryEditPage(draft, problem)) : reply;
  }

  const renderImport = async (_request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(planViews.import, toImportPage(problem));

  return async (app) => {
    app.get(planPaths.priorityEdit.pattern, EDIT, (request, reply) => renderPriorityEdit(request, reply));

    app.post(
      planPaths.priorityEdit.pattern,
      EDIT,
      formRoute({
        schema: PriorityEditSchema,
        act: async (input, request) => {
          const { slug, code } = parseInput(PriorityParams, request.params);
          await plans.editDraftPriority(request.actor, slug, code, input, request.id);
          return { slug, code };
        },
        redirectTo: (params) => planPaths.priority(params, { version: 'draft' }),
        render: renderPriorityEdit,
        summarise: toFieldIds,
      }),
    );

    app.get(planPaths.statutoryEdit.pattern, EDIT, (request, reply) => renderStatutoryEdit(request, reply));

    app.post(
      planPaths.statutoryEdit.pattern,
      EDIT,
      formRoute({
        schema: StatutoryEditSchema,
        act: async (input, request) => {
          const { slug } = parseInput(PlanSlugParams, request.params);
          await plans.editDraftStatutory(request.actor, slug, input, request.id);
          return slug;
        },
        redirectTo: (slug) => `${planPaths.plan({ slug }, { version: 'draft' })}#statutory`,
        render: renderStatutoryEdit,
      }),
    );

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
        render: (request, reply, problem) => renderPlan(plans, request, reply, problem),
      }),
    );

    app.post(planPaths.variations.pattern, EDIT, async (request, reply) => {
      const { slug } = parseInput(PlanSlugParams, request.params);
      const { versionNumber } = await plans.startVariation(request.actor, slug, request.id);
      return reply.redirect(planPaths.plan({ slug }, { version: versionNumber }), 303);
    });

    app.get(planPaths.import.pattern, EDIT, (request, reply) => renderImport(request, reply));

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

function fileAndApiRoutes({ plans }: Deps): FastifyPluginAsync {
  return async (app) => {
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
      const read = await readRequestedPlan(plans, request);
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
        statutoryContents: read.tree.statutory,
        statutoryGaps: read.statutoryGaps,
      };
    });
  };
}
