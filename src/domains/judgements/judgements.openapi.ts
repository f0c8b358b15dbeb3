import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { scorecardPaths } from './judgements.paths.ts';
import {
  MeasureDetailJson,
  MeasureParamsSchema,
  ScorecardJson,
  ScorecardQuerySchema,
} from './judgements.schemas.ts';

const description =
  'The plan in force is the latest issued version of the plan whose term includes today (preferring the ' +
  'installation’s own force area). Each indicator is judged by statistical process control (XmR) over its ' +
  'latest series of months: a gap of up to 3 missing months is judged across (limits from the months present, ' +
  'no moving range across the gap, runs and trends over the months present) and its months are listed in ' +
  'period.missingMonths; a longer gap starts a new series, and the months before it are listed in notJudged. ' +
  'Limits from fewer than 13 months are trial limits: from 6 months the judgement is what they show, with ' +
  'provisional true; with fewer, the judgement is "trial".';

const BAD_AREA = 'The area is not a local authority of the force area, or is not a GSS code';

export const JUDGEMENTS_OPENAPI: OpenApiPaths = {
  [scorecardPaths.apiScorecard.openApi]: {
    get: {
      summary: 'Every measure of the plan in force, each indicator judged (without its points)',
      description,
      security: SECURITY.public,
      requestParams: { query: ScorecardQuerySchema },
      responses: withErrors(
        {
          '200': jsonResponse(
            'The plan, the area shown, and each measure with its indicators’ judgements',
            ScorecardJson,
          ),
        },
        { '400': BAD_AREA },
      ),
    },
  },
  [scorecardPaths.apiMeasure.openApi]: {
    get: {
      summary:
        'One measure of the plan in force: its indicators, every month with its SPC fields, the judgement',
      description,
      security: SECURITY.public,
      requestParams: { path: MeasureParamsSchema, query: ScorecardQuerySchema },
      responses: withErrors(
        { '200': jsonResponse('The measure and its indicators', MeasureDetailJson) },
        {
          '400': `${BAD_AREA}, or the code is malformed`,
          '404': 'No plan is in force, or the code is not one of its measures',
        },
      ),
    },
  },
};
