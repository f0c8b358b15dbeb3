import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { z } from 'zod';
import { formRoute } from '../../../kernel/http/form-route.ts';
import { parseInput, toFormErrors } from '../../../kernel/http/form-validation.ts';

type Values = Record<string, unknown>;

/** A refused form as its page shows it: what was typed, the error summary and each field's message. */
export type Refusal = { values: Values } & ReturnType<typeof toFormErrors>;

/**
 * A form on a minutes page, several of which share one page: `formRoute` with the route's parameters read
 * once, and each field's error given the id it has on the page (`fieldId`), so the summary links to it.
 */
export function minutesForm<Schema extends z.ZodType, Params>(form: {
  params: z.ZodType<Params>;
  schema: Schema;
  /** Makes the change; gives where to go next. */
  save: (input: z.infer<Schema>, params: Params, request: FastifyRequest) => Promise<string>;
  show: (request: FastifyRequest, reply: FastifyReply, params: Params, refusal: Refusal) => Promise<unknown>;
  fieldId?: (field: string, params: Params) => string;
}): RouteHandlerMethod {
  return formRoute({
    schema: form.schema,
    act: (input, request) => form.save(input, parseInput(form.params, request.params), request),
    redirectTo: (location) => location,
    render: (request, reply, problem) => {
      const params = parseInput(form.params, request.params);
      const { fieldId } = form;
      const errors = fieldId
        ? problem.errors.map((error) => ({ ...error, field: fieldId(error.field, params) }))
        : problem.errors;
      return form.show(request, reply, params, { values: problem.values, ...toFormErrors(errors) });
    },
  });
}
