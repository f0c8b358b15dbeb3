import { ValidationError } from '../../kernel/errors.ts';
import type { RecommendationsDb as Db } from './recommendations.tables.ts';

/** A plan measure a recommendation is about, by the plan's slug and the measure's code (as indicators name theirs). */
export interface MeasureLink {
  plan: string;
  measure: string;
}

/** How files and pages write a measure: `<plan slug>/<measure code>`, e.g. `thames-valley-2017-2021/P1.M2`. */
export const MEASURE_ADDRESS = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)$/;

export function measureAddress(link: MeasureLink): string {
  return `${link.plan}/${link.measure}`;
}

export function parseMeasureAddress(address: string): MeasureLink | undefined {
  const match = MEASURE_ADDRESS.exec(address);
  return match?.[1] && match[2] ? { plan: match[1], measure: match[2] } : undefined;
}

/** The measure codes of every version of each named plan; a plan Peelian does not hold is absent. */
async function measureCodesOf(db: Db, plans: readonly string[]): Promise<Map<string, Set<string>>> {
  const codes = new Map<string, Set<string>>();
  if (plans.length === 0) return codes;
  const rows = await db
    .selectFrom('plansPublishedPlan as p')
    .leftJoin('plansPublishedVersion as v', 'v.planId', 'p.id')
    .leftJoin('plansPublishedMeasure as m', 'm.versionId', 'v.id')
    .select(['p.slug', 'm.code'])
    .where('p.slug', 'in', plans)
    .execute();
  for (const row of rows) {
    const set = codes.get(row.slug) ?? new Set<string>();
    if (row.code) set.add(row.code);
    codes.set(row.slug, set);
  }
  return codes;
}

/**
 * Every link must name a plan Peelian holds and a code in one of its versions (codes are stable across a
 * plan's variations, so a recommendation about a measure of the first version stays valid after a variation).
 * `path` names where the links came from, e.g. `recommendations.3.measures`.
 */
export async function checkMeasureLinks(db: Db, links: readonly MeasureLink[], path: string) {
  const codes = await measureCodesOf(db, [...new Set(links.map((link) => link.plan))]);
  const problems = links.flatMap((link, index) => {
    const field = `${path}.${index}`;
    const plan = codes.get(link.plan);
    if (!plan) return [{ field, message: `names ${link.plan}, which is not a plan in Peelian` }];
    if (!plan.has(link.measure))
      return [{ field, message: `${link.measure} is not a measure of any version of ${link.plan}` }];
    const first = links.findIndex((other) => other.plan === link.plan && other.measure === link.measure);
    return first < index ? [{ field, message: `${measureAddress(link)} is listed twice` }] : [];
  });
  if (problems.length > 0) throw new ValidationError(problems);
}

export async function listMeasureLinks(
  db: Db,
  ids: readonly number[],
): Promise<(MeasureLink & { recommendationId: number })[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('recommendationMeasure')
    .select(['recommendationId', 'planSlug as plan', 'measureCode as measure'])
    .where('recommendationId', 'in', ids)
    .orderBy('recommendationId')
    .orderBy('position')
    .execute();
}

export async function replaceMeasureLinks(db: Db, id: number, links: readonly MeasureLink[]) {
  await db.deleteFrom('recommendationMeasure').where('recommendationId', '=', id).execute();
  if (links.length === 0) return;
  await db
    .insertInto('recommendationMeasure')
    .values(
      links.map((link, index) => ({
        recommendationId: id,
        planSlug: link.plan,
        measureCode: link.measure,
        position: index + 1,
      })),
    )
    .execute();
}
