import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the plans domain, for its routes, view models and tests. */
export const planPaths = {
  list: pathTo('/plans'),
  plan: pathTo('/plans/:slug'),
  priority: pathTo('/plans/:slug/priorities/:code'),
  priorityEdit: pathTo('/plans/:slug/priorities/:code/edit'),
  statutoryEdit: pathTo('/plans/:slug/statutory/edit'),
  versions: pathTo('/plans/:slug/versions'),
  compare: pathTo('/plans/:slug/compare'),
  coverage: pathTo('/plans/:slug/coverage'),
  exportYaml: pathTo('/plans/:slug/export.yaml'),
  exportJson: pathTo('/plans/:slug/export.json'),
  steps: pathTo('/plans/:slug/steps'),
  variations: pathTo('/plans/:slug/variations'),
  import: pathTo('/plans/import'),
  apiList: pathTo('/api/v1/plans'),
  apiPlan: pathTo('/api/v1/plans/:slug'),
} as const;
