import { z } from 'zod';
import type {
  ZodOpenApiOperationObject,
  ZodOpenApiPathsObject,
  ZodOpenApiResponseObject,
  ZodOpenApiResponsesObject,
} from 'zod-openapi';

/**
 * The pieces each domain uses to describe its API operations from the zod schemas its routes parse with,
 * so the published description cannot drift from what a route accepts. The document itself is put
 * together from every domain's paths by the api domain (`buildOpenApiDocument`).
 */
export type OpenApiPaths = ZodOpenApiPathsObject;
export type OpenApiOperation = ZodOpenApiOperationObject;

/** Every operation says who may call it: `[]` is open to all; the others need a token or a session. */
export const SECURITY = {
  public: [],
  signedIn: [{ bearer: [] }, { session: [] }],
} as const satisfies Record<string, NonNullable<ZodOpenApiOperationObject['security']>>;

export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token: `peelian tokens create`.',
  },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'peelian_session',
    description: 'The session cookie set by signing in on the website.',
  },
} as const;

/** Every error the JSON API sends: the message for a person, and the id to quote when asking for help. */
export const ProblemSchema = z
  .object({
    error: z.string(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'What went wrong, in words, and the request’s id' });

export const FieldProblemsSchema = z
  .object({
    error: z.string(),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .meta({ description: 'Each problem, naming the field it is about' }),
    requestId: z.string(),
  })
  .meta({ id: 'FieldProblems', description: 'The input broke a rule; each problem names its field' });

export function jsonResponse(description: string, schema: z.ZodType): ZodOpenApiResponseObject {
  return { description, content: { 'application/json': { schema } } };
}

/** A response that is a file or feed, not JSON: its media type and a string body. */
export function fileResponse(description: string, mediaType: string): ZodOpenApiResponseObject {
  return { description, content: { [mediaType]: { schema: z.string() } } };
}

type ErrorStatus = '400' | '403' | '404' | '413' | '429';

export interface ErrorOptions extends Partial<Record<ErrorStatus, string>> {
  /** A JSON body: a body that is not JSON at all gets a 400 with no field list. */
  jsonBody?: boolean;
  /** Outside /api/: errors are an HTML page unless the caller asks for JSON (Accept: application/json). */
  page?: boolean;
}

/**
 * The error responses of one operation, merged under its own. Every operation can meet a 401: a request
 * sending an Authorization header that is not a valid token is refused before any route runs.
 */
export function withErrors(
  responses: ZodOpenApiResponsesObject,
  errors: ErrorOptions = {},
): ZodOpenApiResponsesObject {
  const respond = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => {
    const json = jsonResponse(description, schema);
    if (!errors.page) return json;
    return { ...json, content: { ...json.content, 'text/html': { schema: z.string() } } };
  };
  const invalid = errors.jsonBody ? z.union([FieldProblemsSchema, ProblemSchema]) : FieldProblemsSchema;
  const all: ZodOpenApiResponsesObject = { ...responses };
  if (errors[400]) all['400'] = respond(errors[400], invalid);
  all['401'] = respond(
    'Not signed in, or the Authorization header is malformed or its token expired or revoked',
    ProblemSchema,
  );
  for (const status of ['403', '404', '413', '429'] as const) {
    const description = errors[status];
    if (description) all[status] = respond(description, ProblemSchema);
  }
  return all;
}
