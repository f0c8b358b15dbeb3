import { pathTo } from '../../../kernel/http/paths.ts';

/**
 * The OParl 1.1 API's URLs, beside the meetings API (`/api/v1/…`, which keeps its own shape): a client starts
 * at `system` and finds everything else by following the URLs each object gives. Each list is a body's.
 */
export const oparlPaths = {
  system: pathTo('/oparl/v1.1/system'),
  bodies: pathTo('/oparl/v1.1/bodies'),
  body: pathTo('/oparl/v1.1/bodies/:body'),
  list: pathTo('/oparl/v1.1/bodies/:body/:list'),
  meeting: pathTo('/oparl/v1.1/meetings/:id'),
  location: pathTo('/oparl/v1.1/meetings/:id/location'),
  agendaItem: pathTo('/oparl/v1.1/agenda-items/:id'),
  file: pathTo('/oparl/v1.1/files/:id'),
  person: pathTo('/oparl/v1.1/persons/:id'),
  /** `body-<id>` (the body in full, its main organization) or `group-<id>` (a sub-committee or group). */
  organization: pathTo('/oparl/v1.1/organizations/:id'),
  /** `member-<id>` (a seat on the body in full) or `group-<id>-member-<id>`. */
  membership: pathTo('/oparl/v1.1/memberships/:id'),
} as const;

/** The lists each Body points to. OParl's Paper (a matter with a life of its own) is not kept yet: empty. */
export const OPARL_LISTS = [
  'organizations',
  'persons',
  'meetings',
  'papers',
  'agenda-items',
  'files',
] as const;
export type OparlList = (typeof OPARL_LISTS)[number];

/** The type URI OParl 1.1 gives each kind of object. */
export const oparlType = (name: string) => `https://schema.oparl.org/1.1/${name}`;
