import { z } from 'zod';
import {
  IMPROVEMENT_DIRECTIONS,
  MINIMUM_BASELINE_POINTS,
  POINT_TYPES,
  SPC_METHOD,
  SPECIAL_CAUSE_RULES,
} from '../../kernel/spc/index.ts';

/** The most points one request may analyse: 833 years of months, far beyond any real series. */
export const MAX_SPC_POINTS = 10_000;

export const SpcRequestSchema = z.object({
  values: z
    .array(
      z
        .number({ message: 'must contain only numbers' })
        .finite({ message: 'must contain only finite numbers' }),
      {
        message: 'must be an array of numbers',
      },
    )
    .min(1, 'must contain at least one number')
    .max(MAX_SPC_POINTS, `must contain at most ${MAX_SPC_POINTS} numbers`),
  improvement: z.enum(IMPROVEMENT_DIRECTIONS, {
    message: `must be one of ${IMPROVEMENT_DIRECTIONS.join(', ')}`,
  }),
  screenOutliers: z.boolean({ message: 'must be true or false' }).default(true),
  baselinePoints: z
    .number({ message: 'must be a whole number or null' })
    .int({ message: 'must be a whole number or null' })
    .min(MINIMUM_BASELINE_POINTS, `must be at least ${MINIMUM_BASELINE_POINTS}`)
    .nullable()
    .default(null),
  recalculateAt: pointIndexList(
    'Indexes (from 0) of points that start a new segment with its own mean and limits, where the process is known to have changed',
  ),
  gapsBefore: pointIndexList(
    'Indexes (from 0) of points that follow a missing period: no moving range is taken across the gap, and the mean and run rules use the points present',
  ),
});

/** A list of point indexes; the engine checks each against the series (from 1 to the last, increasing). */
function pointIndexList(description: string) {
  return z
    .array(
      z
        .number({ message: 'must contain only whole numbers' })
        .int({ message: 'must contain only whole numbers' }),
      { message: 'must be an array of point indexes' },
    )
    .max(MAX_SPC_POINTS, `must contain at most ${MAX_SPC_POINTS} indexes`)
    .default([])
    .meta({ description });
}

export type SpcRequest = z.infer<typeof SpcRequestSchema>;

/** `POST /api/v1/spc`'s answer: the last segment's mean and limits and every point judged. */
export const SpcResponseJson = z
  .object({
    mean: z.number(),
    upperLimit: z.number(),
    lowerLimit: z.number(),
    points: z.array(
      z.object({
        value: z.number(),
        rule: z.enum(SPECIAL_CAUSE_RULES).nullable(),
        type: z.enum(POINT_TYPES),
        segment: z.number().int().meta({ description: 'Index into segments' }),
      }),
    ),
    segments: z.array(
      z.object({
        start: z.number().int().meta({ description: 'Index of the segment’s first point' }),
        end: z.number().int().meta({ description: 'Index one past the segment’s last point' }),
        mean: z.number(),
        upperLimit: z.number(),
        lowerLimit: z.number(),
        movingRanges: z.number().int().meta({
          description: 'Moving ranges taken: one between each two adjacent points, none across a gap',
        }),
        trialLimits: z.boolean(),
      }),
    ),
    variation: z.enum(POINT_TYPES).meta({ description: 'The type of the last point' }),
    trialLimits: z.boolean(),
    method: z
      .string()
      .meta({ description: 'The SPC method and rule set that made the judgement', example: SPC_METHOD }),
  })
  .meta({ id: 'SpcResult' });
