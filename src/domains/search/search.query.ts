import type { FieldError } from '../../kernel/errors.ts';

/** Longer than any honest query, short enough that parsing and ranking it stays cheap. */
export const MAX_QUERY_LENGTH = 200;
/** Results on one page. */
export const PAGE_SIZE = 20;
/** The deepest page asked for: past it a reader should narrow the search instead. */
export const MAX_PAGE = 50;

export interface SearchRequest {
  text: string;
  /** The kinds to list; empty lists every kind. */
  types: string[];
  page: number;
}

export type ParsedSearch =
  | { state: 'blank' }
  | { state: 'invalid'; errors: FieldError[]; text: string; types: string[] }
  | ({ state: 'ready' } & SearchRequest);

function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

function parsePage(value: unknown): number | null {
  if (value === undefined || value === '') return 1;
  if (typeof value !== 'string' || !/^[0-9]{1,4}$/.test(value)) return null;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}

/**
 * Reads a search's query string (`q`, `type` once or more, `page`): a blank query is no search at all, and
 * each other problem names its field. A query of punctuation alone is left to the database, which alone
 * knows which words it can search for (see `SearchOutcome`'s "no-words").
 */
export function parseSearch(query: Record<string, unknown>, knownKinds: readonly string[]): ParsedSearch {
  const raw = query.q;
  const text = (typeof raw === 'string' ? raw : asList(raw).join(' ')).replace(/\s+/g, ' ').trim();
  const types = [...new Set(asList(query.type))];
  const errors: FieldError[] = [];
  if (text.length > MAX_QUERY_LENGTH)
    errors.push({ field: 'q', message: `Enter no more than ${MAX_QUERY_LENGTH} characters to search for` });
  const unknown = types.filter((type) => !knownKinds.includes(type));
  if (unknown.length > 0)
    errors.push({ field: 'type', message: `There is no type of record called ${unknown.join(', ')}` });
  const page = parsePage(query.page);
  if (page === null)
    errors.push({ field: 'page', message: `Page must be a whole number from 1 to ${MAX_PAGE}` });
  if (errors.length > 0) return { state: 'invalid', errors, text: text.slice(0, MAX_QUERY_LENGTH), types };
  if (text === '') return { state: 'blank' };
  return { state: 'ready', text, types, page: page ?? 1 };
}

/** A highlight as segments, so a page escapes every character and marks only what the database matched. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Private-use characters the database puts round each match: they cannot come from typed text we show. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export function toSegments(highlighted: string): Segment[] {
  const segments: Segment[] = [];
  for (const [index, piece] of highlighted.split(MATCH_START).entries()) {
    const [matched, rest] = index === 0 ? [null, piece] : splitOnce(piece, MATCH_END);
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest.replaceAll(MATCH_END, ''), match: false });
  }
  return segments;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
