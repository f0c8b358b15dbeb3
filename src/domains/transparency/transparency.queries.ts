import { sql } from 'kysely';
import type { IsoDate } from '../../kernel/calendar/index.ts';
import type { ContractLine, SpendingLine } from './transparency.csv.ts';
import type { TransparencyDb as Db } from './transparency.tables.ts';

export function listPolicingBodies(db: Db) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('kind', '=', 'policing-body')
    .orderBy('name')
    .execute();
}

export function findPolicingBody(db: Db, slug: string) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('kind', '=', 'policing-body')
    .where('slug', '=', slug)
    .executeTakeFirst();
}
export type BodyRow = NonNullable<Awaited<ReturnType<typeof findPolicingBody>>>;

const RECORD_COLUMNS = [
  'id',
  'dutyCode',
  'metOn',
  'period',
  'evidenceUrl',
  'note',
  'linkCheckedAt',
  'linkStatus',
  'linkProblem',
] as const;

/** A body's records of duties met, newest first. */
export function listDutyRecords(db: Db, bodyId: number) {
  return db
    .selectFrom('transparencyDutyRecord')
    .select(RECORD_COLUMNS)
    .where('bodyId', '=', bodyId)
    .orderBy('metOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
export type DutyRecordRow = Awaited<ReturnType<typeof listDutyRecords>>[number];

export function findDutyRecord(db: Db, bodyId: number, id: number) {
  return db
    .selectFrom('transparencyDutyRecord')
    .select(RECORD_COLUMNS)
    .where('bodyId', '=', bodyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertDutyRecord(
  db: Db,
  row: {
    bodyId: number;
    dutyCode: string;
    metOn: IsoDate;
    period: string | null;
    evidenceUrl: string | null;
    note: string | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('transparencyDutyRecord')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function saveLinkCheck(
  db: Db,
  id: number,
  check: { linkCheckedAt: Date; linkStatus: number | null; linkProblem: string | null },
) {
  return db.updateTable('transparencyDutyRecord').set(check).where('id', '=', id).execute();
}

/** Records with an external address, for the command that checks them all. */
export function listLinkedRecords(db: Db, bodyId?: number) {
  let query = db
    .selectFrom('transparencyDutyRecord')
    .select(['id', 'bodyId', 'evidenceUrl'])
    .where('evidenceUrl', 'is not', null)
    .orderBy('id');
  if (bodyId !== undefined) query = query.where('bodyId', '=', bodyId);
  return query.execute();
}

export function findSpendingMonth(db: Db, bodyId: number, month: IsoDate) {
  return db
    .selectFrom('spendingMonth')
    .select(['id', 'fileName', 'loadedAt'])
    .where('bodyId', '=', bodyId)
    .where('month', '=', month)
    .executeTakeFirst();
}

export function listMonthLines(db: Db, monthId: number) {
  return db
    .selectFrom('spendingTransaction')
    .select(['line', 'paidOn', 'supplier', 'amountPence', 'category', 'serviceArea', 'transactionNumber'])
    .where('monthId', '=', monthId)
    .orderBy('line')
    .execute();
}

export async function replaceSpendingMonth(
  db: Db,
  bodyId: number,
  month: IsoDate,
  fileName: string,
  lines: readonly SpendingLine[],
): Promise<number> {
  await db.deleteFrom('spendingMonth').where('bodyId', '=', bodyId).where('month', '=', month).execute();
  const { id } = await db
    .insertInto('spendingMonth')
    .values({ bodyId, month, fileName })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (lines.length)
    await db
      .insertInto('spendingTransaction')
      .values(lines.map((line) => ({ ...line, monthId: id })))
      .execute();
  return id;
}

export function listSpendingMonths(db: Db, bodyId: number) {
  return db
    .selectFrom('spendingMonth as m')
    .leftJoin('spendingTransaction as t', 't.monthId', 'm.id')
    .select([
      'm.month',
      'm.loadedAt',
      sql<number>`count(t.id)::bigint`.as('lines'),
      sql<number>`coalesce(sum(t.amount_pence), 0)::bigint`.as('totalPence'),
    ])
    .where('m.bodyId', '=', bodyId)
    .groupBy(['m.month', 'm.loadedAt'])
    .orderBy('m.month', 'desc')
    .execute();
}

export interface SpendingFilter {
  month: string | null;
  supplier: string | null;
  category: string | null;
  service: string | null;
}

/** A body's transactions, filtered: month exactly, supplier as a case-blind part, category and service exactly. */
export function listTransactions(db: Db, bodyId: number, filter: SpendingFilter) {
  let query = db
    .selectFrom('spendingTransaction as t')
    .innerJoin('spendingMonth as m', 'm.id', 't.monthId')
    .select([
      'm.month',
      't.line',
      't.paidOn',
      't.supplier',
      't.amountPence',
      't.category',
      't.serviceArea',
      't.transactionNumber',
    ])
    .where('m.bodyId', '=', bodyId);
  if (filter.month) query = query.where('m.month', '=', `${filter.month}-01`);
  if (filter.supplier)
    query = query.where('t.supplier', 'ilike', `%${filter.supplier.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.category) query = query.where('t.category', '=', filter.category);
  if (filter.service) query = query.where('t.serviceArea', '=', filter.service);
  return query.orderBy('t.paidOn').orderBy('m.month').orderBy('t.line').execute();
}
export type TransactionRow = Awaited<ReturnType<typeof listTransactions>>[number];

/** The categories and service areas a body's spending uses, for the filters. */
export async function spendingChoices(db: Db, bodyId: number) {
  const rows = await db
    .selectFrom('spendingTransaction as t')
    .innerJoin('spendingMonth as m', 'm.id', 't.monthId')
    .select(['t.category', 't.serviceArea'])
    .distinct()
    .where('m.bodyId', '=', bodyId)
    .execute();
  const sorted = (values: string[]) => [...new Set(values)].sort();
  return {
    categories: sorted(rows.map((row) => row.category)),
    services: sorted(rows.map((row) => row.serviceArea)),
  };
}

const CONTRACT_COLUMNS = [
  'id',
  'reference',
  'title',
  'supplier',
  'valuePence',
  'startsOn',
  'endsOn',
  'procurementRoute',
  'loadedAt',
] as const;

export function listContracts(db: Db, bodyId: number) {
  return db
    .selectFrom('spendingContract')
    .select(CONTRACT_COLUMNS)
    .where('bodyId', '=', bodyId)
    .orderBy('startsOn', 'desc')
    .orderBy('reference')
    .execute();
}
export type ContractRow = Awaited<ReturnType<typeof listContracts>>[number];

export async function upsertContract(db: Db, bodyId: number, id: number | null, line: ContractLine) {
  const { line: _line, ...values } = line;
  if (id !== null) {
    await db.updateTable('spendingContract').set(values).where('id', '=', id).execute();
    return id;
  }
  const inserted = await db
    .insertInto('spendingContract')
    .values({ ...values, bodyId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export function deleteContract(db: Db, id: number) {
  return db.deleteFrom('spendingContract').where('id', '=', id).execute();
}
