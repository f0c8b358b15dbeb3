import { formatDate } from '../../kernel/formats/dates.ts';
import { plural } from '../../kernel/formats/words.ts';
import { toPlanGlance } from '../judgements/index.ts';
import type { DatedRecord } from '../search/index.ts';
import type { HomeData } from './portal.home.ts';

const TIER_LABELS: Record<string, string> = {
  unitary: 'Unitary authority',
  county: 'County council',
  district: 'District council',
  'metropolitan-district': 'Metropolitan district',
  'london-borough': 'London borough',
};

export function tierLabel(tier: string): string {
  return TIER_LABELS[tier] ?? tier;
}

/** The home page's model: dates in words, the plan's priorities counted, the area in one line. */
export function toHomeView(home: HomeData) {
  const glance = toPlanGlance(home.scorecard);
  const dated = (record: DatedRecord) => ({ ...record, date: formatDate(record.dated) });
  return {
    plan: glance.plan,
    priorities: glance.priorities,
    measureCount: home.scorecard.measures.length,
    meetings: home.meetings.map(dated),
    deadlines: home.deadlines.map((deadline) => ({ ...deadline, date: formatDate(deadline.date) })),
    recent: home.recent.map(dated),
    signposts: home.signposts,
    area: home.area
      ? {
          name: home.area.name,
          gssCode: home.area.gssCode,
          authorities: plural(home.area.localAuthorities.length, 'local authority', 'local authorities'),
        }
      : null,
  };
}
