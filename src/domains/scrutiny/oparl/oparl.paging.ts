import type { OparlObject } from './oparl.objects.ts';

/** What a list request may ask (OParl 1.1, "Paginierung" and "Filter"): the page, its size, the dates. */
export interface ListQuery {
  page: number;
  limit: number;
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
}

/** A record's place in a list: how to build it, and when it was created and last changed, if known. */
export interface ListEntry {
  key: number | string;
  createdAt?: Date | undefined;
  modifiedAt?: Date | undefined;
}

const within = (value: Date | undefined, since: Date | undefined, until: Date | undefined) =>
  (since === undefined && until === undefined) ||
  (value !== undefined &&
    (since === undefined || value.getTime() >= since.getTime()) &&
    (until === undefined || value.getTime() <= until.getTime()));

/** The entries the date filters keep; one with no date is kept only when no filter asks about that date. */
export function filterEntries<Entry extends ListEntry>(entries: Entry[], query: ListQuery): Entry[] {
  return entries.filter(
    (entry) =>
      within(entry.createdAt, query.createdSince, query.createdUntil) &&
      within(entry.modifiedAt, query.modifiedSince, query.modifiedUntil),
  );
}

/** One page of an OParl list: the objects, the page's figures and the links (every filter kept in each). */
export async function pageOf<Entry extends ListEntry>(
  entries: Entry[],
  query: ListQuery,
  link: (page: number) => string,
  build: (entry: Entry) => Promise<OparlObject>,
) {
  const kept = filterEntries(entries, query);
  const totalPages = Math.max(1, Math.ceil(kept.length / query.limit));
  const page = kept.slice((query.page - 1) * query.limit, query.page * query.limit);
  const data: OparlObject[] = [];
  // One after another: each object reads the database, and a page should not take every connection at once.
  for (const entry of page) data.push(await build(entry));
  return {
    data,
    pagination: {
      totalElements: kept.length,
      elementsPerPage: query.limit,
      currentPage: query.page,
      totalPages,
    },
    links: {
      first: link(1),
      ...(query.page > 1 ? { prev: link(Math.min(query.page - 1, totalPages)) } : {}),
      ...(query.page < totalPages ? { next: link(query.page + 1) } : {}),
      last: link(totalPages),
    },
  };
}
