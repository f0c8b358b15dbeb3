import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { BudgetDb as Db, LineKind } from './budget.tables.ts';

/** What a budget year holds, in the shape of the file that loads it: so a reload is compared whole. */
export interface BudgetSnapshot {
  illustrative: string | null;
  source: string | null;
  bandDPence: number;
  revenue: { heading: string; amountPence: number }[];
  capital: { heading: string; amountPence: number }[];
  funding: {
    policeGrantPence: number;
    preceptPence: number;
    otherGrantsPence: number;
    reservesPence: number;
  };
  taxBase: { authority: string; bandD: number }[];
  mtfp: { year: number; spendingPence: number; fundingPence: number; savingsPence: number }[];
  monitoring: {
    quarter: number;
    heading: string;
    budgetPence: number;
    forecastPence: number;
    commentary: string | null;
  }[];
}

export async function findPolicingBody(db: Db, slug: string) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .where('kind', '=', 'policing-body')
    .executeTakeFirst();
}

export function listBudgetYears(db: Db, bodyId: number) {
  return db
    .selectFrom('budgetYear')
    .select(['startYear', 'illustrativeNote'])
    .where('bodyId', '=', bodyId)
    .orderBy('startYear', 'desc')
    .execute();
}

/** Every body with a budget, and its years: for the index page. */
export function listAllBudgetYears(db: Db) {
  return db
    .selectFrom('budgetYear as year')
    .innerJoin('accountsPublishedBody as office', 'office.id', 'year.bodyId')
    .select(['office.slug', 'office.name', 'year.startYear', 'year.illustrativeNote'])
    .orderBy('office.name')
    .orderBy('year.startYear', 'desc')
    .execute();
}

/** A body's budget for a year, read back as its snapshot, with the row's id; undefined when none is held. */
export async function readBudgetYear(
  db: Db,
  bodyId: number,
  startYear: number,
): Promise<{ id: number; snapshot: BudgetSnapshot } | undefined> {
  const row = await db
    .selectFrom('budgetYear')
    .selectAll()
    .where('bodyId', '=', bodyId)
    .where('startYear', '=', startYear)
    .executeTakeFirst();
  if (!row) return undefined;
  const [lines, taxBase, mtfp, monitoring] = await Promise.all([
    db.selectFrom('budgetLine').selectAll().where('budgetYearId', '=', row.id).orderBy('position').execute(),
    db
      .selectFrom('budgetTaxBase')
      .selectAll()
      .where('budgetYearId', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('budgetMtfpYear')
      .selectAll()
      .where('budgetYearId', '=', row.id)
      .orderBy('startYear')
      .execute(),
    db
      .selectFrom('budgetMonitoring')
      .selectAll()
      .where('budgetYearId', '=', row.id)
      .orderBy('position')
      .execute(),
  ]);
  const linesOf = (kind: LineKind) =>
    lines.filter((line) => line.kind === kind).map(({ heading, amountPence }) => ({ heading, amountPence }));
  return {
    id: row.id,
    snapshot: {
      illustrative: row.illustrativeNote,
      source: row.sourceNote,
      bandDPence: row.bandD,
      revenue: linesOf('revenue'),
      capital: linesOf('capital'),
      funding: {
        policeGrantPence: row.policeGrantPence,
        preceptPence: row.preceptPence,
        otherGrantsPence: row.otherGrantsPence,
        reservesPence: row.reservesPence,
      },
      taxBase: taxBase.map(({ authority, taxBaseHundredths }) => ({ authority, bandD: taxBaseHundredths })),
      mtfp: mtfp.map(({ startYear, spendingPence, fundingPence, savingsPence }) => ({
        year: startYear,
        spendingPence,
        fundingPence,
        savingsPence,
      })),
      monitoring: monitoring.map(({ quarter, heading, budgetPence, forecastPence, commentary }) => ({
        quarter,
        heading,
        budgetPence,
        forecastPence,
        commentary,
      })),
    },
  };
}

/** Writes a year's budget whole: its row kept (so the audit trail follows one id), its parts replaced. */
export async function saveBudgetYear(
  db: Db,
  existingId: number | null,
  bodyId: number,
  startYear: number,
  budget: BudgetSnapshot,
): Promise<number> {
  const row = {
    illustrativeNote: budget.illustrative,
    sourceNote: budget.source,
    bandD: budget.bandDPence,
    ...budget.funding,
  };
  let id = existingId;
  if (id === null) {
    id = await insertedId(
      db
        .insertInto('budgetYear')
        .values({ ...row, bodyId, startYear })
        .returning('id'),
    );
  } else {
    await db.updateTable('budgetYear').set(row).where('id', '=', id).execute();
    for (const table of ['budgetLine', 'budgetTaxBase', 'budgetMtfpYear', 'budgetMonitoring'] as const)
      await db.deleteFrom(table).where('budgetYearId', '=', id).execute();
  }
  const budgetYearId = id;
  const lines = [
    ...budget.revenue.map((line) => ({ ...line, kind: 'revenue' as const })),
    ...budget.capital.map((line) => ({ ...line, kind: 'capital' as const })),
  ].map((line, position) => ({ ...line, position, budgetYearId }));
  await db.insertInto('budgetLine').values(lines).execute();
  await db
    .insertInto('budgetTaxBase')
    .values(
      budget.taxBase.map((each, position) => ({
        budgetYearId,
        position,
        authority: each.authority,
        taxBaseHundredths: each.bandD,
      })),
    )
    .execute();
  if (budget.mtfp.length)
    await db
      .insertInto('budgetMtfpYear')
      .values(budget.mtfp.map(({ year, ...figures }) => ({ ...figures, startYear: year, budgetYearId })))
      .execute();
  if (budget.monitoring.length)
    await db
      .insertInto('budgetMonitoring')
      .values(budget.monitoring.map((line, position) => ({ ...line, position, budgetYearId })))
      .execute();
  return budgetYearId;
}
