import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { TooManyAttemptsError } from '../errors.ts';

/**
 * A second limit on a route, counted per whatever `keyOf` names (an account, a one-time link) rather than per
 * client address. It runs after the body is parsed, so the key may come from the form. The route's own
 * `config.rateLimit` (per address) still applies: a request must pass both.
 */
export function limitPerKey(
  app: FastifyInstance,
  options: { name: string; max: number; timeWindow: string },
  keyOf: (request: FastifyRequest) => string,
): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.timeWindow,
    keyGenerator: (request) => `${options.name}:${keyOf(request)}`,
  });
  return async (request) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) throw new TooManyAttemptsError();
  };
}
