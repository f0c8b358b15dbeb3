import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
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
const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** Sub-committees and task-and-finish groups: public pages, and the scrutiny officer's form to set one up. */
export function committeesRoutes(deps: {
  committees: CommitteesService;
  recommendations: RecommendationsService;
  managedPanels: (actor: FastifyRequest['actor']) => Promise<{ slug: string; name: string }[]>;
}): FastifyPluginAsync {
  const { committees, recommendations } = deps;

  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, unknown> } & Record<string, unknown> = {},
  ) {
    const panels = await deps.managedPanels(request.actor);
    const values = extra.values ?? {};
    return reply.render(`${VIEWS}/new-committee.njk`, {
      pageTitle: 'Set up a sub-committee or task-and-finish group',
      panels: panels.map((panel) => ({ value: panel.slug, text: panel.name })),
      delegated: functionCheckboxes(values.delegated),
      advisory: functionCheckboxes(values.advisory),
      values,
      ...extra,
    });
  }

  async function renderGroup(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Record<string, unknown> = {},
  ) {
    const read = await committees.readGroup(request.actor, id);
    return reply.render(`${VIEWS}/committee.njk`, {
      pageTitle: read.group.name,
      group: toGroupView(read),
      recommendations: await recommendations.listOfGroup(request.actor, { id, kind: read.group.kind }),
      canManage: read.canManage,
      memberOptions: toMemberOptions(read.candidates),
      roleOptions: GROUP_ROLE_OPTIONS,
      values: {},
      ...extra,
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

    app.post('/scrutiny/committees', MANAGE, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        const { id } = await committees.createGroup(
          request.actor,
          parseInput(GroupFormSchema, values),
          request.id,
        );
        return reply.redirect(`/scrutiny/committees/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderNew(request, reply.code(400), { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.get('/scrutiny/committees/:id', PUBLIC, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      return renderGroup(request, reply, id);
    });

    app.post('/scrutiny/committees/:id/members', MANAGE, async (request, reply) => {
      const { id } = parseInput(RecordIdParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        await committees.addMember(request.actor, id, parseInput(GroupMemberFormSchema, values), request.id);
        return reply.redirect(`/scrutiny/committees/${id}#members`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderGroup(request, reply.code(400), id, { values, ...toFormErrors(error.fieldErrors) });
      }
    });

    app.post('/scrutiny/committees/:id/members/:memberId/delete', MANAGE, async (request, reply) => {
      const { id, memberId } = parseInput(GroupMemberParams, request.params);
      await committees.removeMember(request.actor, id, memberId, request.id);
      return reply.redirect(`/scrutiny/committees/${id}#members`, 303);
    });
  };
}
