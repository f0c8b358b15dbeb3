import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA_FOLDER = new URL('./oparl-schema/', import.meta.url);
const SCHEMA_BASE = 'https://schema.oparl.org/1.1/';

/** An absolute http(s) URL: what OParl means by its own format "url". */
function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\//.test(value) && URL.canParse(value);
}

/**
 * An ajv holding the official OParl 1.1 schemas (see oparl-schema/README.md for the draft and the keywords).
 * Not strict: the schemas put `items` beside `"type": "string"` (an external list's URL), which strict mode
 * refuses although it validates nothing.
 */
function oparlAjv(): Ajv {
  // Their patterns escape characters (`\:`) that a Unicode regular expression refuses, so plain ones are used.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv, ['date', 'date-time']);
  ajv.addFormat('url', isAbsoluteUrl);
  ajv.addKeyword({
    keyword: 'schema',
    // An embedded object is validated against the schema it names; on a URL ("type": "string") it only says
    // what the URL leads to.
    macro: (value: string, parent: AnySchemaObject) =>
      parent.type === 'object' && value.endsWith('.json') ? { $ref: value } : {},
  });
  for (const keyword of ['references', 'backreference', 'cardinality']) ajv.addKeyword({ keyword });
  for (const file of readdirSync(SCHEMA_FOLDER).filter((name) => name.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(new URL(file, SCHEMA_FOLDER), 'utf8')) as object;
    ajv.addSchema({ ...schema, $id: `${SCHEMA_BASE}${file}` });
  }
  return ajv;
}

let shared: Ajv | undefined;

/**
 * The problems with one OParl object by the official schema its `type` names (an empty list when it is
 * valid); an object whose type is not an OParl 1.1 type is a problem in itself.
 */
export function oparlProblems(object: unknown): string[] {
  shared ??= oparlAjv();
  const type = (object as { type?: unknown }).type;
  const name = typeof type === 'string' && type.startsWith(SCHEMA_BASE) ? type.slice(SCHEMA_BASE.length) : '';
  const validate: ValidateFunction | undefined = name
    ? shared.getSchema(`${SCHEMA_BASE}${name}.json`)
    : undefined;
  if (!validate) return [`type ${String(type)} is not an OParl 1.1 type`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map((error) => `${name}${error.instancePath} ${error.message ?? ''}`);
}
