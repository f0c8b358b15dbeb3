import type { SearchSource } from '../../kernel/search/search-source.ts';
import { recommendationPaths } from './recommendations.paths.ts';

/** Public recommendations of every origin, with their responses (migration 0033 holds the rule). */
export const RECOMMENDATIONS_SEARCH: SearchSource = {
  view: 'recommendations_published_search_document',
  kinds: [
    {
      kind: 'recommendation',
      label: 'Recommendation',
      plural: 'Recommendations',
      url: (id) => recommendationPaths.recommendation({ id }),
    },
  ],
};
