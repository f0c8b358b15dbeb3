import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { parseInput, toFormErrors } from './form-validation.ts';

/** What a form page is re-rendered with after a mistake: what the user typed and what was wrong with it. */
export interface FormProblem {
  values: Record<string, unknown>;
  errorList: { text: string; href: string }[];
  fieldErrors: Record<string, { text: string }>;
}

/**
 * The GOV.UK form pattern in one place: parse the body with its schema, act, then 303 to where the result
 * lives — or, when the input or the action is refused with a ValidationError, 400 with the same page showing
 * the error summary and the values the user submitted (never the stored ones).
 */
export function formRoute<Schema extends z.ZodType, Result>(form: {
  schema: Schema;
  act: (input: z.infer<Schema>, request: FastifyRequest) => Promise<Result>;
  redirectTo: (result: Result, request: FastifyRequest) => string;
  render: (request: FastifyRequest, reply: FastifyReply, problem: FormProblem) => Promise<unknown>;
}): RouteHandlerMethod {
  return async (request, reply) => {
    try {
      const result = await form.act(parseInput(form.schema, request.body), request);
      return reply.redirect(form.redirectTo(result, request), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const values = (request.body ?? {}) as Record<string, unknown>;
      return form.render(request, reply.code(400), { values, ...toFormErrors(error.fieldErrors) });
    }
  };
}
