import { type RawBuilder, sql } from 'kysely';
import type { SearchSource } from '../../kernel/search/search-source.ts';
import { MATCH_END, MATCH_START, PAGE_SIZE, type SearchRequest } from './search.query.ts';
import type { SearchDb } from './search.tables.ts';

/** Every source's documents as one relation; each view has the same columns (migration 0033). */
function documents(sources: readonly SearchSource[]): RawBuilder<unknown> {
  return sql.join(
    sources.map(
      (source) => sql`SELECT kind, ref, title, body, dated, force_area_id FROM ${sql.table(source.view)}`,
    ),
    sql` UNION ALL `,
  );
}

/** Title words weigh more than body words (ts_rank's A and B weights), so a record named for the words wins. */
const VECTOR = sql`setweight(to_tsvector('english', d.title), 'A')
  || setweight(to_tsvector('english', coalesce(d.body, '')), 'B')`;

/**
 * The matching documents with their rank. `websearch_to_tsquery` reads what people type into search boxes
 * (quotes, "or", a leading minus) and never fails on odd input; a query with no searchable word (punctuation,
 * or only stop words such as "the") parses to an empty query, counted by `numnode` so the page can say so.
 */
function matched(sources: readonly SearchSource[], text: string) {
  return sql`query AS (SELECT websearch_to_tsquery('english', ${text}) AS q),
    found AS (
      SELECT d.kind, d.ref, d.title, d.body, d.dated, ts_rank(${VECTOR}, query.q) AS rank
        FROM (${documents(sources)}) d, query
       WHERE ${VECTOR} @@ query.q
    )`;
}

/** Whether the query has any word the database can search for. */
export async function hasSearchableWords(db: SearchDb, text: string): Promise<boolean> {
  const result = await sql<{ nodes: number }>`
    SELECT numnode(websearch_to_tsquery('english', ${text})) AS nodes`.execute(db);
  return Number(result.rows[0]?.nodes ?? 0) > 0;
}

/** How many documents of each kind match, whatever the type filter. */
export async function countMatches(db: SearchDb, sources: readonly SearchSource[], text: string) {
  const result = await sql<{ kind: string; count: string | number }>`
    WITH ${matched(sources, text)}
    SELECT kind, count(*) AS count FROM found GROUP BY kind`.execute(db);
  return new Map(result.rows.map((row) => [row.kind, Number(row.count)]));
}

export interface MatchRow {
  kind: string;
  ref: string;
  title: string;
  dated: string | Date | null;
  titleHighlight: string;
  bodyHighlight: string | null;
}

const TITLE_OPTIONS = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * One page of matches, best first (then newest, then by kind and ref so pages never overlap), with the
 * matched words marked. `ts_headline` is costly, so it runs on the page's rows only.
 */
export async function listMatches(
  db: SearchDb,
  sources: readonly SearchSource[],
  request: SearchRequest,
): Promise<MatchRow[]> {
  const kinds = request.types.length > 0 ? sql`WHERE kind IN (${sql.join(request.types)})` : sql``;
  const result = await sql<MatchRow>`
    WITH ${matched(sources, request.text)},
    page AS (
      SELECT * FROM found ${kinds}
       ORDER BY rank DESC, dated DESC NULLS LAST, kind, ref
       LIMIT ${PAGE_SIZE} OFFSET ${(request.page - 1) * PAGE_SIZE}
    )
    SELECT page.kind, page.ref, page.title, page.dated,
           ts_headline('english', page.title, query.q, ${TITLE_OPTIONS}) AS title_highlight,
           CASE WHEN page.body IS NULL THEN NULL
                ELSE ts_headline('english', page.body, query.q, ${HEADLINE_OPTIONS}) END AS body_highlight
      FROM page, query
     ORDER BY page.rank DESC, page.dated DESC NULLS LAST, page.kind, page.ref`.execute(db);
  return result.rows;
}

export interface DatedRow {
  kind: string;
  ref: string;
  title: string;
  dated: string | Date;
}

export interface DatedRequest {
  kinds: readonly string[];
  /** Inclusive bounds, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  order: 'newest' | 'soonest';
  limit: number;
  /** Only the records of this force area. */
  forceAreaId: number;
}

/**
 * Public documents of some kinds dated within a range, newest or soonest first: what a home page lists as
 * lately changed or coming up. The sources' views hold only what the public may see, as for the search.
 */
export async function listDated(
  db: SearchDb,
  sources: readonly SearchSource[],
  request: DatedRequest,
): Promise<DatedRow[]> {
  if (sources.length === 0 || request.kinds.length === 0) return [];
  const conditions = [
    sql`kind IN (${sql.join(request.kinds)})`,
    sql`dated IS NOT NULL`,
    sql`force_area_id = ${request.forceAreaId}`,
    ...(request.from ? [sql`dated >= ${request.from}::date`] : []),
    ...(request.to ? [sql`dated <= ${request.to}::date`] : []),
  ];
  const order = request.order === 'newest' ? sql`dated DESC, kind, ref DESC` : sql`dated, kind, ref`;
  const result = await sql<DatedRow>`
    SELECT kind, ref, title, dated FROM (${documents(sources)}) d
     WHERE ${sql.join(conditions, sql` AND `)}
     ORDER BY ${order}
     LIMIT ${request.limit}`.execute(db);
  return result.rows;
}
