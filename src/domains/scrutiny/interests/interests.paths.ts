import { pathTo } from '../../../kernel/http/paths.ts';

/** Every URL of the register of members' interests, for its routes, view models and tests. */
export const interestsPaths = {
  register: pathTo('/panels/:slug/interests'),
  remove: pathTo('/panels/:slug/interests/:interestId/remove'),
} as const;
