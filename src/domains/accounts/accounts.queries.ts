import type { Role, RoleGrant } from '../../kernel/auth/roles.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
import { insertedId } from '../../kernel/db/inserted-id.ts';
import type { AccountsOutbox, BodyKind, AccountsDb as Db } from './accounts.tables.ts';

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

const USER_COLUMNS = [
  'id',
  'email',
  'displayName',
  'passwordHash',
  'totpSecret',
  'totpEnabledAt',
  'totpLastStep',
  'failedSignIns',
  'lockedUntil',
  'disabledAt',
  'createdAt',
] as const;

export interface BodyRow {
  id: number;
  slug: string;
  name: string;
  kind: BodyKind;
}

// Bodies

export async function upsertBody(
  db: Db,
  body: { slug: string; name: string; kind: BodyKind; forceAreaId: number | null },
): Promise<number> {
  const values = { name: body.name, kind: body.kind, forceAreaId: body.forceAreaId };
  const row = await db
    .insertInto('body')
    .values({ slug: body.slug, ...values })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findBodyBySlug(db: Db, slug: string): Promise<BodyRow | undefined> {
  return db
    .selectFrom('body')
    .select(['id', 'slug', 'name', 'kind'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function listBodies(db: Db): Promise<BodyRow[]> {
  return db.selectFrom('body').select(['id', 'slug', 'name', 'kind']).orderBy('name').execute();
}

// Users

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('appUser')
    .select(USER_COLUMNS)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('appUser').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: { email: string; displayName: string }): Promise<number> {
  return insertedId(
    db
      .insertInto('appUser')
      .values({ email: user.email.toLowerCase(), displayName: user.displayName })
      .returning('id'),
  );
}

export interface UserChanges {
  displayName?: string;
  passwordHash?: string;
  totpSecret?: string | null;
  totpEnabledAt?: Date | null;
  totpLastStep?: number | null;
  failedSignIns?: number;
  lockedUntil?: Date | null;
  disabledAt?: Date | null;
}

export async function updateUser(db: Db, id: number, changes: UserChanges): Promise<void> {
  await db
    .updateTable('appUser')
    .set({
      displayName: changes.displayName,
      passwordHash: changes.passwordHash,
      totpSecret: changes.totpSecret,
      totpEnabledAt: changes.totpEnabledAt,
      totpLastStep: changes.totpLastStep,
      failedSignIns: changes.failedSignIns,
      lockedUntil: changes.lockedUntil,
      disabledAt: changes.disabledAt,
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export interface UserSummaryRow {
  id: number;
  email: string;
  displayName: string;
  disabledAt: Date | null;
  hasPassword: boolean;
  totpEnabled: boolean;
}

export function listUsers(db: Db): Promise<UserSummaryRow[]> {
  return db
    .selectFrom('appUser')
    .select((eb) => [
      'id',
      'email',
      'displayName',
      'disabledAt',
      eb('passwordHash', 'is not', null).$castTo<boolean>().as('hasPassword'),
      eb('totpEnabledAt', 'is not', null).$castTo<boolean>().as('totpEnabled'),
    ])
    .orderBy('email')
    .execute();
}

// Roles

export interface GrantRow extends RoleGrant {
  userId: number;
  bodyName: string | null;
  bodySlug: string | null;
}

export function listGrantsByUsers(db: Db, userIds: number[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('userRole')
    .leftJoin('body', 'body.id', 'userRole.bodyId')
    .select([
      'userRole.userId',
      'userRole.role',
      'userRole.bodyId',
      'body.name as bodyName',
      'body.slug as bodySlug',
    ])
    .where('userRole.userId', 'in', userIds)
    .orderBy('userRole.role')
    .execute();
}

export async function insertGrant(db: Db, userId: number, grant: RoleGrant): Promise<void> {
  await db
    .insertInto('userRole')
    .values({ userId: userId, role: grant.role, bodyId: grant.bodyId })
    .execute();
}

export async function deleteGrant(db: Db, userId: number, grant: RoleGrant): Promise<number> {
  let query = db.deleteFrom('userRole').where('userId', '=', userId).where('role', '=', grant.role);
  query =
    grant.bodyId === null ? query.where('bodyId', 'is', null) : query.where('bodyId', '=', grant.bodyId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

// Sessions

export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: number;
    secondFactorPassed: boolean;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('userSession')
    .values({
      tokenHash: session.tokenHash,
      userId: session.userId,
      secondFactorPassed: session.secondFactorPassed,
      createdAt: session.createdAt,
      lastSeenAt: session.createdAt,
      expiresAt: session.expiresAt,
    })
    .execute();
}

export interface SessionRow {
  tokenHash: string;
  userId: number;
  secondFactorPassed: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('userSession')
    .select(['tokenHash', 'userId', 'secondFactorPassed', 'createdAt', 'lastSeenAt', 'expiresAt'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function updateSession(
  db: Db,
  tokenHash: string,
  changes: { lastSeenAt?: Date; secondFactorPassed?: boolean },
): Promise<void> {
  await db
    .updateTable('userSession')
    .set({ lastSeenAt: changes.lastSeenAt, secondFactorPassed: changes.secondFactorPassed })
    .where('tokenHash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSessionsByUser(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('userSession').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// One-time password links

export async function insertPasswordLink(
  db: Db,
  link: { tokenHash: string; userId: number; purpose: 'set-password' | 'reset-password'; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('passwordLink')
    .values({
      tokenHash: link.tokenHash,
      userId: link.userId,
      purpose: link.purpose,
      expiresAt: link.expiresAt,
    })
    .execute();
}

export function findPasswordLink(db: Db, tokenHash: string) {
  return db
    .selectFrom('passwordLink')
    .select(['userId', 'purpose', 'expiresAt', 'usedAt'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the link used only if it was unused, so two simultaneous uses cannot both succeed. */
export async function claimPasswordLink(db: Db, tokenHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('passwordLink')
    .set({ usedAt: at })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function expirePasswordLinksByUser(db: Db, userId: number, at: Date): Promise<void> {
  await db
    .updateTable('passwordLink')
    .set({ usedAt: at })
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
}

// API tokens

export async function insertApiToken(
  db: Db,
  token: {
    name: string;
    tokenHash: string;
    role: Role;
    bodyId: number | null;
    createdBy: string;
    expiresAt: Date | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('apiToken')
    .values({
      name: token.name,
      tokenHash: token.tokenHash,
      role: token.role,
      bodyId: token.bodyId,
      createdBy: token.createdBy,
      expiresAt: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const TOKEN_COLUMNS = [
  'apiToken.id',
  'apiToken.name',
  'apiToken.role',
  'apiToken.bodyId',
  'body.slug as bodySlug',
  'apiToken.createdBy',
  'apiToken.createdAt',
  'apiToken.expiresAt',
  'apiToken.revokedAt',
  'apiToken.lastUsedAt',
] as const;

export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('apiToken')
    .leftJoin('body', 'body.id', 'apiToken.bodyId')
    .select(TOKEN_COLUMNS)
    .where('apiToken.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export function findApiTokenById(db: Db, id: number) {
  return db
    .selectFrom('apiToken')
    .leftJoin('body', 'body.id', 'apiToken.bodyId')
    .select(TOKEN_COLUMNS)
    .where('apiToken.id', '=', id)
    .executeTakeFirst();
}

export function listApiTokens(db: Db) {
  return db
    .selectFrom('apiToken')
    .leftJoin('body', 'body.id', 'apiToken.bodyId')
    .select(TOKEN_COLUMNS)
    .orderBy('apiToken.id')
    .execute();
}

export async function updateApiToken(db: Db, id: number, changes: { revokedAt?: Date; lastUsedAt?: Date }) {
  await db
    .updateTable('apiToken')
    .set({ revokedAt: changes.revokedAt, lastUsedAt: changes.lastUsedAt })
    .where('id', '=', id)
    .execute();
}

// Outbox

export async function insertOutboxMessage(
  db: DomainDb<AccountsOutbox>,
  message: { recipient: string; subject: string; bodyText: string },
) {
  await db
    .insertInto('outboxMessage')
    .values({ recipient: message.recipient, subject: message.subject, bodyText: message.bodyText })
    .execute();
}

export function listUnsentMessages(db: Db, limit: number) {
  return db
    .selectFrom('outboxMessage')
    .select(['id', 'recipient', 'subject', 'bodyText', 'attempts'])
    .where('sentAt', 'is', null)
    .where('attempts', '<', 5)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Counts a delivery attempt: sent at a time, or failed with the mail server's answer. */
export async function recordDeliveryAttempt(
  db: Db,
  id: number,
  outcome: { sentAt: Date } | { lastError: string },
): Promise<void> {
  await db
    .updateTable('outboxMessage')
    .set((eb) => ({ ...outcome, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Messages not yet sent: those still being tried, and those given up after five attempts. */
export async function countUnsentMessages(db: Db) {
  const rows = await db
    .selectFrom('outboxMessage')
    .select([(eb) => eb.fn.countAll<string>().as('messages'), (eb) => eb('attempts', '>=', 5).as('givenUp')])
    .where('sentAt', 'is', null)
    .groupBy('givenUp')
    .execute();
  return rows.map((row) => ({ givenUp: Boolean(row.givenUp), messages: Number(row.messages) }));
}
