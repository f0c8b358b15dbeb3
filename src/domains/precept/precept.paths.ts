import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the precept process. A year is named by its financial year label, e.g. 2025-26. */
export const preceptPaths = {
  money: pathTo('/money'),
  index: pathTo('/precepts'),
  add: pathTo('/precepts/new'),
  body: pathTo('/precepts/:body'),
  year: pathTo('/precepts/:body/:year'),
  votesCsv: pathTo('/precepts/:body/:year/vote.csv'),
  report: pathTo('/precepts/:body/:year/report'),
  response: pathTo('/precepts/:body/:year/response'),
  revisedReport: pathTo('/precepts/:body/:year/revised-report'),
  issue: pathTo('/precepts/:body/:year/issue'),
  apiBody: pathTo('/api/v1/precepts/:body'),
  apiYear: pathTo('/api/v1/precepts/:body/:year'),
} as const;
