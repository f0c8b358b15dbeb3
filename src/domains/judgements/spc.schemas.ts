import { z } from 'zod';
import { IMPROVEMENT_DIRECTIONS, MINIMUM_BASELINE_POINTS } from '../../kernel/spc/index.ts';

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
});

export type SpcRequest = z.infer<typeof SpcRequestSchema>;
