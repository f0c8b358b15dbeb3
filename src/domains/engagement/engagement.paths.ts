import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of engagement. A survey is named by its slug. */
export const engagementPaths = {
  list: pathTo('/surveys'),
  survey: pathTo('/surveys/:survey'),
  sent: pathTo('/surveys/:survey/sent'),
  results: pathTo('/surveys/:survey/results'),
  analysis: pathTo('/surveys/:survey/analysis'),
  analysisCsv: pathTo('/surveys/:survey/analysis.csv'),
  importResponses: pathTo('/surveys/:survey/responses/import'),
  apiList: pathTo('/api/v1/surveys'),
  apiResults: pathTo('/api/v1/surveys/:survey/results'),
} as const;
