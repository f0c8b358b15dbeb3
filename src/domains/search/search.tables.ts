import type { DomainDb } from '../../kernel/db/domain-db.ts';
import type { View } from '../../kernel/db/table-types.ts';

type Nullable = 'body' | 'dated' | 'forceAreaId';

/**
 * Migration 0033: each owner's public documents for the search. The search reads them by the name a
 * `SearchSource` gives, so a new source is a new view of the same columns, not a change here.
 */
export interface SearchPublished {
  plansPublishedSearchDocument: View<'plansPublishedSearchDocument', Nullable>;
  scrutinyPublishedSearchDocument: View<'scrutinyPublishedSearchDocument', Nullable>;
  recommendationsPublishedSearchDocument: View<'recommendationsPublishedSearchDocument', Nullable>;
  decisionsPublishedSearchDocument: View<'decisionsPublishedSearchDocument', Nullable>;
  judgementsPublishedSearchDocument: View<'judgementsPublishedSearchDocument', Nullable>;
}

export type SearchDb = DomainDb<SearchPublished>;
