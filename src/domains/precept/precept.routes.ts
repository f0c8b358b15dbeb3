import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { financialYearStarting } from '../../kernel/calendar/index.ts';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { preceptPaths as paths } from './precept.paths.ts';
import {
  BodyParams,
  IssueFormSchema,
  ProposalFormSchema,
  ReportFormSchema,
  ResponseFormSchema,
  RevisedReportFormSchema,
  YearParams,
  type YearTarget,
} from './precept.schemas.ts';
import type { PreceptService } from './precept.service.ts';
import {
  STEP_FORMS,
  type StepForm,
  toBodyPage,
  toIndexPage,
  toMoneyPage,
  toProposalPage,
  toReportFormPage,
  toStepFormPage,
  toYearJson,
  toYearPage,
  VOTE_CSV,
} from './precept.view-models.ts';
import { VIEWS } from './precept.views.ts';

const PROPOSE = requires('precept:propose');
const REPORT = requires('precept:report');

interface PreceptRouteDeps {
  precept: PreceptService;
}

/** A year's address as its page shows it, from the target the forms act on. */
const yearUrl = (target: YearTarget) =>
  paths.year({ body: target.body, year: financialYearStarting(target.year).label });

/** The public pages, the vote's CSV and the API: everything about a precept is public. */
function publicRoutes({ precept }: PreceptRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(paths.money.pattern, PUBLIC, async (_request, reply) => reply.render(VIEWS.money, toMoneyPage()));
    app.get(paths.index.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.index, toIndexPage(await precept.listIndex(request.actor))),
    );
    app.get(paths.body.pattern, PUBLIC, async (request, reply) => {
      const { body } = parseInput(BodyParams, request.params);
      return reply.render(VIEWS.body, toBodyPage(await precept.readBody(request.actor, body)));
    });
    app.get(paths.year.pattern, PUBLIC, async (request, reply) => {
      const target = parseInput(YearParams, request.params);
      return reply.render(VIEWS.year, toYearPage(await precept.readYear(request.actor, target)));
    });
    app.get(paths.votesCsv.pattern, PUBLIC, async (request, reply) => {
      const target = parseInput(YearParams, request.params);
      const { year, votes } = await precept.readVotes(target);
      const label = financialYearStarting(year.startYear).label;
      const rows = votes.map((vote) => ({ ...vote, body: year.bodyName, year: label }));
      return sendDownload(reply, {
        name: `precept-vote-${year.bodySlug}-${label}`,
        format: 'csv',
        body: toCsv(rows, VOTE_CSV),
      });
    });
    app.get(paths.apiBody.pattern, PUBLIC, async (request) => {
      const { body } = parseInput(BodyParams, request.params);
      const read = await precept.readBody(request.actor, body);
      const years = await Promise.all(
        read.years.map((year) =>
          precept
            .readYear(request.actor, { body, year: year.startYear })
            .then((each) => toYearJson(each.year)),
        ),
      );
      return { organization: { slug: read.body.slug, name: read.body.name }, precepts: years };
    });
    app.get(paths.apiYear.pattern, PUBLIC, async (request) => {
      const target = parseInput(YearParams, request.params);
      return toYearJson((await precept.readYear(request.actor, target)).year);
    });
  };
}

type StepChange<Schema extends z.ZodType> = (
  actor: Actor,
  target: YearTarget,
  form: z.infer<Schema>,
  requestId?: string,
) => Promise<unknown>;

/** The forms that record each step, each on its own page: the office's and the Panel's. */
function formRoutes({ precept }: PreceptRouteDeps): FastifyPluginAsync {
  const renderProposal = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.proposal, toProposalPage(await precept.listOfficesFor(request.actor), problem));

  const renderReport = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const target = parseInput(YearParams, request.params);
    return reply.render(
      VIEWS.report,
      toReportFormPage(await precept.readReportForm(request.actor, target), problem),
    );
  };

  const renderStep =
    (step: StepForm) => async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
      const target = parseInput(YearParams, request.params);
      const side = step === 'revisedReport' ? 'panel' : 'office';
      const { year } = await precept.readStepForm(request.actor, target, side);
      return reply.render(VIEWS.step, toStepFormPage(step, year, problem));
    };

  function stepForm<Schema extends z.ZodType>(
    schema: Schema,
    change: StepChange<Schema>,
    render: (request: FastifyRequest, reply: FastifyReply, problem: FormProblem) => Promise<unknown>,
  ) {
    return formRoute({
      schema,
      act: async (input, request) => {
        const target = parseInput(YearParams, request.params);
        await change(request.actor, target, input, request.id);
        return target;
      },
      redirectTo: yearUrl,
      render,
    });
  }

  return async (app) => {
    app.get(paths.add.pattern, PROPOSE, (request, reply) => renderProposal(request, reply));
    app.post(
      paths.add.pattern,
      PROPOSE,
      formRoute({
        schema: ProposalFormSchema,
        act: (input, request) => precept.proposePrecept(request.actor, input, request.id),
        redirectTo: yearUrl,
        render: renderProposal,
      }),
    );
    app.get(paths.report.pattern, REPORT, (request, reply) => renderReport(request, reply));
    app.post(
      paths.report.pattern,
      REPORT,
      stepForm(ReportFormSchema, precept.reportOnProposal, renderReport),
    );
    const steps = {
      response: { permission: PROPOSE, schema: ResponseFormSchema, change: precept.respondToReport },
      revisedReport: { permission: REPORT, schema: RevisedReportFormSchema, change: precept.reportOnRevised },
      issue: { permission: PROPOSE, schema: IssueFormSchema, change: precept.issuePrecept },
    } as const;
    for (const step of Object.keys(STEP_FORMS) as StepForm[]) {
      const { permission, schema, change } = steps[step];
      const pattern = STEP_FORMS[step].path.pattern;
      app.get(pattern, permission, (request, reply) => renderStep(step)(request, reply));
      app.post(pattern, permission, stepForm(schema, change as StepChange<typeof schema>, renderStep(step)));
    }
  };
}

export function preceptRoutes(deps: PreceptRouteDeps): FastifyPluginAsync {
  return routeGroups(publicRoutes(deps), formRoutes(deps));
}
