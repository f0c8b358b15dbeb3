import { NotFoundError } from '../../kernel/errors.ts';
import { type JudgementsService, toPlanGlance } from '../judgements/index.ts';
import { planPaths } from '../plans/index.ts';
import { type LedgerDeps, todayOf } from './recommendations.context.ts';
import { listMeasureLinks, type MeasureLink, measureAddress } from './recommendations.measures.ts';
import { listRecommendations, type RecommendationRow } from './recommendations.queries.ts';
import { NO_FILTER } from './recommendations.read.ts';
import type { RecommendationsDb as Db } from './recommendations.tables.ts';

/** How a measure stands today, by its address, as the scorecard of the plan in force judges it. */
export type MeasureJudgements = () => Promise<Map<string, { words: string; url: string }>>;

/** The plan in force's measures by address, with the scorecard's words for each and its page. */
export function judgedMeasures(scorecard: Awaited<ReturnType<JudgementsService['readScorecard']>>) {
  const slug = scorecard.plan?.slug;
  const glance = toPlanGlance(scorecard);
  return new Map(
    glance.priorities.flatMap((priority) =>
      priority.measures.map((m) => [
        measureAddress({ plan: slug ?? '', measure: m.code }),
        { words: m.judgement.words, url: m.url },
      ]),
    ),
  );
}

export interface ImpactMeasure extends MeasureLink {
  address: string;
  /** The measure's words in the latest version of its plan that has it. */
  text: string;
  /** The scorecard's judgement today, or null when the measure is not in the plan in force. */
  judgement: string | null;
  url: string;
}

export interface ImpactRow {
  recommendation: RecommendationRow;
  measures: ImpactMeasure[];
}

/** A body's public record, for choosing which body and year to show. */
export interface ImpactChoice {
  body: { slug: string; name: string };
  years: number[];
}

/** Each linked measure's text in the latest version of its plan that holds its code. */
async function measureTexts(db: Db, links: readonly MeasureLink[]) {
  const plans = [...new Set(links.map((link) => link.plan))];
  if (plans.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('plansPublishedMeasure as m')
    .innerJoin('plansPublishedVersion as v', 'v.id', 'm.versionId')
    .innerJoin('plansPublishedPlan as p', 'p.id', 'v.planId')
    .select(['p.slug', 'm.code', 'm.text'])
    .where('p.slug', 'in', plans)
    .orderBy('v.number')
    .execute();
  return new Map(rows.map((row) => [measureAddress({ plan: row.slug, measure: row.code }), row.text]));
}

/**
 * Only public recommendations count: the page is the Panel's public account of its impact, so neither a
 * draft (minutes not yet approved) nor one heard in private appears, whoever reads it.
 */
async function publicRecommendations(deps: LedgerDeps) {
  const rows = await listRecommendations(deps.db, todayOf(deps), NO_FILTER);
  return rows.filter((row) => row.visibility === 'public' && row.madeOn !== null);
}

/** Every body with public recommendations and the years they were made in, newest first. */
export async function listImpactChoices(deps: LedgerDeps): Promise<ImpactChoice[]> {
  const choices = new Map<string, ImpactChoice>();
  for (const row of await publicRecommendations(deps)) {
    const choice = choices.get(row.bodySlug) ?? {
      body: { slug: row.bodySlug, name: row.bodyName },
      years: [],
    };
    const year = Number(row.madeOn?.slice(0, 4));
    if (!choice.years.includes(year)) choice.years.push(year);
    choices.set(row.bodySlug, choice);
  }
  return [...choices.values()].map((choice) => ({ ...choice, years: choice.years.sort((a, b) => b - a) }));
}

/**
 * The body's public recommendations made in the year (by the date each was made), each with the plan
 * measures it was about and how they stand today.
 */
export async function readImpact(
  deps: LedgerDeps,
  judgementsOf: MeasureJudgements,
  bodySlug: string,
  year: number,
): Promise<{ body: { slug: string; name: string }; year: number; rows: ImpactRow[] }> {
  const body = await deps.db
    .selectFrom('accountsPublishedBody')
    .select(['slug', 'name'])
    .where('slug', '=', bodySlug)
    .executeTakeFirst();
  if (!body) throw new NotFoundError('There is no such body');
  const recommendations = (await publicRecommendations(deps))
    .filter((row) => row.bodySlug === bodySlug && row.madeOn?.startsWith(`${year}-`))
    .reverse();
  const links = await listMeasureLinks(
    deps.db,
    recommendations.map((row) => row.id),
  );
  const [texts, judged] = await Promise.all([measureTexts(deps.db, links), judgementsOf()]);
  const rows = recommendations.map((recommendation) => ({
    recommendation,
    measures: links
      .filter((link) => link.recommendationId === recommendation.id)
      .map(({ plan, measure }) => {
        const address = measureAddress({ plan, measure });
        const now = judged.get(address);
        return {
          plan,
          measure,
          address,
          text: texts.get(address) ?? '',
          judgement: now?.words ?? null,
          url: now?.url ?? planPaths.plan({ slug: plan }),
        };
      }),
  }));
  return { body, year, rows };
}
