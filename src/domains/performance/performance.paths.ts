import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the police.uk pages, the counts API and the imports, for their routes, view models and tests. */
export const performancePaths = {
  forces: pathTo('/performance/police-uk'),
  force: pathTo('/performance/police-uk/:force'),
  crimesByTypeCsv: pathTo('/performance/police-uk/:force/crimes-by-type.csv'),
  crimesByAuthorityCsv: pathTo('/performance/police-uk/:force/crimes-by-local-authority.csv'),
  stopAndSearch: pathTo('/performance/police-uk/:force/stop-and-search'),
  stopAndSearchCsv: pathTo('/performance/police-uk/:force/stop-and-search.csv'),
  outcomes: pathTo('/performance/police-uk/:force/outcomes'),
  outcomesCsv: pathTo('/performance/police-uk/:force/outcomes.csv'),
  apiForce: pathTo('/api/v1/police-uk/forces/:force'),
  apiStopAndSearch: pathTo('/api/v1/police-uk/forces/:force/stop-and-search'),
  apiOutcomes: pathTo('/api/v1/police-uk/forces/:force/outcomes'),
  apiCounts: pathTo('/api/v1/police-uk/counts'),
  imports: pathTo('/performance/imports'),
  upload: pathTo('/performance/imports/upload'),
  importRun: pathTo('/performance/imports/:id'),
  apiImportRun: pathTo('/api/v1/police-uk/imports/:id'),
} as const;
