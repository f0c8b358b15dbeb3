import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/** The parts of an OpenAPI 3.1 document this check reads. */
interface OpenApiDocument {
  paths?: Record<
    string,
    Record<
      string,
      { responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }> }
    >
  >;
  components?: unknown;
}

const DOCUMENT_ID = 'urn:peelian:openapi';
const validators = new WeakMap<OpenApiDocument, Ajv2020>();

/** One validator per document, holding its components so a response schema's `$ref`s resolve. */
function validatorFor(document: OpenApiDocument): Ajv2020 {
  let ajv = validators.get(document);
  if (!ajv) {
    // Not strict: OpenAPI adds keywords of its own (example, discriminator) that JSON Schema does not know.
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: DOCUMENT_ID, components: document.components }, DOCUMENT_ID);
    validators.set(document, ajv);
  }
  return ajv;
}

/**
 * Fails unless the document declares `status` for the operation and `body` matches its JSON schema
 * (draft 2020-12, as OpenAPI 3.1 uses), naming each place the body breaks it.
 */
export function expectMatchesOpenApi(
  document: OpenApiDocument,
  method: string,
  path: string,
  status: number,
  body: unknown,
): void {
  const operation = document.paths?.[path]?.[method.toLowerCase()];
  expect(operation, `${method.toUpperCase()} ${path} is not in the document`).toBeDefined();
  const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
  expect(schema, `${method.toUpperCase()} ${path} declares no JSON schema for ${status}`).toBeDefined();
  const rebased = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`),
  ) as object;
  const ajv = validatorFor(document);
  const validate = ajv.compile(rebased);
  const valid = validate(body);
  expect(
    valid,
    `${method.toUpperCase()} ${path} ${status} does not match its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`,
  ).toBe(true);
}
