import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of grants. An application and an award are named by their ids. */
export const grantsPaths = {
  awards: pathTo('/grants/awards'),
  award: pathTo('/grants/awards/:id'),
  organisation: pathTo('/grants/organisation'),
  organisationDetails: pathTo('/grants/organisation/details'),
  start: pathTo('/grants/applications/start'),
  applications: pathTo('/grants/applications'),
  application: pathTo('/grants/applications/:id'),
  question: pathTo('/grants/applications/:id/questions/:question'),
  check: pathTo('/grants/applications/:id/check'),
  declaration: pathTo('/grants/applications/:id/declaration'),
  score: pathTo('/grants/applications/:id/score'),
  moderation: pathTo('/grants/applications/:id/moderation'),
  decision: pathTo('/grants/applications/:id/decision'),
  makeAward: pathTo('/grants/applications/:id/award'),
  apiAwards: pathTo('/api/v1/grants/awards'),
  apiApplications: pathTo('/api/v1/grants/applications'),
  apiApplication: pathTo('/api/v1/grants/applications/:id'),
} as const;
