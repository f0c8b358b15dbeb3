import { pathTo } from '../../kernel/http/paths.ts';

/** Every URL of the scorecard and its indicators, for their routes, view models and tests. */
export const scorecardPaths = {
  scorecard: pathTo('/scorecard'),
  measure: pathTo('/scorecard/measures/:code'),
  measureCsv: pathTo('/scorecard/measures/:code.csv'),
  apiScorecard: pathTo('/api/v1/scorecard'),
  apiMeasure: pathTo('/api/v1/scorecard/measures/:code'),
  apiSpc: pathTo('/api/v1/spc'),
  indicators: pathTo('/scorecard/indicators'),
  rebuild: pathTo('/scorecard/indicators/rebuild'),
  population: pathTo('/scorecard/indicators/population'),
  populationLoaded: pathTo('/scorecard/indicators/population/loaded'),
  series: pathTo('/scorecard/indicators/series'),
  seriesLoaded: pathTo('/scorecard/indicators/series/loaded'),
} as const;
