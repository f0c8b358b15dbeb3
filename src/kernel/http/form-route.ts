import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { type FieldError, ValidationError } from '../errors.ts';
import { parseInput, toFormErrors } from './form-validation.ts';

/** What a form page is re-rendered with after a mistake: what the user typed and what was wrong with it. */
export interface FormProblem {
  values: Record<string, unknown>;
  errorList: { text: string; href: string }[];
  fieldErrors: Record<string, { text: string }>;
  /** Every field error as refused, before `summarise`: for a page that lists them all (e.g. a file's lines). */
  errors: FieldError[];
}

/** Where a form goes once its action succeeds: usually a 303 to where the result lives. */
type Outcome<Result> =
  | { redirectTo: (result: Result, request: FastifyRequest) => string }
  /** For a result shown once and never stored (a new account's set-password link): a page, not a redirect. */
  | { respond: (result: Result, request: FastifyRequest, reply: FastifyReply) => Promise<unknown> };

/**
 * The GOV.UK form pattern in one place: parse the body with its schema, act, then 303 to where the result
 * lives — or, when the input or the action is refused with a ValidationError, 400 with the same page showing
 * the error summary and the values the user submitted (never the stored ones).
 */
export function formRoute<Schema extends z.ZodType, Result>(
  form: {
    schema: Schema;
    /** The reply is there for what goes with the result (a cookie); the response is the outcome's. */
    act: (input: z.infer<Schema>, request: FastifyRequest, reply: FastifyReply) => Promise<Result>;
    render: (request: FastifyRequest, reply: FastifyReply, problem: FormProblem) => Promise<unknown>;
    /** Other refusals the form shows as mistakes (e.g. a ConflictError against a field); undefined rethrows. */
    refusal?: (error: unknown) => FieldError[] | undefined;
    /** What the error summary and the fields show, from the field errors (e.g. names as element ids). */
    summarise?: (errors: FieldError[]) => FieldError[];
  } & Outcome<Result>,
): RouteHandlerMethod {
  return async (request, reply) => {
    let result: Result;
    try {
      result = await form.act(parseInput(form.schema, request.body), request, reply);
    } catch (error) {
      const errors = error instanceof ValidationError ? error.fieldErrors : form.refusal?.(error);
      if (!errors) throw error;
      const values = (request.body ?? {}) as Record<string, unknown>;
      const shown = toFormErrors(form.summarise ? form.summarise(errors) : errors);
      return form.render(request, reply.code(400), { values, ...shown, errors });
    }
    if ('respond' in form) return form.respond(result, request, reply);
    return reply.redirect(form.redirectTo(result, request), 303);
  };
}
