import YAML, { LineCounter } from 'yaml';
import { type FieldError, ValidationError } from '../../kernel/errors.ts';
import { type IndicatorFile, IndicatorFileSchema } from './indicators.file-schema.ts';

/**
 * Reads an indicator file (YAML or JSON) and checks it whole. Every problem names the file, the line and the
 * field's path, e.g. `police-uk.yaml line 14, indicators.2.crimeTypes.1: "Burglery" is not a police.uk crime
 * type`. The kernel's YAML reader names paths only; definitions are hand-written, so the line matters here.
 */
export function parseIndicatorFile(text: string, fileName = 'the file'): IndicatorFile {
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
  const result = IndicatorFileSchema.safeParse(document.toJS());
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const line = lineOf(document, lines, path);
    const where = line === null ? fileName : `${fileName} line ${line}`;
    return { field: path.length > 0 ? `${where}, ${path.join('.')}` : where, message: issue.message };
  });
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
