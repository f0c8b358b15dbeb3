import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../../kernel/http/openapi.ts';
import { performancePaths } from '../performance.paths.ts';
import { ForceParamsSchema } from '../performance.schemas.ts';
import { CrimeOutcomesJson, PeriodQuerySchema, StopAndSearchJson } from './figures.schemas.ts';
import { PROVISIONAL_MONTHS } from './figures.service.ts';

const ERRORS = {
  '400': 'The force is not a police.uk identifier, a month is malformed, or the period ends before it starts',
  '404': 'No such force area',
};

export const POLICE_UK_FIGURES_OPENAPI: OpenApiPaths = {
  [performancePaths.apiStopAndSearch.openApi]: {
    get: {
      summary:
        'A force’s stop and search in a period: by month, type, object, outcome, ethnicity, age and gender',
      description:
        'Counts the police.uk stop and search records of the months loaded in the period (the latest twelve ' +
        'months loaded when no period is given). Rates per 1,000 residents use the force area’s population of ' +
        'each month’s year and are null without one. Ethnicity, age and gender come with counts and shares ' +
        'but no rate: a rate by group needs residents by group, which is not held (`noRateBy` says so in words). ' +
        '`period` is null when no stop and search is loaded for the force.',
      security: SECURITY.public,
      requestParams: { path: ForceParamsSchema, query: PeriodQuerySchema },
      responses: withErrors({ '200': jsonResponse('The figures', StopAndSearchJson) }, ERRORS),
    },
  },
  [performancePaths.apiOutcomes.openApi]: {
    get: {
      summary: 'Crimes of a force in a period by type and latest outcome, recent months marked provisional',
      description:
        'Counts the crimes of the street files (never anti-social behaviour, which is not a crime and has no ' +
        'outcome) by the "Last outcome category" each file gives. A crime’s outcome keeps changing for months ' +
        `after it is recorded, so the force’s latest ${PROVISIONAL_MONTHS} street months are marked ` +
        '`provisional`: their "Under investigation" share will fall and other outcomes rise.',
      security: SECURITY.public,
      requestParams: { path: ForceParamsSchema, query: PeriodQuerySchema },
      responses: withErrors({ '200': jsonResponse('The figures', CrimeOutcomesJson) }, ERRORS),
    },
  },
};
