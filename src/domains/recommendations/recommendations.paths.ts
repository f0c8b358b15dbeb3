import { pathTo } from '../../kernel/http/paths.ts';

/**
 * Every URL of the ledger. The pages keep the addresses the panel's ledger has always had (links to them are
 * in published reports); every origin's recommendations are listed there.
 */
export const recommendationPaths = {
  list: pathTo('/scrutiny/recommendations'),
  csv: pathTo('/scrutiny/recommendations.csv'),
  json: pathTo('/scrutiny/recommendations.json'),
  /** What came of a body's recommendations made in a year: response, outcome and the measures they were about. */
  impact: pathTo('/scrutiny/recommendations/impact'),
  impactCsv: pathTo('/scrutiny/recommendations/impact.csv'),
  recommendation: pathTo('/scrutiny/recommendations/:id'),
  response: pathTo('/scrutiny/recommendations/:id/response'),
  progress: pathTo('/scrutiny/recommendations/:id/progress'),
  actions: pathTo('/scrutiny/recommendations/:id/actions'),
  outcome: pathTo('/scrutiny/recommendations/:id/outcome'),
  /** The form a body's officer records a new recommendation with (its origin's form). */
  add: pathTo('/scrutiny/recommendations/new'),
  apiList: pathTo('/api/v1/recommendations'),
  apiImpact: pathTo('/api/v1/recommendations/impact'),
  apiRecommendation: pathTo('/api/v1/recommendations/:id'),
} as const;
