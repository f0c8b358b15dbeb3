import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import type { RecommendationsService } from '../recommendations/recommendations.service.ts';
import {
  GroupFormSchema,
  GroupMemberFormSchema,
  GroupMemberParams,
  RecordIdParams,
} from '../scrutiny-records.schemas.ts';
import type { CommitteesService } from './committees.service.ts';
import {
  functionCheckboxes,
  GROUP_ROLE_OPTIONS,
  toGroupView,
  toMemberOptions,
} from './committees.view-models.ts';

const VIEWS = 'scrutiny/committees/views';
const MANAGE = requires('scrutiny:manage');

const groupId = (request: FastifyRequest) => parseInput(RecordIdParams, request.params).id;

/** Sub-committees and task-and-finish groups: public pages, and the scrutiny officer's form to set one up. */
export function committeesRoutes(deps: {
  committees: CommitteesService;
  recommendations: RecommendationsService;
  managedPanels: (actor: FastifyRequest['actor']) => Promise<{ slug: string; name: string }[]>;
}): FastifyPluginAsync {
  const { committees, recommendations } = deps;

  async function renderNew(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const panels = await deps.managedPanels(request.actor);
    const values = problem?.values ?? {};
    return reply.render(`${VIEWS}/new-committee.njk`, {
      pageTitle: 'Set up a sub-committee or task-and-finish group',
      panels: panels.map((panel) => ({ value: panel.slug, text: panel.name })),
      delegated: functionCheckboxes(values.delegated),
      advisory: functionCheckboxes(values.advisory),
      values,
      errorList: problem?.errorList,
      fieldErrors: problem?.fieldErrors,
    });
  }

  async function renderGroup(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const id = groupId(request);
    const read = await committees.readGroup(request.actor, id);
    return reply.render(`${VIEWS}/committee.njk`, {
      pageTitle: read.group.name,
      group: toGroupView(read),
      recommendations: await recommendations.listOfGroup(request.actor, { id, kind: read.group.kind }),
      canManage: read.canManage,
      memberOptions: toMemberOptions(read.candidates),
      roleOptions: GROUP_ROLE_OPTIONS,
      values: problem?.values ?? {},
      errorList: problem?.errorList,
      fieldErrors: problem?.fieldErrors,
    });
  }

  return async (app) => {
    app.get('/scrutiny/committees', PUBLIC, async (request, reply) => {
      const groups = await committees.listAll();
      return reply.render(`${VIEWS}/committees.njk`, {
        pageTitle: 'Sub-committees and task-and-finish groups',
        groups: groups.map(toGroupView),
        canManage: recommendations.canManageAny(request.actor),
      });
    });

    app.get('/scrutiny/committees/new', MANAGE, (request, reply) => renderNew(request, reply));

    app.post(
      '/scrutiny/committees',
      MANAGE,
      formRoute({
        schema: GroupFormSchema,
        act: (form, request) => committees.createGroup(request.actor, form, request.id),
        redirectTo: ({ id }) => `/scrutiny/committees/${id}`,
        render: renderNew,
      }),
    );

    app.get('/scrutiny/committees/:id', PUBLIC, (request, reply) => renderGroup(request, reply));

    app.post(
      '/scrutiny/committees/:id/members',
      MANAGE,
      formRoute({
        schema: GroupMemberFormSchema,
        act: async (form, request) => {
          const id = groupId(request);
          await committees.addMember(request.actor, id, form, request.id);
          return id;
        },
        redirectTo: (id) => `/scrutiny/committees/${id}#members`,
        render: renderGroup,
      }),
    );

    app.post('/scrutiny/committees/:id/members/:memberId/delete', MANAGE, async (request, reply) => {
      const { id, memberId } = parseInput(GroupMemberParams, request.params);
      await committees.removeMember(request.actor, id, memberId, request.id);
      return reply.redirect(`/scrutiny/committees/${id}#members`, 303);
    });
  };
}
