import type { Role, RoleGrant } from '../../kernel/auth/roles.ts';
import type { DomainDb } from '../../kernel/db/domain-db.ts';
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
  'display_name as displayName',
  'password_hash as passwordHash',
  'totp_secret as totpSecret',
  'totp_enabled_at as totpEnabledAt',
  'totp_last_step as totpLastStep',
  'failed_sign_ins as failedSignIns',
  'locked_until as lockedUntil',
  'disabled_at as disabledAt',
  'created_at as createdAt',
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
  const values = { name: body.name, kind: body.kind, force_area_id: body.forceAreaId };
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
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: { email: string; displayName: string }): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ email: user.email.toLowerCase(), display_name: user.displayName })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
    .updateTable('app_user')
    .set({
      display_name: changes.displayName,
      password_hash: changes.passwordHash,
      totp_secret: changes.totpSecret,
      totp_enabled_at: changes.totpEnabledAt,
      totp_last_step: changes.totpLastStep,
      failed_sign_ins: changes.failedSignIns,
      locked_until: changes.lockedUntil,
      disabled_at: changes.disabledAt,
      updated_at: new Date(),
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
    .selectFrom('app_user')
    .select((eb) => [
      'id',
      'email',
      'display_name as displayName',
      'disabled_at as disabledAt',
      eb('password_hash', 'is not', null).$castTo<boolean>().as('hasPassword'),
      eb('totp_enabled_at', 'is not', null).$castTo<boolean>().as('totpEnabled'),
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
    .selectFrom('user_role')
    .leftJoin('body', 'body.id', 'user_role.body_id')
    .select([
      'user_role.user_id as userId',
      'user_role.role',
      'user_role.body_id as bodyId',
      'body.name as bodyName',
      'body.slug as bodySlug',
    ])
    .where('user_role.user_id', 'in', userIds)
    .orderBy('user_role.role')
    .execute();
}

export async function insertGrant(db: Db, userId: number, grant: RoleGrant): Promise<void> {
  await db
    .insertInto('user_role')
    .values({ user_id: userId, role: grant.role, body_id: grant.bodyId })
    .execute();
}

export async function deleteGrant(db: Db, userId: number, grant: RoleGrant): Promise<number> {
  let query = db.deleteFrom('user_role').where('user_id', '=', userId).where('role', '=', grant.role);
  query =
    grant.bodyId === null ? query.where('body_id', 'is', null) : query.where('body_id', '=', grant.bodyId);
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
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      second_factor_passed: session.secondFactorPassed,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
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
    .selectFrom('user_session')
    .select([
      'token_hash as tokenHash',
      'user_id as userId',
      'second_factor_passed as secondFactorPassed',
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'expires_at as expiresAt',
    ])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function updateSession(
  db: Db,
  tokenHash: string,
  changes: { lastSeenAt?: Date; secondFactorPassed?: boolean },
): Promise<void> {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: changes.lastSeenAt, second_factor_passed: changes.secondFactorPassed })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsByUser(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// One-time password links

export async function insertPasswordLink(
  db: Db,
  link: { tokenHash: string; userId: number; purpose: 'set-password' | 'reset-password'; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('password_link')
    .values({
      token_hash: link.tokenHash,
      user_id: link.userId,
      purpose: link.purpose,
      expires_at: link.expiresAt,
    })
    .execute();
}

export function findPasswordLink(db: Db, tokenHash: string) {
  return db
    .selectFrom('password_link')
    .select(['user_id as userId', 'purpose', 'expires_at as expiresAt', 'used_at as usedAt'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks the link used only if it was unused, so two simultaneous uses cannot both succeed. */
export async function claimPasswordLink(db: Db, tokenHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('password_link')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function expirePasswordLinksByUser(db: Db, userId: number, at: Date): Promise<void> {
  await db
    .updateTable('password_link')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
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
    .insertInto('api_token')
    .values({
      name: token.name,
      token_hash: token.tokenHash,
      role: token.role,
      body_id: token.bodyId,
      created_by: token.createdBy,
      expires_at: token.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const TOKEN_COLUMNS = [
  'api_token.id',
  'api_token.name',
  'api_token.role',
  'api_token.body_id as bodyId',
  'body.slug as bodySlug',
  'api_token.created_by as createdBy',
  'api_token.created_at as createdAt',
  'api_token.expires_at as expiresAt',
  'api_token.revoked_at as revokedAt',
  'api_token.last_used_at as lastUsedAt',
] as const;

export function findApiTokenByHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .leftJoin('body', 'body.id', 'api_token.body_id')
    .select(TOKEN_COLUMNS)
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findApiTokenById(db: Db, id: number) {
  return db
    .selectFrom('api_token')
    .leftJoin('body', 'body.id', 'api_token.body_id')
    .select(TOKEN_COLUMNS)
    .where('api_token.id', '=', id)
    .executeTakeFirst();
}

export function listApiTokens(db: Db) {
  return db
    .selectFrom('api_token')
    .leftJoin('body', 'body.id', 'api_token.body_id')
    .select(TOKEN_COLUMNS)
    .orderBy('api_token.id')
    .execute();
}

export async function updateApiToken(db: Db, id: number, changes: { revokedAt?: Date; lastUsedAt?: Date }) {
  await db
    .updateTable('api_token')
    .set({ revoked_at: changes.revokedAt, last_used_at: changes.lastUsedAt })
    .where('id', '=', id)
    .execute();
}

// Outbox

export async function insertOutboxMessage(
  db: DomainDb<AccountsOutbox>,
  message: { recipient: string; subject: string; bodyText: string },
) {
  await db
    .insertInto('outbox_message')
    .values({ recipient: message.recipient, subject: message.subject, body_text: message.bodyText })
    .execute();
}

export function listUnsentMessages(db: Db, limit: number) {
  return db
    .selectFrom('outbox_message')
    .select(['id', 'recipient', 'subject', 'body_text as bodyText', 'attempts'])
    .where('sent_at', 'is', null)
    .where('attempts', '<', 5)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markMessageSent(db: Db, id: number, at: Date): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markMessageFailed(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable('outbox_message')
    .set((eb) => ({ last_error: error, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
