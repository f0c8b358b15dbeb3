import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { PUBLIC, requires } from '../../../kernel/http/auth.ts';
import { type FormProblem, formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import { memberOptions } from '../attendance/attendance.view-models.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { interestsPaths as paths } from './interests.paths.ts';
import { InterestFormSchema, InterestIdParams, PanelParams } from './interests.schemas.ts';
import { INTEREST_CATEGORY_LABELS, options, toRegisterView } from './interests.view-models.ts';
import { interestsViews as views } from './interests.views.ts';

const MANAGE = requires('scrutiny:manage');

/** The register of members' interests: public to read; the scrutiny officer keeps it. */
export function scrutinyInterestsRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  async function renderRegister(request: FastifyRequest, reply: FastifyReply, problem?: FormProblem) {
    const { slug } = parseInput(PanelParams, request.params);
    const register = await scrutiny.interests.readRegister(request.actor, slug);
    const values = problem?.values ?? { registeredOn: londonDateOf(new Date()) };
    return reply.render(views.register, {
      pageTitle: `Register of members’ interests: ${register.body.name}`,
      panel: { name: register.body.name, url: paths.register({ slug: register.body.slug }) },
      members: toRegisterView(register.members, register.interests, register.body.slug),
      canManage: register.canManage,
      memberOptions: memberOptions(register.members, values.member ?? ''),
      categories: options(INTEREST_CATEGORY_LABELS, values.category),
      ...problem,
      values,
    });
  }

  return async (app) => {
    app.get(paths.register.pattern, PUBLIC, (request, reply) => renderRegister(request, reply));

    app.post(
      paths.register.pattern,
      MANAGE,
      formRoute({
        schema: InterestFormSchema,
        act: async (form, request) => {
          const { slug } = parseInput(PanelParams, request.params);
          await scrutiny.interests.registerInterest(request.actor, slug, form, request.id);
          return slug;
        },
        redirectTo: (slug) => paths.register({ slug }),
        render: renderRegister,
      }),
    );

    app.post(paths.remove.pattern, MANAGE, async (request, reply) => {
      const { slug, interestId } = parseInput(InterestIdParams, request.params);
      await scrutiny.interests.removeInterest(request.actor, slug, interestId, request.id);
      return reply.redirect(paths.register({ slug }), 303);
    });
  };
}
