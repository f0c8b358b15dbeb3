export type { ForceAreaInput } from './areas.schemas.ts';
export { ForceAreaInputSchema } from './areas.schemas.ts';
export { type AreasService, createAreasService, type ForceAreaWithAuthorities } from './areas.service.ts';
export type { AreasPublished, AreasTables } from './areas.tables.ts';
