import { pathTo } from '../../kernel/http/paths.ts';

/**
 * Every URL of delivery plans. A delivery plan is named by its police and crime plan's slug, the plan version
 * and whose it is (`opcc` or `force`); an action by its reference within the delivery plan.
 */
export const deliveryPaths = {
  list: pathTo('/delivery'),
  add: pathTo('/delivery/new'),
  importFile: pathTo('/delivery/import'),
  overdue: pathTo('/delivery/overdue'),
  atRisk: pathTo('/delivery/at-risk'),
  plan: pathTo('/delivery/:plan/:version/:owner'),
  planCsv: pathTo('/delivery/:plan/:version/:owner.csv'),
  planJson: pathTo('/delivery/:plan/:version/:owner.json'),
  matrix: pathTo('/delivery/:plan/:version/:owner/aims'),
  publish: pathTo('/delivery/:plan/:version/:owner/publish'),
  addAction: pathTo('/delivery/:plan/:version/:owner/actions/new'),
  action: pathTo('/delivery/:plan/:version/:owner/actions/:ref'),
  editAction: pathTo('/delivery/:plan/:version/:owner/actions/:ref/edit'),
  status: pathTo('/delivery/:plan/:version/:owner/actions/:ref/status'),
  milestone: pathTo('/delivery/:plan/:version/:owner/actions/:ref/milestones'),
  apiList: pathTo('/api/v1/delivery'),
  apiPlan: pathTo('/api/v1/delivery/:plan/:version/:owner'),
  apiAction: pathTo('/api/v1/delivery/:plan/:version/:owner/actions/:ref'),
} as const;
