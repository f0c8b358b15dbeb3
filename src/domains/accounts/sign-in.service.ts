import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { withDeps } from '../../kernel/use-cases.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import { accountPaths } from './accounts.paths.ts';
import {
  claimPasswordLink,
  deleteSession,
  deleteSessionsByUser,
  expirePasswordLinksByUser,
  findPasswordLink,
  findSession,
  findUserByEmail,
  findUserById,
  insertPasswordLink,
  insertSession,
  listGrantsByUsers,
  type UserRow,
  updateSession,
  updateUser,
} from './accounts.queries.ts';
import { queueMessage } from './outbox.ts';
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';
import { matchTotp, newTotpSecret } from './totp.ts';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
const RESET_LINK_MINUTES = 60;
/** After this many failures in a row, each further failure locks the account for longer (1, 2, 4 … 60 minutes). */
const FAILURES_BEFORE_LOCK = 5;
const MAX_LOCK_MINUTES = 60;

export const SIGN_IN_FAILED =
  'Enter a correct email address and password. After repeated failures, signing in is paused for a while.';
export const SIGN_IN_PAUSED =
  'Signing in to this account is paused for a while after repeated failures. Try again later.';

/** What a session cookie stands for: a complete sign-in, or one waiting for its second factor. */
export type SessionState =
  | { kind: 'signed-in'; actor: Actor & { kind: 'user' } }
  | { kind: 'second-factor'; userId: number; email: string }
  | { kind: 'set-up-second-factor'; userId: number; email: string };

export type SignInService = ReturnType<typeof createSignInService>;

export function createSignInService(deps: AccountsDeps) {
  return withDeps(deps, {
    signIn,
    resolveSession,
    verifySecondFactor,
    beginTotpSetUp,
    confirmTotpSetUp,
    signOut,
    signOutEverywhere,
    requestPasswordReset,
    checkPasswordLink,
    setPasswordWithLink,
  });
}
function minutesFromNow(deps: AccountsDeps, minutes: number) {
  return new Date(deps.now().getTime() + minutes * 60_000);
}

async function needsAdminSecondFactor(deps: AccountsDeps, userId: number): Promise<boolean> {
  const grants = await listGrantsByUsers(deps.db, [userId]);
  return grants.some((grant) => grant.role === 'admin');
}

/**
 * Checks a password and opens a new session (a fresh token each time, so a token planted before sign-in is
 * useless after it). The same failure for an unknown email, a wrong password, a disabled or locked account.
 */
async function signIn(
  deps: AccountsDeps,
  email: string,
  password: string,
): Promise<{ token: string; state: SessionState['kind'] }> {
  const user = await findUserByEmail(deps.db, email.trim());
  const now = deps.now();
  if (!user?.passwordHash || user.disabledAt) {
    await verifyPassword(password, await decoyPasswordHash());
    throw new ValidationError([{ field: 'email', message: SIGN_IN_FAILED }]);
  }
  if (isLocked(deps, user)) throw new ValidationError([{ field: 'email', message: SIGN_IN_FAILED }]);
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailure(deps, user);
    throw new ValidationError([{ field: 'email', message: SIGN_IN_FAILED }]);
  }
  await updateUser(deps.db, user.id, { failedSignIns: 0, lockedUntil: null });
  const state: SessionState['kind'] = user.totpEnabledAt
    ? 'second-factor'
    : (await needsAdminSecondFactor(deps, user.id))
      ? 'set-up-second-factor'
      : 'signed-in';
  const token = newSecretToken();
  await insertSession(deps.db, {
    tokenHash: hashSecretToken(token),
    userId: user.id,
    secondFactorPassed: state === 'signed-in',
    createdAt: now,
    expiresAt: minutesFromNow(deps, SESSION_ABSOLUTE_HOURS * 60),
  });
  return { token, state };
}

function isLocked(deps: AccountsDeps, user: UserRow) {
  return user.lockedUntil !== null && user.lockedUntil > deps.now();
}

/** A pending sign-in is completed by no step while its account is locked, whatever code is offered. */
function refuseIfLocked(deps: AccountsDeps, user: UserRow) {
  if (isLocked(deps, user)) throw new ValidationError([{ field: 'code', message: SIGN_IN_PAUSED }]);
}

async function recordFailure(deps: AccountsDeps, user: UserRow) {
  const failures = user.failedSignIns + 1;
  const beyond = failures - FAILURES_BEFORE_LOCK;
  const lockedUntil = beyond >= 0 ? minutesFromNow(deps, Math.min(2 ** beyond, MAX_LOCK_MINUTES)) : null;
  await updateUser(deps.db, user.id, { failedSignIns: failures, lockedUntil });
}

/** The session behind a cookie, or null when it is unknown, expired, idle too long or its user disabled. */
async function resolveSession(deps: AccountsDeps, token: string): Promise<SessionState | null> {
  const tokenHash = hashSecretToken(token);
  const session = await findSession(deps.db, tokenHash);
  const now = deps.now();
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > SESSION_IDLE_MINUTES * 60_000) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  const user = await findUserById(deps.db, session.userId);
  if (!user || user.disabledAt) return null;
  // Writing on every request would serialise reads on PGlite; a minute's precision is enough for idling.
  if (idleSince > 60_000) await updateSession(deps.db, tokenHash, { lastSeenAt: now });
  if (!session.secondFactorPassed) {
    return {
      kind: user.totpEnabledAt ? 'second-factor' : 'set-up-second-factor',
      userId: user.id,
      email: user.email,
    };
  }
  const grants = await listGrantsByUsers(deps.db, [user.id]);
  return {
    kind: 'signed-in',
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      grants: grants.map(({ role, bodyId }) => ({ role, bodyId })),
      sessionSecondFactor: user.totpEnabledAt !== null,
    },
  };
}

/** Completes a sign-in waiting for its authenticator code. */
async function verifySecondFactor(deps: AccountsDeps, token: string, code: string): Promise<void> {
  const tokenHash = hashSecretToken(token);
  const session = await findSession(deps.db, tokenHash);
  const user = session && (await findUserById(deps.db, session.userId));
  if (!session || !user?.totpSecret || !user.totpEnabledAt) throw new NotFoundError('Sign in again');
  refuseIfLocked(deps, user);
  const step = matchTotp(user.totpSecret, code, deps.now(), user.totpLastStep);
  if (step === null) {
    await recordFailure(deps, user);
    throw new ValidationError([
      { field: 'code', message: 'Enter the 6-digit code shown in your authenticator app now' },
    ]);
  }
  await updateUser(deps.db, user.id, { totpLastStep: step, failedSignIns: 0 });
  await updateSession(deps.db, tokenHash, { secondFactorPassed: true });
}

/**
 * The secret for setting up an authenticator app: the one already offered if set-up is under way (so a
 * mistyped code does not invalidate what the person has scanned), else a new one. Not in force until confirmed.
 */
async function beginTotpSetUp(deps: AccountsDeps, userId: number): Promise<string> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new NotFoundError('Sign in again');
  if (user.totpEnabledAt) throw new ConflictError('Your authenticator app is already set up');
  if (user.totpSecret) return user.totpSecret;
  const secret = newTotpSecret();
  await updateUser(deps.db, userId, { totpSecret: secret, totpLastStep: null });
  return secret;
}

async function confirmTotpSetUp(
  deps: AccountsDeps,
  actor: Actor,
  userId: number,
  code: string,
  sessionToken: string,
) {
  const user = await findUserById(deps.db, userId);
  if (!user?.totpSecret) throw new NotFoundError('Start setting up your authenticator app again');
  refuseIfLocked(deps, user);
  const step = matchTotp(user.totpSecret, code, deps.now(), null);
  if (step === null) {
    throw new ValidationError([
      { field: 'code', message: 'Enter the 6-digit code shown in your authenticator app now' },
    ]);
  }
  await deps.db.transaction().execute(async (trx) => {
    const enabledAt = deps.now();
    await updateUser(trx, userId, { totpEnabledAt: enabledAt, totpLastStep: step });
    await updateSession(trx, hashSecretToken(sessionToken), { secondFactorPassed: true });
    await recordAudit(trx, auditActorFor(actor, user), {
      action: 'update',
      recordType: 'app_user',
      recordId: userId,
      before: { totpEnabled: user.totpEnabledAt !== null },
      after: { totpEnabled: true },
    });
  });
}

async function signOut(deps: AccountsDeps, token: string): Promise<void> {
  await deleteSession(deps.db, hashSecretToken(token));
}

async function signOutEverywhere(deps: AccountsDeps, userId: number): Promise<number> {
  return deleteSessionsByUser(deps.db, userId);
}

/**
 * Sends a reset link if the email belongs to an active account; says nothing either way, so the form
 * cannot be used to find out who has an account.
 */
async function requestPasswordReset(deps: AccountsDeps, email: string): Promise<void> {
  const user = await findUserByEmail(deps.db, email.trim());
  if (!user || user.disabledAt) return;
  const token = newSecretToken();
  await deps.db.transaction().execute(async (trx) => {
    await expirePasswordLinksByUser(trx, user.id, deps.now());
    await insertPasswordLink(trx, {
      tokenHash: hashSecretToken(token),
      userId: user.id,
      purpose: 'reset-password',
      expiresAt: minutesFromNow(deps, RESET_LINK_MINUTES),
    });
    await queueMessage(trx, {
      recipient: user.email,
      subject: 'Reset your Peelian password',
      bodyText: `Use this link within ${RESET_LINK_MINUTES} minutes to choose a new password: ${deps.baseUrl}${accountPaths.resetPassword({ token })}\nIf you did not ask for this, ignore this message.`,
    });
  });
}

/** The account a set-password or reset link is for, if the link is still good. */
async function checkPasswordLink(
  deps: AccountsDeps,
  token: string,
): Promise<{ email: string; purpose: string } | null> {
  const link = await findPasswordLink(deps.db, hashSecretToken(token));
  if (!link || link.usedAt || link.expiresAt <= deps.now()) return null;
  const user = await findUserById(deps.db, link.userId);
  return user && !user.disabledAt ? { email: user.email, purpose: link.purpose } : null;
}

/** Sets a password through a one-time link; every existing session of the account ends. */
async function setPasswordWithLink(
  deps: AccountsDeps,
  token: string,
  password: string,
  confirmPassword: string,
): Promise<void> {
  const valid = await checkPasswordLink(deps, token);
  if (!valid) throw new NotFoundError('This link has expired or has already been used. Ask for a new one.');
  const problem = passwordProblem(password, { email: valid.email });
  if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
  if (password !== confirmPassword) {
    throw new ValidationError([{ field: 'confirmPassword', message: 'Passwords do not match' }]);
  }
  const passwordHash = await hashPassword(password);
  const tokenHash = hashSecretToken(token);
  await deps.db.transaction().execute(async (trx) => {
    const link = await findPasswordLink(trx, tokenHash);
    if (!link || !(await claimPasswordLink(trx, tokenHash, deps.now()))) {
      throw new NotFoundError('This link has expired or has already been used. Ask for a new one.');
    }
    const user = await findUserById(trx, link.userId);
    if (!user) throw new NotFoundError('This link has expired or has already been used. Ask for a new one.');
    await updateUser(trx, link.userId, { passwordHash, failedSignIns: 0, lockedUntil: null });
    await deleteSessionsByUser(trx, link.userId);
    await recordAudit(trx, auditActorFor({ kind: 'anonymous' }, user), {
      action: 'update',
      recordType: 'app_user',
      recordId: link.userId,
      after: { password: link.purpose === 'set-password' ? 'set' : 'reset' },
    });
  });
}

/** A person changing their own account is the actor, even before their sign-in is complete. */
function auditActorFor(actor: Actor, user: UserRow): Actor {
  if (actor.kind !== 'anonymous') return actor;
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    grants: [],
    sessionSecondFactor: false,
  };
}
