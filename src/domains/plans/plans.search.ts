import type { SearchSource } from '../../kernel/search/search-source.ts';
import { planPaths } from './plans.paths.ts';

/** Issued plans and the measures of each plan's latest issued version (migration 0033 holds the rule). */
export const PLANS_SEARCH: SearchSource = {
  view: 'plans_published_search_document',
  kinds: [
    { kind: 'plan', label: 'Plan', plural: 'Plans', url: (slug) => planPaths.plan({ slug }) },
    {
      kind: 'measure',
      label: 'Measure',
      plural: 'Measures',
      // The ref is "<plan slug>/<priority code>": a measure is read on its priority's page.
      url: (ref) => {
        const [slug = '', code = ''] = ref.split('/');
        return planPaths.priority({ slug, code });
      },
    },
  ],
};
