import type { SearchSource } from '../../kernel/search/search-source.ts';
import { decisionPaths } from './decisions.paths.ts';

/** Published decisions; Part 2 ones by their public description only (migration 0033 holds the rule). */
export const DECISIONS_SEARCH: SearchSource = {
  view: 'decisions_published_search_document',
  kinds: [
    {
      kind: 'decision',
      label: 'Decision',
      plural: 'Decisions',
      url: (ref) => {
        const [body = '', number = ''] = ref.split('/');
        return decisionPaths.decision({ body, number });
      },
    },
  ],
};
