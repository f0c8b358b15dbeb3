import { sql, type Updateable } from 'kysely';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type {
  DecisionsDb as Db,
  DecisionMaker,
  DecisionPart,
  DecisionStatus,
  DecisionsTables,
  InformationRegime,
} from './decisions.tables.ts';

/** A decision as the office records it. */
export interface DecisionValues {
  bodyId: number;
  number: string;
  title: string;
  summary: string;
  maker: DecisionMaker;
  keyDecision: boolean;
  plannedOn: string | null;
  valuePence: number | null;
  advice: string | null;
  part: DecisionPart;
  publicStub: string | null;
  part2Advice: string | null;
  exemption: string | null;
  informationRegime: InformationRegime;
}

export interface DecisionRow extends DecisionValues {
  id: number;
  bodySlug: string;
  bodyName: string;
  status: DecisionStatus;
  decidedOn: string | null;
  cfoName: string | null;
  cfoSignedOn: string | null;
  monitoringOfficerName: string | null;
  monitoringOfficerSignedOn: string | null;
  publicationDueOn: string | null;
  deferredUntil: string | null;
  deferralReason: string | null;
  publishedAt: Date | null;
  priorities: string[];
}

export interface RegisterQuery {
  statuses: readonly DecisionStatus[];
  year: number | null;
  maker: DecisionMaker | null;
}

function selectDecisions(db: Db) {
  return db
    .selectFrom('decision as d')
    .innerJoin('accountsPublishedBody as body', 'body.id', 'd.bodyId')
    .selectAll('d')
    .select(['body.slug as bodySlug', 'body.name as bodyName']);
}

async function withPriorities(db: Db, rows: Omit<DecisionRow, 'priorities'>[]): Promise<DecisionRow[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('decisionPriority')
    .select(['decisionId', 'priorityCode'])
    .where(
      'decisionId',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('priorityCode')
    .execute();
  return rows.map((row) => ({
    ...row,
    valuePence: row.valuePence === null ? null : Number(row.valuePence),
    priorities: links.filter((link) => link.decisionId === row.id).map((link) => link.priorityCode),
  }));
}

/** Decisions in the given states, newest first (by decision date, then planned date), filtered in SQL. */
export async function listDecisions(db: Db, query: RegisterQuery): Promise<DecisionRow[]> {
  let select = selectDecisions(db).where('d.status', 'in', query.statuses);
  if (query.year !== null)
    select = select.where(sql<number>`extract(year FROM d.decided_on)`, '=', query.year);
  if (query.maker) select = select.where('d.maker', '=', query.maker);
  const rows = await select
    .orderBy('d.decidedOn', (order) => order.desc().nullsLast())
    .orderBy('d.plannedOn', (order) => order.asc().nullsLast())
    .orderBy('d.number', 'desc')
    .execute();
  return withPriorities(db, rows);
}

export async function findDecision(
  db: Db,
  bodySlug: string,
  number: string,
): Promise<DecisionRow | undefined> {
  const row = await selectDecisions(db)
    .where('body.slug', '=', bodySlug)
    .where('d.number', '=', number)
    .executeTakeFirst();
  return row ? (await withPriorities(db, [row]))[0] : undefined;
}

export function findNumber(db: Db, bodyId: number, number: string) {
  return db
    .selectFrom('decision')
    .select('id')
    .where('bodyId', '=', bodyId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The policing bodies (the Commissioners' offices) decisions are recorded for. */
export function listPolicingBodies(db: Db) {
  return db
    .selectFrom('accountsPublishedBody')
    .select(['id', 'slug', 'name'])
    .where('kind', '=', 'policing-body')
    .orderBy('name')
    .execute();
}

export async function insertDecision(db: Db, values: DecisionValues, priorities: readonly string[]) {
  const id = await insertedId(db.insertInto('decision').values(values).returning('id'));
  if (priorities.length)
    await db
      .insertInto('decisionPriority')
      .values(priorities.map((priorityCode) => ({ decisionId: id, priorityCode })))
      .execute();
  return id;
}

export async function updateDecision(db: Db, id: number, fields: Updateable<DecisionsTables['decision']>) {
  await db.updateTable('decision').set(fields).where('id', '=', id).execute();
}
