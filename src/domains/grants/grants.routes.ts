import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../kernel/http/form-route.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { routeGroups } from '../../kernel/http/route-groups.ts';
import { nextQuestion } from './grants.applications.ts';
import { grantsPaths as paths } from './grants.paths.ts';
import {
  AnswerFormSchema,
  AwardFormSchema,
  DecisionFormSchema,
  DeclarationFormSchema,
  IdParams,
  ModerationFormSchema,
  OrganisationFormSchema,
  QuestionParams,
  ScoreFormSchema,
  StartFormSchema,
} from './grants.schemas.ts';
import type { GrantsService } from './grants.service.ts';
import {
  toApplicationJson,
  toApplicationPage,
  toAwardFormHint,
  toAwardJson,
  toAwardPage,
  toAwardsPage,
  toCheckPage,
  toOfficerListPage,
  toOrganisationFormPage,
  toOrganisationHomePage,
  toQuestionPage,
} from './grants.view-models.ts';
import { VIEWS } from './grants.views.ts';

const APPLY = requires('grants:apply');
const ASSESS = requires('grants:assess');

interface GrantsRouteDeps {
  grants: GrantsService;
}

const idOf = (request: FastifyRequest) => parseInput(IdParams, request.params).id;

/** Awards are public (recipient, amount, date, fund, purpose: nothing about any person). */
function publicRoutes({ grants }: GrantsRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(paths.awards.pattern, PUBLIC, async (_request, reply) =>
      reply.render(VIEWS.awards, toAwardsPage(await grants.listPublicAwards())),
    );
    app.get(paths.award.pattern, PUBLIC, async (request, reply) =>
      reply.render(VIEWS.award, toAwardPage(await grants.readPublicAward(idOf(request)))),
    );
    app.get(paths.apiAwards.pattern, PUBLIC, async () => ({
      awards: (await grants.listPublicAwards()).map(toAwardJson),
    }));
  };
}

/** The applicant's pages: their organisation, its applications, one question a page, check and submit. */
function applicantRoutes({ grants }: GrantsRouteDeps): FastifyPluginAsync {
  const renderHome = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      VIEWS.home,
      toOrganisationHomePage(await grants.readOrganisationHome(request.actor), problem),
    );
  const renderOrganisation = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(
      VIEWS.organisationForm,
      toOrganisationFormPage(await grants.readOrganisation(request.actor), problem),
    );
  const renderQuestion = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const { id, question } = parseInput(QuestionParams, request.params);
    return reply.render(
      VIEWS.question,
      toQuestionPage(await grants.readDraft(request.actor, id), question, problem),
    );
  };
  const renderCheck = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) =>
    reply.render(VIEWS.check, toCheckPage(await grants.readDraft(request.actor, idOf(request)), problem));

  return async (app) => {
    app.get(paths.organisation.pattern, APPLY, (request, reply) => renderHome(request, reply));
    app.get(paths.organisationDetails.pattern, APPLY, (request, reply) => renderOrganisation(request, reply));
    app.post(
      paths.organisationDetails.pattern,
      APPLY,
      formRoute({
        schema: OrganisationFormSchema,
        act: (form, request) => grants.saveOrganisationDetails(request.actor, form, request.id),
        redirectTo: () => paths.organisation(),
        render: renderOrganisation,
      }),
    );
    app.post(
      paths.start.pattern,
      APPLY,
      formRoute({
        schema: StartFormSchema,
        act: (form, request) => grants.startApplication(request.actor, form, request.id),
        redirectTo: (id) => paths.question({ id, question: 'project' }),
        render: renderHome,
      }),
    );
    app.get(paths.question.pattern, APPLY, (request, reply) => renderQuestion(request, reply));
    app.post(
      paths.question.pattern,
      APPLY,
      formRoute({
        schema: AnswerFormSchema,
        act: async (body, request) => {
          const { id, question } = parseInput(QuestionParams, request.params);
          await grants.answerQuestion(request.actor, id, question, body, request.id);
          const next = nextQuestion(question);
          return next ? paths.question({ id, question: next }) : paths.check({ id });
        },
        redirectTo: (url) => url,
        render: renderQuestion,
      }),
    );
    app.get(paths.check.pattern, APPLY, (request, reply) => renderCheck(request, reply));
    app.post(
      paths.check.pattern,
      APPLY,
      formRoute({
        schema: AnswerFormSchema,
        act: async (_body, request) => {
          const id = idOf(request);
          await grants.submitApplication(request.actor, id, request.id);
          return id;
        },
        redirectTo: (id) => paths.application({ id }),
        render: renderCheck,
      }),
    );
  };
}

/** One application's page, for its applicant or an officer, and the officer's forms on it. */
function applicationRoutes({ grants }: GrantsRouteDeps): FastifyPluginAsync {
  const renderApplication = async (request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) => {
    const read = await grants.readApplication(request.actor, idOf(request));
    const page = toApplicationPage(read, problem);
    const awardHint =
      page.step === 'award'
        ? toAwardFormHint(await grants.readAwardForm(request.actor, read.application.id))
        : null;
    return reply.render(VIEWS.application, { ...page, awardHint });
  };
  /** An officer's form on the application page: on success, back to the page for the next step. */
  const officerForm = <Schema extends Parameters<typeof formRoute>[0]['schema']>(
    schema: Schema,
    act: (id: number, form: ReturnType<Schema['parse']>, request: FastifyRequest) => Promise<unknown>,
  ) =>
    formRoute({
      schema,
      act: async (form, request) => {
        const id = idOf(request);
        await act(id, form as ReturnType<Schema['parse']>, request);
        return id;
      },
      redirectTo: (id) => paths.application({ id }),
      render: renderApplication,
    });

  return async (app) => {
    app.get(paths.application.pattern, requires('signed-in'), (request, reply) =>
      renderApplication(request, reply),
    );
    app.get(paths.applications.pattern, ASSESS, async (request, reply) =>
      reply.render(VIEWS.officerList, toOfficerListPage(await grants.listForOfficer(request.actor))),
    );
    app.post(
      paths.declaration.pattern,
      ASSESS,
      officerForm(DeclarationFormSchema, (id, form, request) =>
        grants.declareInterest(request.actor, id, form, request.id),
      ),
    );
    app.post(
      paths.score.pattern,
      ASSESS,
      officerForm(ScoreFormSchema, (id, form, request) =>
        grants.scoreApplication(request.actor, id, form, request.id),
      ),
    );
    app.post(
      paths.moderation.pattern,
      ASSESS,
      officerForm(ModerationFormSchema, (id, form, request) =>
        grants.moderateApplication(request.actor, id, form, request.id),
      ),
    );
    app.post(
      paths.decision.pattern,
      ASSESS,
      officerForm(DecisionFormSchema, (id, form, request) =>
        grants.decideApplication(request.actor, id, form, request.id),
      ),
    );
    app.post(
      paths.makeAward.pattern,
      ASSESS,
      officerForm(AwardFormSchema, (id, form, request) =>
        grants.makeAward(request.actor, id, form, request.id),
      ),
    );
    app.get(paths.apiApplications.pattern, ASSESS, async (request) => ({
      applications: (await grants.listForOfficer(request.actor)).map(toApplicationJson),
    }));
    app.get(paths.apiApplication.pattern, ASSESS, async (request) => {
      const read = await grants.readApplication(request.actor, idOf(request));
      return toApplicationJson(read.application);
    });
  };
}

export function grantsRoutes(deps: GrantsRouteDeps): FastifyPluginAsync {
  return routeGroups(publicRoutes(deps), applicantRoutes(deps), applicationRoutes(deps));
}
