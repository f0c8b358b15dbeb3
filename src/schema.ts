import type { AreasTables } from './domains/areas/areas.tables.ts';

/** Every table Kysely may query, composed from each domain's own table types. */
export type Schema = AreasTables;
