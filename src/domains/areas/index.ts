import { defineDomain } from '../module.ts';
import { createAreasService } from './areas.service.ts';

export type { ForceAreaInput } from './areas.schemas.ts';
export { type AreasService, createAreasService, type ForceAreaWithAuthorities } from './areas.service.ts';
export type { AreasPublished, AreasTables } from './areas.tables.ts';

/** Force areas, local authorities and community safety partnerships: the places everything else is about. */
export const areasDomain = defineDomain({
  name: 'areas',
  build: ({ db }) => ({ areas: createAreasService(db) }),
  seedDemo: async ({ areas }, { actor }) => {
    const seeded = await areas.seedDemoAreas(actor);
    return { loaded: [`${seeded.forceAreas} force area`, `${seeded.localAuthorities} local authorities`] };
  },
});
