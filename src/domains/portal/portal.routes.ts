import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { toCsv } from '../../kernel/formats/csv.ts';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { sendDownload } from '../../kernel/http/download.ts';
import type { ForceAreasJson } from '../areas/areas.schemas.ts';
import { type HomeDeps, readHome } from './portal.home.ts';
import { portalPaths } from './portal.paths.ts';
import { tierLabel, toHomeView } from './portal.view-models.ts';
import { portalViews } from './portal.views.ts';

/** The public face: home page, statements, and the open data behind what the home page shows. */
export function portalRoutes(deps: HomeDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(portalPaths.home.pattern, PUBLIC, async (request, reply) => {
      const home = await readHome(deps, request.actor);
      return reply.render(portalViews.home, { pageTitle: 'Home', ...toHomeView(home) });
    });

    app.get(portalPaths.accessibility.pattern, PUBLIC, async (_request, reply) =>
      reply.render(portalViews.accessibility, { pageTitle: 'Accessibility statement' }),
    );

    app.get(portalPaths.privacy.pattern, PUBLIC, async (_request, reply) =>
      reply.render(portalViews.privacy, { pageTitle: 'Privacy notice' }),
    );

    app.get(
      portalPaths.apiAreas.pattern,
      PUBLIC,
      async (): Promise<z.input<typeof ForceAreasJson>> => ({
        forceAreas: await deps.areas.listForceAreasWithAuthorities(),
      }),
    );

    app.get(portalPaths.areasCsv.pattern, PUBLIC, async (_request, reply) => {
      const areas = await deps.areas.listForceAreasWithAuthorities();
      const rows = areas.flatMap((area) => area.localAuthorities.map((authority) => ({ area, authority })));
      const csv = toCsv(rows, [
        { header: 'force_area', value: (row) => row.area.name },
        { header: 'force_area_code', value: (row) => row.area.gssCode },
        { header: 'local_authority', value: (row) => row.authority.name },
        { header: 'local_authority_code', value: (row) => row.authority.gssCode },
        { header: 'tier', value: (row) => tierLabel(row.authority.tier) },
        { header: 'county', value: (row) => row.authority.countyName },
      ]);
      return sendDownload(reply, { name: 'peelian-areas', format: 'csv', body: csv });
    });
  };
}
