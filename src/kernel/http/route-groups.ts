import type { FastifyPluginAsync } from 'fastify';

/** A domain's routes made of named groups (reading, editing, files…), each registered as its own plugin. */
export function routeGroups(...groups: FastifyPluginAsync[]): FastifyPluginAsync {
  return async (app) => {
    for (const group of groups) await app.register(group);
  };
}
