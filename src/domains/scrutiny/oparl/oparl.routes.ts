import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC } from '../../../kernel/http/auth.ts';
import { parseInput } from '../../../kernel/http/form-validation.ts';
import type { ListQuery } from './oparl.paging.ts';
import { oparlPaths } from './oparl.paths.ts';
import {
  OparlBodyParams,
  OparlIdParams,
  OparlKeyParams,
  OparlListParams,
  type OparlListQueryInput,
  OparlListQuerySchema,
} from './oparl.schemas.ts';
import type { OparlService } from './oparl.service.ts';

const at = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

function toListQuery(input: OparlListQueryInput): ListQuery {
  return {
    page: input.page,
    limit: input.limit,
    createdSince: at(input.created_since),
    createdUntil: at(input.created_until),
    modifiedSince: at(input.modified_since),
    modifiedUntil: at(input.modified_until),
  };
}

/** A list's link to another of its pages, absolute, keeping every filter the client gave. */
function pageLink(baseUrl: string, path: string, input: OparlListQueryInput) {
  const { page: _page, ...kept } = input;
  return (page: number) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...kept, page })) search.set(name, String(value));
    return `${baseUrl}${path}?${search.toString()}`;
  };
}

/**
 * The OParl 1.1 API: read-only and public, with `Access-Control-Allow-Origin: *` so any OParl client, in a
 * browser too, can crawl it from `/oparl/v1.1/system`. Only these GET routes have that header.
 */
export function oparlRoutes(deps: {
  oparl: OparlService;
  baseUrl: string;
  areaName: string;
}): FastifyPluginAsync {
  const { oparl, baseUrl } = deps;
  return async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
    });

    app.get(oparlPaths.system.pattern, PUBLIC, async () => oparl.system(`Peelian: ${deps.areaName}`));

    app.get(oparlPaths.bodies.pattern, PUBLIC, async (request) => {
      const input = parseInput(OparlListQuerySchema, request.query);
      return oparl.listBodies(toListQuery(input), pageLink(baseUrl, oparlPaths.bodies(), input));
    });

    app.get(oparlPaths.body.pattern, PUBLIC, async (request) => {
      const { body } = parseInput(OparlBodyParams, request.params);
      return oparl.body(body);
    });

    app.get(oparlPaths.list.pattern, PUBLIC, async (request) => {
      const { body, list } = parseInput(OparlListParams, request.params);
      const input = parseInput(OparlListQuerySchema, request.query);
      const link = pageLink(baseUrl, oparlPaths.list({ body, list }), input);
      return oparl.list(body, list, toListQuery(input), link);
    });

    const byId = {
      meeting: oparl.meeting,
      location: oparl.location,
      agendaItem: oparl.agendaItem,
      file: oparl.file,
      person: oparl.person,
    } as const;
    for (const [name, read] of Object.entries(byId))
      app.get(oparlPaths[name as keyof typeof byId].pattern, PUBLIC, async (request) => {
        const { id } = parseInput(OparlIdParams, request.params);
        return read(id);
      });

    app.get(oparlPaths.organization.pattern, PUBLIC, async (request) =>
      oparl.organization(parseInput(OparlKeyParams, request.params).id),
    );
    app.get(oparlPaths.membership.pattern, PUBLIC, async (request) =>
      oparl.membership(parseInput(OparlKeyParams, request.params).id),
    );
  };
}
