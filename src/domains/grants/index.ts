import { defineDomain } from '../module.ts';
import { GRANTS_OPENAPI } from './grants.openapi.ts';
import { grantsPaths } from './grants.paths.ts';
import { GRANTS_POLICY } from './grants.policy.ts';
import { grantsRoutes } from './grants.routes.ts';
import { createGrantsService } from './grants.service.ts';

export { grantsPaths } from './grants.paths.ts';
export type { GrantsService } from './grants.service.ts';
export type { GrantsTables } from './grants.tables.ts';

/**
 * Grants (issue 16 items 3 and 4): an applicant organisation applies online to an open round of one of
 * funding's funds (one question a page, save and return, check and submit, eligibility from the fund's data);
 * OPCC officers declare conflicts of interest, score against the round's weighted criteria, moderate and decide;
 * an approved application becomes an award with conditions and a payment schedule, within the fund's budget.
 * Its own domain rather than more of funding, which is already large: it reads funding only through the views
 * funding publishes.
 */
export const grantsDomain = defineDomain({
  name: 'grants',
  signposts: [
    {
      href: grantsPaths.awards(),
      title: 'Grants awarded',
      description: 'The grants the Commissioner has awarded to partners, by fund, with what each is for.',
      position: 42,
    },
  ],
  policy: GRANTS_POLICY,
  navigation: [
    { href: grantsPaths.organisation(), text: 'Apply for a grant', permission: 'grants:apply', position: 60 },
    {
      href: grantsPaths.applications(),
      text: 'Grant applications',
      permission: 'grants:assess',
      position: 61,
    },
  ],
  build: ({ db, policy, now }) => ({ grants: createGrantsService({ db, policy, now }) }),
  routes: ({ grants }) => [grantsRoutes({ grants })],
  openApi: [GRANTS_OPENAPI],
});
