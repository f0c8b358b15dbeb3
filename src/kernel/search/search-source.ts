/** One kind of record a search can find, as its owner names and links it. */
export interface SearchKind {
  /** The `kind` column of the owner's view, and the value of the search's type filter. */
  kind: string;
  /** Singular and plural names, in sentence case, for the results and the type filter. */
  label: string;
  plural: string;
  /** The page of one record, from the `ref` its owner's view gives. */
  url: (ref: string) => string;
}

/**
 * What a domain lets the public search find: one view of its own, `<owner>_published_search_document`
 * (kind, ref, title, body, dated, force_area_id), holding only records its public read rule lets anyone see,
 * and the kinds of record in it. The search reads nothing else, so it cannot find what the owner withholds.
 */
export interface SearchSource {
  view: `${string}_published_search_document`;
  kinds: readonly SearchKind[];
}
