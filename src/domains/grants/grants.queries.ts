import type { Insertable, Updateable } from 'kysely';
import type { GrantsDb as Db, GrantsTables } from './grants.tables.ts';

// Grants' reads and writes of its own tables, and what it reads of accounts' bodies and funding's funds.

export async function findOrganisationBodies(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('accountsPublishedBody as b')
    .leftJoin('grantOrganisation as o', 'o.bodyId', 'b.id')
    .select([
      'b.id',
      'b.slug',
      'b.name',
      'o.type',
      'o.charityNumber',
      'o.companyNumber',
      'o.localAuthorityCode',
    ])
    .where('b.id', 'in', ids)
    .where('b.kind', '=', 'partner-organisation')
    .orderBy('b.name')
    .execute();
}
export type OrganisationRow = Awaited<ReturnType<typeof findOrganisationBodies>>[number];

export async function saveOrganisation(db: Db, values: Insertable<GrantsTables['grantOrganisation']>) {
  await db
    .insertInto('grantOrganisation')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('bodyId').doUpdateSet({
        type: values.type,
        charityNumber: values.charityNumber ?? null,
        companyNumber: values.companyNumber ?? null,
        localAuthorityCode: values.localAuthorityCode ?? null,
      }),
    )
    .execute();
}

/** Every round of every fund, with its fund and that year's budget: what an applicant may choose from. */
export async function listRounds(db: Db) {
  const rows = await db
    .selectFrom('fundingPublishedRound as r')
    .innerJoin('fundingPublishedFund as f', 'f.id', 'r.fundId')
    .select([
      'f.id as fundId',
      'f.slug as fundSlug',
      'f.name as fundName',
      'f.bodyId',
      'f.applicantTypes',
      'f.eligibility',
      'r.name as roundName',
      'r.opensOn',
      'r.closesOn',
      'r.maxAwardPence',
    ])
    .orderBy('f.name')
    .orderBy('r.position')
    .execute();
  const budgets = await db.selectFrom('fundingPublishedBudget').selectAll().execute();
  return rows.map((row) => ({
    ...row,
    maxAwardPence: row.maxAwardPence === null ? null : Number(row.maxAwardPence),
    budgets: budgets
      .filter((budget) => budget.fundId === row.fundId)
      .map((budget) => ({ year: budget.financialYear, pence: Number(budget.amountPence) })),
  }));
}
export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

export async function listCriteria(db: Db, fundId: number) {
  return db
    .selectFrom('fundingPublishedCriterion')
    .select(['name', 'description', 'weight'])
    .where('fundId', '=', fundId)
    .orderBy('position')
    .execute();
}

function applications(db: Db) {
  return db
    .selectFrom('grantApplication as a')
    .innerJoin('accountsPublishedBody as o', 'o.id', 'a.organisationId')
    .innerJoin('fundingPublishedFund as f', 'f.id', 'a.fundId')
    .leftJoin('grantAssessment as s', 's.applicationId', 'a.id')
    .leftJoin('grantAward as w', 'w.applicationId', 'a.id')
    .selectAll('a')
    .select([
      'o.name as organisationName',
      'f.slug as fundSlug',
      'f.name as fundName',
      'f.bodyId',
      's.assessorUserId',
      's.assessorName',
      's.assessedOn',
      's.weightedTotal',
      's.moderatorUserId',
      's.moderatorName',
      's.moderatedOn',
      's.moderation',
      's.moderationNote',
      's.moderatedTotal',
      'w.id as awardId',
    ]);
}

function withNumbers<Row extends { amountPence: number | string | null }>(row: Row) {
  return { ...row, amountPence: row.amountPence === null ? null : Number(row.amountPence) };
}

export async function findApplication(db: Db, id: number) {
  const row = await applications(db).where('a.id', '=', id).executeTakeFirst();
  return row && withNumbers(row);
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function listApplicationsOf(db: Db, organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return [];
  const rows = await applications(db)
    .where('a.organisationId', 'in', organisationIds)
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map(withNumbers);
}

/** Submitted and decided applications (never a draft), newest first. */
export async function listSubmitted(db: Db) {
  const rows = await applications(db)
    .where('a.state', '!=', 'draft')
    .orderBy('a.submittedOn', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map(withNumbers);
}

export async function insertApplication(db: Db, values: Insertable<GrantsTables['grantApplication']>) {
  const row = await db
    .insertInto('grantApplication')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateApplication(
  db: Db,
  id: number,
  values: Updateable<GrantsTables['grantApplication']>,
) {
  await db.updateTable('grantApplication').set(values).where('id', '=', id).execute();
}

export async function listDeclarations(db: Db, applicationId: number) {
  return db
    .selectFrom('grantDeclaration')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('declaredOn')
    .execute();
}

export async function saveDeclaration(db: Db, values: Insertable<GrantsTables['grantDeclaration']>) {
  await db.insertInto('grantDeclaration').values(values).execute();
}

export async function listScores(db: Db, applicationId: number) {
  return db
    .selectFrom('grantScore')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('position')
    .execute();
}

export async function insertAssessment(
  db: Db,
  assessment: Insertable<GrantsTables['grantAssessment']>,
  scores: Insertable<GrantsTables['grantScore']>[],
) {
  await db.insertInto('grantAssessment').values(assessment).execute();
  await db.insertInto('grantScore').values(scores).execute();
}

export async function moderateAssessment(
  db: Db,
  applicationId: number,
  values: Updateable<GrantsTables['grantAssessment']>,
  scores: readonly { criterion: string; moderatedScore: number }[],
) {
  await db.updateTable('grantAssessment').set(values).where('applicationId', '=', applicationId).execute();
  for (const score of scores)
    await db
      .updateTable('grantScore')
      .set({ moderatedScore: score.moderatedScore })
      .where('applicationId', '=', applicationId)
      .where('criterion', '=', score.criterion)
      .execute();
}

/** What has been awarded from a fund in a financial year, in pence. */
export async function awardedFrom(db: Db, fundId: number, year: string): Promise<number> {
  const row = await db
    .selectFrom('grantAward')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amountPence'), eb.lit(0)).as('total'))
    .where('fundId', '=', fundId)
    .where('financialYear', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function budgetOf(db: Db, fundId: number, year: string): Promise<number | null> {
  const row = await db
    .selectFrom('fundingPublishedBudget')
    .select('amountPence')
    .where('fundId', '=', fundId)
    .where('financialYear', '=', year)
    .executeTakeFirst();
  return row ? Number(row.amountPence) : null;
}

export async function insertAward(
  db: Db,
  award: Insertable<GrantsTables['grantAward']>,
  instalments: { dueOn: string; amountPence: number }[],
) {
  const { id } = await db.insertInto('grantAward').values(award).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('grantInstalment')
    .values(instalments.map((each, index) => ({ awardId: id, number: index + 1, ...each })))
    .execute();
  return id;
}

/** Awards with their recipient organisation, fund and purpose: nothing about any person. */
function awards(db: Db) {
  return db
    .selectFrom('grantAward as w')
    .innerJoin('grantApplication as a', 'a.id', 'w.applicationId')
    .innerJoin('accountsPublishedBody as b', 'b.id', 'a.organisationId')
    .innerJoin('grantOrganisation as o', 'o.bodyId', 'a.organisationId')
    .innerJoin('fundingPublishedFund as f', 'f.id', 'w.fundId')
    .select([
      'w.id',
      'w.applicationId',
      'w.financialYear',
      'w.amountPence',
      'w.conditions',
      'w.awardedOn',
      'w.illustrative',
      'a.organisationId',
      'a.purpose',
      'a.project',
      'b.name as recipientName',
      'o.type as recipientType',
      'o.charityNumber',
      'o.companyNumber',
      'o.localAuthorityCode',
      'f.slug as fundSlug',
      'f.name as fundName',
    ]);
}

export async function listAwards(db: Db) {
  const rows = await awards(db).orderBy('w.awardedOn', 'desc').orderBy('w.id', 'desc').execute();
  return rows.map(withNumbers);
}

export async function findAward(db: Db, id: number) {
  const row = await awards(db).where('w.id', '=', id).executeTakeFirst();
  return row && withNumbers(row);
}
export type AwardRow = NonNullable<Awaited<ReturnType<typeof findAward>>>;

export async function listInstalments(db: Db, awardId: number) {
  const rows = await db
    .selectFrom('grantInstalment')
    .select(['number', 'dueOn', 'amountPence'])
    .where('awardId', '=', awardId)
    .orderBy('number')
    .execute();
  return rows.map(withNumbers);
}
