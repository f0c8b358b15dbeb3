import type { FastifyPluginAsync } from 'fastify';
import type { WorkProgrammeService } from './scrutiny-work-programme.service.ts';
import { toWorkProgrammeView } from './scrutiny-work-programme.view-models.ts';

const PUBLIC = { config: { permission: 'public' } } as const;

/** The work programme: what each coming meeting will focus on, and what earlier programmes planned. */
export function workProgrammeRoutes(deps: { workProgramme: WorkProgrammeService }): FastifyPluginAsync {
  return async (app) => {
    app.get('/scrutiny/work-programme', PUBLIC, async (_request, reply) => {
      const programme = toWorkProgrammeView(await deps.workProgramme.readProgramme());
      return reply.render('scrutiny/views/work-programme.njk', { pageTitle: 'Work programme', programme });
    });
  };
}
