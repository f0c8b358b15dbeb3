import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { londonDateOf } from '../../../kernel/calendar/index.ts';
import { ValidationError } from '../../../kernel/errors.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';
import { memberOptions } from '../attendance/attendance.view-models.ts';
import type { ScrutinyService } from '../scrutiny.service.ts';
import { InterestFormSchema, InterestIdParams, PanelParams } from './interests.schemas.ts';
import { INTEREST_CATEGORY_LABELS, options, toRegisterView } from './interests.view-models.ts';

const VIEWS = 'scrutiny/interests/views';
const PUBLIC = { config: { permission: 'public' } } as const;
const MANAGE = { config: { permission: 'scrutiny:manage' } } as const;

/** The register of members' interests: public to read; the scrutiny officer keeps it. */
export function scrutinyInterestsRoutes(deps: { scrutiny: ScrutinyService }): FastifyPluginAsync {
  const { scrutiny } = deps;

  async function renderRegister(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    failed?: { values: Record<string, unknown>; error: ValidationError },
  ) {
    const register = await scrutiny.interests.readRegister(request.actor, slug);
    const values = failed?.values ?? { registeredOn: londonDateOf(new Date()) };
    return reply.render(`${VIEWS}/interests.njk`, {
      pageTitle: `Register of members’ interests: ${register.body.name}`,
      panel: { name: register.body.name, url: `/panels/${register.body.slug}/interests` },
      members: toRegisterView(register.members, register.interests),
      canManage: register.canManage,
      values,
      memberOptions: memberOptions(register.members, values.member ?? ''),
      categories: options(INTEREST_CATEGORY_LABELS, values.category),
      ...(failed ? toFormErrors(failed.error.fieldErrors) : {}),
    });
  }

  return async (app) => {
    app.get('/panels/:slug/interests', PUBLIC, async (request, reply) => {
      const { slug } = parseInput(PanelParams, request.params);
      return renderRegister(request, reply, slug);
    });

    app.post('/panels/:slug/interests', MANAGE, async (request, reply) => {
      const { slug } = parseInput(PanelParams, request.params);
      const values = (request.body ?? {}) as Record<string, unknown>;
      try {
        await scrutiny.interests.registerInterest(
          request.actor,
          slug,
          parseInput(InterestFormSchema, values),
          request.id,
        );
        return reply.redirect(`/panels/${slug}/interests`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderRegister(request, reply.code(400), slug, { values, error });
      }
    });

    app.post('/panels/:slug/interests/:interestId/remove', MANAGE, async (request, reply) => {
      const { slug, interestId } = parseInput(InterestIdParams, request.params);
      await scrutiny.interests.removeInterest(request.actor, slug, interestId, request.id);
      return reply.redirect(`/panels/${slug}/interests`, 303);
    });
  };
}
