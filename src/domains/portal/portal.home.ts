import type { Actor } from '../../kernel/auth/actor.ts';
import type { DeadlineSource } from '../../kernel/calendar/deadlines.ts';
import { londonDateOf } from '../../kernel/calendar/london-time.ts';
import type { Signpost } from '../../kernel/http/navigation.ts';
import type { SearchSource } from '../../kernel/search/search-source.ts';
import type { AreasService } from '../areas/index.ts';
import type { JudgementsService } from '../judgements/index.ts';
import type { DatedRequest, SearchService } from '../search/index.ts';

/**
 * What the home page lists as lately changed: records whose date is when they were decided, answered or tabled,
 * and measures whose judgement moved.
 */
const RECENT_KINDS = ['decision', 'recommendation', 'paper', 'judgement-change'] as const;
const RECENT_LIMIT = 8;
const COMING_MEETINGS = 4;
const COMING_DEADLINES = 5;

export interface HomeDeps {
  areas: AreasService;
  judgements: JudgementsService;
  search: SearchService;
  searchSources: readonly SearchSource[];
  deadlineSources: readonly DeadlineSource[];
  signposts: readonly Signpost[];
  areaName: string;
  now: () => Date;
}

export type HomeData = Awaited<ReturnType<typeof readHome>>;

/**
 * Everything the home page answers at a glance for the installation's own area: the plan in force with its
 * measures judged, the next meetings and deadlines, the records lately decided, answered or tabled, and the
 * way into every part of the service. Each part reads only what the reader may see.
 */
export async function readHome(deps: HomeDeps, actor: Actor) {
  const today = londonDateOf(deps.now());
  const area = await deps.areas.findForceAreaWithAuthorities(deps.areaName);
  const dated = (request: Omit<DatedRequest, 'forceAreaId'>) =>
    area ? deps.search.dated(deps.searchSources, { ...request, forceAreaId: area.id }) : Promise.resolve([]);
  const [scorecard, recent, meetings, deadlines] = await Promise.all([
    deps.judgements.readScorecard({ areaName: deps.areaName }),
    dated({ kinds: RECENT_KINDS, to: today, order: 'newest', limit: RECENT_LIMIT }),
    dated({ kinds: ['meeting'], from: today, order: 'soonest', limit: COMING_MEETINGS }),
    comingDeadlines(deps.deadlineSources, actor, today),
  ]);
  return { scorecard, recent, meetings, deadlines, signposts: deps.signposts, area };
}

async function comingDeadlines(sources: readonly DeadlineSource[], actor: Actor, today: string) {
  const all = (await Promise.all(sources.map((source) => source(actor)))).flat();
  return all
    .filter((deadline) => deadline.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
    .slice(0, COMING_DEADLINES);
}
