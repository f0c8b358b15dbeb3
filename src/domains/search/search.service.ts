import type { FieldError } from '../../kernel/errors.ts';
import type { SearchKind, SearchSource } from '../../kernel/search/search-source.ts';
import {
  countMatches,
  type DatedRequest,
  hasSearchableWords,
  listDated,
  listMatches,
  type MatchRow,
} from './search.queries.ts';
import { PAGE_SIZE, parseSearch, type Segment, toSegments } from './search.query.ts';
import type { SearchDb } from './search.tables.ts';

export interface SearchResult {
  kind: string;
  label: string;
  url: string;
  title: string;
  dated: string | null;
  titleSegments: Segment[];
  snippet: Segment[];
}

export interface KindCount {
  kind: string;
  label: string;
  plural: string;
  count: number;
  selected: boolean;
}

/**
 * What a search came to. "blank": nothing asked; "invalid": a field is wrong (each named); "no-words": the
 * query has no word that can be searched for (only punctuation or words too common to index); "found": the
 * matches of the chosen kinds (possibly none), with how many of every kind matched.
 */
export interface SearchOutcome {
  state: 'blank' | 'invalid' | 'no-words' | 'found';
  text: string;
  types: string[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  counts: KindCount[];
  results: SearchResult[];
  errors: FieldError[];
}

function dateText(value: MatchRow['dated']): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

export type SearchService = ReturnType<typeof createSearchService>;

function kindsOf(sources: readonly SearchSource[]): Map<string, SearchKind> {
  return new Map(sources.flatMap((source) => source.kinds.map((kind) => [kind.kind, kind] as const)));
}

/** Search over the public documents of the sources given (every domain's, as the app assembles them). */
export function createSearchService(deps: { db: SearchDb }) {
  async function search(
    sources: readonly SearchSource[],
    query: Record<string, unknown>,
  ): Promise<SearchOutcome> {
    const known = kindsOf(sources);
    const parsed = parseSearch(query, [...known.keys()]);
    const empty = { page: 1, pageSize: PAGE_SIZE, total: 0, pages: 0, counts: [], results: [], errors: [] };
    if (parsed.state === 'blank') return { ...empty, state: 'blank', text: '', types: [] };
    if (parsed.state === 'invalid') return { ...empty, ...parsed };
    const { text, types, page } = parsed;
    if (!(await hasSearchableWords(deps.db, text))) return { ...empty, state: 'no-words', text, types };
    const [counted, rows] = await Promise.all([
      countMatches(deps.db, sources, text),
      listMatches(deps.db, sources, parsed),
    ]);
    const counts = [...known.values()].map((kind) => ({
      kind: kind.kind,
      label: kind.label,
      plural: kind.plural,
      count: counted.get(kind.kind) ?? 0,
      selected: types.includes(kind.kind),
    }));
    const total = counts
      .filter((count) => types.length === 0 || count.selected)
      .reduce((sum, c) => sum + c.count, 0);
    const results = rows.map((row) => toResult(row, known));
    return {
      ...empty,
      state: 'found',
      text,
      types,
      page,
      total,
      pages: Math.ceil(total / PAGE_SIZE),
      counts,
      results,
    };
  }

  /** Public records of the kinds asked for, by date (see `listDated`), each linked as the search links it. */
  async function dated(sources: readonly SearchSource[], request: DatedRequest): Promise<DatedRecord[]> {
    const known = kindsOf(sources);
    const holding = sources.filter((source) =>
      source.kinds.some((kind) => request.kinds.includes(kind.kind)),
    );
    const rows = await listDated(deps.db, holding, request);
    return rows.map((row) => {
      const kind = knownKind(known, row.kind);
      return {
        kind: row.kind,
        label: kind.label,
        url: kind.url(row.ref),
        title: row.title,
        dated: dateText(row.dated) ?? '',
      };
    });
  }

  return { search, dated };
}

export interface DatedRecord {
  kind: string;
  label: string;
  url: string;
  title: string;
  dated: string;
}

function knownKind(known: Map<string, SearchKind>, name: string): SearchKind {
  const kind = known.get(name);
  if (!kind) throw new Error(`A search view gave a kind no source names: ${name}`);
  return kind;
}

function toResult(row: MatchRow, known: Map<string, SearchKind>): SearchResult {
  const kind = knownKind(known, row.kind);
  return {
    kind: row.kind,
    label: kind.label,
    url: kind.url(row.ref),
    title: row.title,
    dated: dateText(row.dated),
    titleSegments: toSegments(row.titleHighlight),
    snippet: row.bodyHighlight ? toSegments(row.bodyHighlight) : [],
  };
}
