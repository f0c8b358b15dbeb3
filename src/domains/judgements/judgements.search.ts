import type { SearchSource } from '../../kernel/search/search-source.ts';
import { scorecardPaths } from './judgements.paths.ts';

/** Moves of a measure's judgement (migration 0052): found by search and listed among what changed lately. */
export const JUDGEMENTS_SEARCH: SearchSource = {
  view: 'judgements_published_search_document',
  kinds: [
    {
      kind: 'judgement-change',
      label: "Change in a measure's judgement",
      plural: "Changes in measures' judgements",
      url: (code) => scorecardPaths.measure({ code }),
    },
  ],
};
