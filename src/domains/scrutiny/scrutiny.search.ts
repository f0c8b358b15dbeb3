import type { SearchSource } from '../../kernel/search/search-source.ts';
import { meetingPaths } from './scrutiny.paths.ts';

/** Split a "<meeting>/<part>" ref from the view. */
function parts(ref: string): [string, string] {
  const [meeting = '', part = ''] = ref.split('/');
  return [meeting, part];
}

/**
 * Meetings (all public), the papers of published agendas that are not exempt, and the items of approved
 * minutes not heard in private (migration 0033 holds the rule).
 */
export const SCRUTINY_SEARCH: SearchSource = {
  view: 'scrutiny_published_search_document',
  kinds: [
    { kind: 'meeting', label: 'Meeting', plural: 'Meetings', url: (id) => meetingPaths.meeting({ id }) },
    {
      kind: 'paper',
      label: 'Paper',
      plural: 'Papers',
      url: (ref) => {
        const [id, paperId] = parts(ref);
        return meetingPaths.paper({ id, paperId });
      },
    },
    {
      kind: 'minute',
      label: 'Minute',
      plural: 'Minutes',
      url: (ref) => `${meetingPaths.minutes({ id: parts(ref)[0] })}#minute-${parts(ref)[1]}`,
    },
  ],
};
