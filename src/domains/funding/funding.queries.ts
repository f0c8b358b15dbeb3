import { type Insertable, sql } from 'kysely';
import type { FundSnapshot } from './funding.snapshot.ts';
import type { FundingDb as Db, FundingTables } from './funding.tables.ts';

// Funding's reads and writes of its own tables, and what it reads of the domains above it through their
// published views: bodies, local authorities, plan priorities, populations and police.uk crime counts.

export async function findBody(db: Db, slug: string) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name', 'kind', 'forceAreaId'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

function fundsWithBody(db: Db) {
  return db
    .selectFrom('fund as f')
    .innerJoin('accountsPublishedBody as b', 'b.id', 'f.bodyId')
    .selectAll('f')
    .select(['b.slug as bodySlug', 'b.name as bodyName', 'b.forceAreaId']);
}

export type FundRow = NonNullable<Awaited<ReturnType<typeof findFund>>>;

export async function findFund(db: Db, slug: string) {
  return fundsWithBody(db).where('f.slug', '=', slug).executeTakeFirst();
}

export async function listFundRows(db: Db) {
  return fundsWithBody(db).orderBy('b.name').orderBy('f.name').execute();
}

export async function listBudgets(db: Db, fundIds: readonly number[]) {
  if (fundIds.length === 0) return [];
  const rows = await db
    .selectFrom('fundBudget')
    .selectAll()
    .where('fundId', 'in', fundIds)
    .orderBy('financialYear')
    .execute();
  return rows.map((row) => ({ ...row, amountPence: Number(row.amountPence) }));
}

/** Everything a fund's page shows besides its budgets, in the order the file gave it. */
export async function readFundParts(db: Db, fundId: number) {
  const [priorities, rounds, assessment, formulas, criteria, values] = await Promise.all([
    db.selectFrom('fundPriority').selectAll().where('fundId', '=', fundId).orderBy('position').execute(),
    db.selectFrom('fundRound').selectAll().where('fundId', '=', fundId).orderBy('position').execute(),
    db
      .selectFrom('fundAssessmentCriterion')
      .selectAll()
      .where('fundId', '=', fundId)
      .orderBy('position')
      .execute(),
    db.selectFrom('fundFormula').selectAll().where('fundId', '=', fundId).orderBy('financialYear').execute(),
    db
      .selectFrom('fundFormulaCriterion')
      .selectAll()
      .where('fundId', '=', fundId)
      .orderBy('financialYear')
      .orderBy('position')
      .execute(),
    db.selectFrom('fundFormulaValue').selectAll().where('fundId', '=', fundId).orderBy('areaCode').execute(),
  ]);
  return { priorities, rounds, assessment, formulas, criteria, values };
}
export type FundParts = Awaited<ReturnType<typeof readFundParts>>;

/** The priorities of a plan's latest issued version, by code: what a fund may say it serves. */
export async function issuedPriorities(db: Db, planSlug: string) {
  const version = await db
    .selectFrom('plansPublishedPlan as p')
    .innerJoin('plansPublishedVersion as v', 'v.planId', 'p.id')
    .select(['p.title', 'v.id'])
    .where('p.slug', '=', planSlug)
    .where('v.state', '=', 'issued')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!version) return undefined;
  const priorities = await db
    .selectFrom('plansPublishedPriority')
    .select(['code', 'title'])
    .where('versionId', '=', version.id)
    .orderBy('position')
    .execute();
  return { title: version.title, priorities };
}

/**
 * The authorities a formula shares among: the force area's unitary, district and metropolitan authorities and
 * London boroughs — where community safety partnerships sit (Crime and Disorder Act 1998 s5) — not counties.
 */
export async function recipientAuthorities(db: Db, forceAreaId: number) {
  return db
    .selectFrom('areasPublishedLocalAuthority')
    .select(['gssCode as code', 'name'])
    .where('forceAreaId', '=', forceAreaId)
    .where('tier', '!=', 'county')
    .orderBy('gssCode')
    .execute();
}

export async function populationsOf(db: Db, year: number, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('judgementsPublishedPopulation')
    .select(['areaCode', 'population'])
    .where('year', '=', year)
    .where('areaCode', 'in', codes)
    .execute();
}

/** police.uk crimes (not anti-social behaviour, which is not a crime) by local authority over the months. */
export async function crimesByAuthority(db: Db, forceAreaId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('performancePublishedCrimeCount')
    .select(['localAuthorityCode', sql<string>`sum(count)`.as('crimes')])
    .where('forceAreaId', '=', forceAreaId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('localAuthorityCode', 'is not', null)
    .groupBy('localAuthorityCode')
    .execute();
  return rows.map((row) => ({ areaCode: row.localAuthorityCode as string, crimes: Number(row.crimes) }));
}

/** The months of police.uk street data held for the force between the two months. */
export async function streetMonthsHeld(db: Db, forceAreaId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('performancePublishedStreetMonth')
    .select('month')
    .where('forceAreaId', '=', forceAreaId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();
  return rows.map((row) => String(row.month).slice(0, 7));
}

export async function findAllocation(db: Db, fundId: number, year: string) {
  const allocation = await db
    .selectFrom('fundAllocation')
    .selectAll()
    .where('fundId', '=', fundId)
    .where('financialYear', '=', year)
    .executeTakeFirst();
  if (!allocation) return undefined;
  const lines = await db
    .selectFrom('fundAllocationLine')
    .selectAll()
    .where('allocationId', '=', allocation.id)
    .orderBy('areaCode')
    .execute();
  return {
    ...allocation,
    potPence: Number(allocation.potPence),
    retainedPence: Number(allocation.retainedPence),
    lines: lines.map((line) => ({ ...line, amountPence: Number(line.amountPence) })),
  };
}
export type RecordedAllocation = NonNullable<Awaited<ReturnType<typeof findAllocation>>>;

export async function recordedYears(db: Db, fundId: number) {
  const rows = await db
    .selectFrom('fundAllocation')
    .select('financialYear')
    .where('fundId', '=', fundId)
    .execute();
  return new Set(rows.map((row) => row.financialYear));
}

/** Brings a fund's budgets, priorities, rounds, criteria and formulas to the snapshot, replacing the old. */
export async function writeFundParts(db: Db, fundId: number, fund: FundSnapshot) {
  for (const budget of fund.budgets)
    await db
      .insertInto('fundBudget')
      .values({ fundId, financialYear: budget.year, amountPence: budget.amountPence })
      .onConflict((conflict) =>
        conflict.columns(['fundId', 'financialYear']).doUpdateSet({ amountPence: budget.amountPence }),
      )
      .execute();
  await db
    .deleteFrom('fundBudget')
    .where('fundId', '=', fundId)
    .where(
      'financialYear',
      'not in',
      fund.budgets.map((budget) => budget.year),
    )
    .execute();
  for (const table of ['fundPriority', 'fundRound', 'fundAssessmentCriterion', 'fundFormula'] as const)
    await db.deleteFrom(table).where('fundId', '=', fundId).execute();
  if (fund.priorities.length)
    await db
      .insertInto('fundPriority')
      .values(fund.priorities.map((priorityCode, index) => ({ fundId, priorityCode, position: index + 1 })))
      .execute();
  if (fund.rounds.length)
    await db
      .insertInto('fundRound')
      .values(fund.rounds.map((round, index) => ({ fundId, ...round, position: index + 1 })))
      .execute();
  if (fund.assessment.length)
    await db
      .insertInto('fundAssessmentCriterion')
      .values(fund.assessment.map((criterion, index) => ({ fundId, ...criterion, position: index + 1 })))
      .execute();
  for (const { criteria, year, ...formula } of fund.formulas) {
    await db
      .insertInto('fundFormula')
      .values({ fundId, financialYear: year, ...formula })
      .execute();
    await db
      .insertInto('fundFormulaCriterion')
      .values(
        criteria.map(({ values: _values, ...criterion }, index) => ({
          fundId,
          financialYear: year,
          ...criterion,
          position: index + 1,
        })),
      )
      .execute();
    const values = criteria.flatMap((criterion) =>
      Object.entries(criterion.values ?? {}).map(([areaCode, value]) => ({
        fundId,
        financialYear: year,
        criterionCode: criterion.code,
        areaCode,
        value,
      })),
    );
    if (values.length) await db.insertInto('fundFormulaValue').values(values).execute();
  }
}

/** A fund brought up to its file: updated where it was found, else inserted. Gives its id. */
export async function upsertFund(
  db: Db,
  foundId: number | null,
  values: Insertable<FundingTables['fund']> & { bodyId: number; slug: string },
) {
  const { bodyId, slug, ...row } = values;
  const saved = foundId
    ? await db
        .updateTable('fund')
        .set(row)
        .where('id', '=', foundId)
        .returning('id')
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('fund')
        .values({ ...row, bodyId, slug })
        .returning('id')
        .executeTakeFirstOrThrow();
  return saved.id;
}

/** A recorded allocation and its lines, one per authority. Gives its id. */
export async function insertAllocation(
  db: Db,
  values: Insertable<FundingTables['fundAllocation']>,
  lines: Omit<Insertable<FundingTables['fundAllocationLine']>, 'allocationId'>[],
) {
  const { id } = await db
    .insertInto('fundAllocation')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('fundAllocationLine')
    .values(lines.map((line) => ({ ...line, allocationId: id })))
    .execute();
  return id;
}
