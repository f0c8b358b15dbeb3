import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { ValidationError } from '../../kernel/errors.ts';
import { PUBLIC } from '../../kernel/http/auth.ts';
import { parseInput } from '../../kernel/http/form-validation.ts';
import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { analyseSpc, SPC_METHOD, SpcInputError } from '../../kernel/spc/index.ts';
import { scorecardPaths } from './judgements.paths.ts';
import { MAX_SPC_POINTS, SpcRequestSchema, SpcResponseJson } from './spc.schemas.ts';

/**
 * Statistical process control for anyone's series: the same engine that judges the plan's measures. It
 * changes nothing, so it is open to all; a body over 1 MB or a bad field gets 400 naming the field.
 */
export function spcRoutes(): FastifyPluginAsync {
  return async (app) => {
    app.post(scorecardPaths.apiSpc.pattern, { ...PUBLIC, bodyLimit: 1_048_576 }, async (request) => {
      const input = parseInput(SpcRequestSchema, request.body);
      try {
        const result = analyseSpc(input);
        const response: z.input<typeof SpcResponseJson> = {
          mean: result.mean,
          upperLimit: result.upperLimit,
          lowerLimit: result.lowerLimit,
          points: result.points.map(({ value, rule, type, segment }) => ({ value, rule, type, segment })),
          segments: result.segments.map(
            ({ start, end, mean, upperLimit, lowerLimit, movingRanges, trialLimits }) => ({
              start,
              end,
              mean,
              upperLimit,
              lowerLimit,
              movingRanges,
              trialLimits,
            }),
          ),
          variation: result.variation,
          trialLimits: result.trialLimits,
          method: SPC_METHOD,
        };
        return response;
      } catch (error) {
        if (error instanceof SpcInputError)
          throw new ValidationError([{ field: error.field, message: error.message }]);
        throw error;
      }
    });
  };
}

export const SPC_OPENAPI: OpenApiPaths = {
  [scorecardPaths.apiSpc.openApi]: {
    post: {
      summary: 'Judge a series with statistical process control (XmR), as Peelian judges every measure',
      description: `Body: {"values": [numbers], "improvement": "increase"|"decrease"|"neutral", "screenOutliers": true, "baselinePoints": null, "recalculateAt": [], "gapsBefore": []}. At most ${MAX_SPC_POINTS} values; a baseline of at least 12 points. \`gapsBefore\` names the points that follow a missing period (say, a month with no figures): the values stay in order without it, no moving range is taken across the gap, and the mean and run rules use the points present, as Peelian judges a measure with a missing month. \`recalculateAt\` names points where a new segment with its own limits starts; the top-level mean and limits are the last segment's, and \`segments\` gives each. Each point gets the special-cause rule it is part of (outside-limits, trend, two-of-three, shift, in that priority) and a type (common-cause, improvement, concern, or neutral-high/neutral-low). Fewer than 13 points give trial limits. A bad field gets 400 with {"error", "fields": [{"field", "message"}]}.`,
      security: SECURITY.public,
      requestBody: { required: true, content: { 'application/json': { schema: SpcRequestSchema } } },
      responses: withErrors(
        {
          '200': jsonResponse(
            'The mean, process limits, each point judged, and the variation of the last point',
            SpcResponseJson,
          ),
        },
        { '400': 'A field is missing or wrong', jsonBody: true, '413': 'The body is over 1 MB' },
      ),
    },
  },
};
