import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the decision register. A decision's number is unique within its office, so both name it. */
export const decisionPaths = {
  register: pathTo('/decisions'),
  csv: pathTo('/decisions.csv'),
  json: pathTo('/decisions.json'),
  feed: pathTo('/decisions/feed.atom'),
  forwardPlan: pathTo('/decisions/forward-plan'),
  add: pathTo('/decisions/new'),
  decision: pathTo('/decisions/:body/:number'),
  edit: pathTo('/decisions/:body/:number/edit'),
  signOff: pathTo('/decisions/:body/:number/sign-off'),
  defer: pathTo('/decisions/:body/:number/defer'),
  publish: pathTo('/decisions/:body/:number/publish'),
  apiList: pathTo('/api/v1/decisions'),
  apiDecision: pathTo('/api/v1/decisions/:body/:number'),
} as const;
