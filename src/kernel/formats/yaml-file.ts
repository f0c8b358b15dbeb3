import fs from 'node:fs';
import path from 'node:path';
import YAML, { LineCounter } from 'yaml';
import type { z } from 'zod';
import { type FieldError, ValidationError } from '../errors.ts';

/**
 * Reads a YAML file (of which JSON is a subset) and checks it whole against its schema: every problem is
 * listed with its path in the file, e.g. "pillars.0.priorities.2.measures.0.direction".
 */
export function parseYamlFile<Schema extends z.ZodType>(
  schema: Schema,
  text: string,
  fileName = 'the file',
): z.infer<Schema> {
  let data: unknown;
  try {
    data = YAML.parse(text, { prettyErrors: true });
  } catch (error) {
    throw new ValidationError([
      { field: fileName, message: `is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}` },
    ]);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({ field: issue.path.join('.') || fileName, message: issue.message })),
  );
}

/** A checked file, and where in it a field's path is, for errors found after the schema (by a service). */
export interface LocatedYamlFile<T> {
  data: T;
  /** "records.yaml line 14, recommendations.2.minute" for the path "recommendations.2.minute". */
  locate(field: string): string;
}

/**
 * Like parseYamlFile, but every problem names the file and the line as well as the path, e.g.
 * `police-uk.yaml line 14, indicators.2.crimeTypes.1`: for hand-written files, where the line matters.
 */
export function parseYamlFileWithLines<Schema extends z.ZodType>(
  schema: Schema,
  text: string,
  fileName = 'the file',
): LocatedYamlFile<z.infer<Schema>> {
  const lines = new LineCounter();
  const document = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const syntax = document.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line;
    throw new ValidationError([
      {
        field: line === undefined ? fileName : `${fileName} line ${line}`,
        message: `is not valid YAML or JSON: ${syntax.message.split('\n')[0]}`,
      },
    ]);
  }
  const locatePath = (path: (string | number)[]) => {
    const line = lineOf(document, lines, path);
    const where = line === null ? fileName : `${fileName} line ${line}`;
    return path.length > 0 ? `${where}, ${path.join('.')}` : where;
  };
  const locate = (field: string) =>
    locatePath(
      field
        .split('.')
        .filter((part) => part !== '')
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    );
  const result = schema.safeParse(document.toJS());
  if (result.success) return { data: result.data, locate };
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    field: locatePath(issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))),
    message: issue.message,
  }));
  throw new ValidationError(errors);
}

/** The line of the deepest node along the path that exists (a missing field points at its parent). */
function lineOf(document: YAML.Document, lines: LineCounter, path: (string | number)[]): number | null {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (YAML.isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

export function toYaml(data: unknown): string {
  return YAML.stringify(data, { lineWidth: 0 });
}

/** The .yaml files of a folder, in name order, with their text: how modules load their reviewed demo files. */
export function readYamlFiles(dir: string): { name: string; text: string }[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}
