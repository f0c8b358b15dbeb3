import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { RoleGrant } from '../../kernel/auth/roles.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { withDeps } from '../../kernel/use-cases.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import { accountPaths } from './accounts.paths.ts';
import {
  deleteGrant,
  deleteSessionsByUser,
  findBodyBySlug,
  findUserByEmail,
  findUserById,
  insertGrant,
  insertPasswordLink,
  insertUser,
  listBodies,
  listGrantsByUsers,
  listUsers,
  updateUser,
} from './accounts.queries.ts';
import type { GrantInput, NewUser } from './accounts.schemas.ts';
import type { AccountsDb as Db } from './accounts.tables.ts';
import { queueMessage } from './outbox.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';

const SET_PASSWORD_LINK_DAYS = 7;

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(deps: AccountsDeps) {
  return withDeps(deps, {
    createUser,
    listUsersWithGrants,
    getUser,
    getOwnAccount,
    grantRole,
    revokeRole,
    setDisabled,
    listBodies: ({ db }: AccountsDeps) => listBodies(db),
    findBody: ({ db }: AccountsDeps, slug: string) => findBodyBySlug(db, slug),
  });
}

function requireManage(deps: AccountsDeps, actor: Actor) {
  if (!deps.policy.can(actor, 'users:manage')) throw new ForbiddenError();
}

async function grantFor(deps: AccountsDeps, input: GrantInput): Promise<RoleGrant> {
  if (!input.body) {
    if (input.role !== 'admin') {
      throw new ValidationError([{ field: 'body', message: 'Select the body this role is for' }]);
    }
    return { role: input.role, bodyId: null };
  }
  const body = await findBodyBySlug(deps.db, input.body);
  if (!body) throw new ValidationError([{ field: 'body', message: `There is no body called ${input.body}` }]);
  return { role: input.role, bodyId: body.id };
}

/** Creates an account with one role and a one-time link to set its password (also sent to the person). */
async function createUser(deps: AccountsDeps, actor: Actor, input: NewUser, requestId?: string) {
  requireManage(deps, actor);
  const grant = await grantFor(deps, input);
  if (await findUserByEmail(deps.db, input.email)) {
    throw new ConflictError(`An account for ${input.email} already exists`);
  }
  const token = newSecretToken();
  const setPasswordUrl = `${deps.baseUrl}${accountPaths.setPassword({ token })}`;
  const userId = await deps.db.transaction().execute(async (trx) => {
    const created = await findUserByEmail(trx, input.email);
    if (created) throw new ConflictError(`An account for ${input.email} already exists`);
    const id = await insertUser(trx, { email: input.email, displayName: input.displayName });
    await insertGrant(trx, id, grant);
    await insertPasswordLink(trx, {
      tokenHash: hashSecretToken(token),
      userId: id,
      purpose: 'set-password',
      expiresAt: new Date(deps.now().getTime() + SET_PASSWORD_LINK_DAYS * 86_400_000),
    });
    await queueMessage(trx, {
      recipient: input.email,
      subject: 'Your Peelian account',
      bodyText: `An account has been created for you. Choose your password within ${SET_PASSWORD_LINK_DAYS} days: ${setPasswordUrl}`,
    });
    await recordAudit(
      trx,
      actor,
      {
        action: 'create',
        recordType: 'app_user',
        recordId: id,
        after: { email: input.email, displayName: input.displayName },
      },
      requestId,
    );
    await recordAudit(
      trx,
      actor,
      { action: 'create', recordType: 'user_role', recordId: id, after: { userId: id, ...grant } },
      requestId,
    );
    return id;
  });
  return { userId, setPasswordUrl };
}

async function listUsersWithGrants(deps: AccountsDeps, actor: Actor) {
  requireManage(deps, actor);
  const users = await listUsers(deps.db);
  const grants = await listGrantsByUsers(
    deps.db,
    users.map((user) => user.id),
  );
  return users.map((user) => ({ ...user, grants: grants.filter((grant) => grant.userId === user.id) }));
}

async function getUser(deps: AccountsDeps, actor: Actor, userId: number) {
  requireManage(deps, actor);
  return loadUser(deps, userId);
}

/** Anyone signed in may see their own account. */
async function getOwnAccount(deps: AccountsDeps, actor: Actor & { kind: 'user' }) {
  return loadUser(deps, actor.userId);
}

async function loadUser(deps: AccountsDeps, userId: number) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new NotFoundError('There is no such user');
  const grants = await listGrantsByUsers(deps.db, [userId]);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    disabledAt: user.disabledAt,
    totpEnabled: user.totpEnabledAt !== null,
    hasPassword: user.passwordHash !== null,
    grants,
  };
}

async function grantRole(
  deps: AccountsDeps,
  actor: Actor,
  userId: number,
  input: GrantInput,
  requestId?: string,
) {
  await changeGrant(deps, actor, userId, input, 'create', requestId, async (trx, grant) => {
    if (!(await findUserById(trx, userId))) throw new NotFoundError('There is no such user');
    const existing = await listGrantsByUsers(trx, [userId]);
    if (existing.some((held) => held.role === grant.role && held.bodyId === grant.bodyId)) {
      throw new ConflictError('The user already has that role');
    }
    await insertGrant(trx, userId, grant);
  });
}

async function revokeRole(
  deps: AccountsDeps,
  actor: Actor,
  userId: number,
  input: GrantInput,
  requestId?: string,
) {
  await changeGrant(deps, actor, userId, input, 'delete', requestId, async (trx, grant) => {
    if (grant.role === 'admin' && grant.bodyId === null) await refuseRemovingLastAdmin(trx, userId);
    const removed = await deleteGrant(trx, userId, grant);
    if (removed === 0) throw new NotFoundError('The user does not have that role');
    await deleteSessionsByUser(trx, userId);
  });
}

/** A role given or taken away by someone who manages users, in one transaction with its audit record. */
async function changeGrant(
  deps: AccountsDeps,
  actor: Actor,
  userId: number,
  input: GrantInput,
  action: 'create' | 'delete',
  requestId: string | undefined,
  change: (trx: Db, grant: RoleGrant) => Promise<void>,
) {
  requireManage(deps, actor);
  const grant = await grantFor(deps, input);
  await deps.db.transaction().execute(async (trx) => {
    await change(trx, grant);
    const record = { userId, ...grant };
    await recordAudit(
      trx,
      actor,
      {
        action,
        recordType: 'user_role',
        recordId: userId,
        ...(action === 'create' ? { after: record } : { before: record }),
      },
      requestId,
    );
  });
}

async function setDisabled(
  deps: AccountsDeps,
  actor: Actor,
  userId: number,
  disabled: boolean,
  requestId?: string,
) {
  requireManage(deps, actor);
  if (actor.kind === 'user' && actor.userId === userId && disabled) {
    throw new ValidationError([{ field: 'user', message: 'You cannot disable your own account' }]);
  }
  await deps.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw new NotFoundError('There is no such user');
    if (disabled) await refuseRemovingLastAdmin(trx, userId);
    const disabledAt = disabled ? deps.now() : null;
    await updateUser(trx, userId, { disabledAt });
    if (disabled) await deleteSessionsByUser(trx, userId);
    await recordAudit(
      trx,
      actor,
      {
        action: 'update',
        recordType: 'app_user',
        recordId: userId,
        before: { disabledAt: user.disabledAt },
        after: { disabledAt },
      },
      requestId,
    );
  });
}

/** There must always be someone who can sign in and administer the installation. */
async function refuseRemovingLastAdmin(trx: Db, userId: number) {
  const admins = (await listUsersWithAdminGrant(trx)).filter((id) => id !== userId);
  if (admins.length === 0) {
    throw new ValidationError([
      {
        field: 'role',
        message: 'This is the last active administrator: make someone else an administrator first',
      },
    ]);
  }
}

async function listUsersWithAdminGrant(trx: Db): Promise<number[]> {
  const users = await listUsers(trx);
  const active = users.filter((user) => user.disabledAt === null).map((user) => user.id);
  const grants = await listGrantsByUsers(trx, active);
  return [...new Set(grants.filter((g) => g.role === 'admin' && g.bodyId === null).map((g) => g.userId))];
}
