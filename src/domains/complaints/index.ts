import { defineDomain } from '../module.ts';
import { COMPLAINTS_COMMANDS } from './complaints.cli.ts';
import { COMPLAINTS_OPENAPI } from './complaints.openapi.ts';
import { complaintsPaths } from './complaints.paths.ts';
import { COMPLAINTS_POLICY } from './complaints.policy.ts';
import { complaintsRoutes } from './complaints.routes.ts';
import { createComplaintsService } from './complaints.service.ts';

export { complaintsPaths } from './complaints.paths.ts';
export type { ComplaintsService } from './complaints.service.ts';
export type { ComplaintsTables } from './complaints.tables.ts';

/**
 * Complaints about the Commissioner or deputy (issue 15 item 5), which the Police and Crime Panel handles
 * (PRSRA 2011 s31 and Sch 7; SI 2012/62): a confidential register for the Panel's officers, with each case's
 * time limits; counts by year for everyone; and a purge that erases complainants' personal data once a
 * closed case is past its retention period. No demo cases: made-up complaints would show as real counts.
 */
export const complaintsDomain = defineDomain({
  name: 'complaints',
  signposts: [
    {
      href: complaintsPaths.index(),
      title: 'Complaints about the Commissioner',
      description:
        'How many complaints the Panel received about the Commissioner each year, and how they ended.',
      position: 47,
    },
  ],
  policy: COMPLAINTS_POLICY,
  build: ({ db, policy, now }) => ({ complaints: createComplaintsService({ db, policy, now }) }),
  routes: ({ complaints }) => [complaintsRoutes({ complaints })],
  openApi: [COMPLAINTS_OPENAPI],
  commands: COMPLAINTS_COMMANDS,
});
