import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the police.uk pages, the counts API and the imports, for their routes, view models and tests. */
export const performancePaths = {
  forces: pathTo('/performance/police-uk'),
  force: pathTo('/performance/police-uk/:force'),
  crimesByTypeCsv: pathTo('/performance/police-uk/:force/crimes-by-type.csv'),
  crimesByAuthorityCsv: pathTo('/performance/police-uk/:force/crimes-by-local-authority.csv'),
  apiForce: pathTo('/api/v1/police-uk/forces/:force'),
  apiCounts: pathTo('/api/v1/police-uk/counts'),
  imports: pathTo('/performance/imports'),
  upload: pathTo('/performance/imports/upload'),
  importRun: pathTo('/performance/imports/:id'),
  apiImportRun: pathTo('/api/v1/police-uk/imports/:id'),
} as const;
