import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

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
