import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../composition.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../kernel/errors.ts';
import { testEngines, useTestDatabase } from '../../kernel/testing/test-database.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import { createTestBody, TEST_PASSWORD } from './accounts.testing.ts';
import { createApiTokensService } from './api-tokens.service.ts';
import { createSignInService, SIGN_IN_FAILED } from './sign-in.service.ts';
import { totpCode, totpStep } from './totp.ts';
import { createUsersService } from './users.service.ts';

const system = systemActor('test');
const MINUTE = 60_000;

describe.each(testEngines())('accounts on %s', (engine) => {
  const database = useTestDatabase(engine);
  let clock = new Date('2026-11-22T10:00:00Z');
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  let deps: AccountsDeps;
  let users: ReturnType<typeof createUsersService>;
  let signIn: ReturnType<typeof createSignInService>;
  let tokens: ReturnType<typeof createApiTokensService>;

  beforeAll(async () => {
    deps = { db: database.current.db, policy, now: () => clock, baseUrl: 'https://peelian.example' };
    users = createUsersService(deps);
    signIn = createSignInService(deps);
    tokens = createApiTokensService(deps);
    await createTestBody(deps.db, 'test-pcc');
  });

  async function newUser(email: string, role: 'admin' | 'opcc-officer' = 'opcc-officer') {
    const created = await users.createUser(system, {
      email,
      displayName: email.split('@')[0] ?? email,
      role,
      body: role === 'admin' ? undefined : 'test-pcc',
    });
    const token = created.setPasswordUrl.split('/').pop() ?? '';
    return { ...created, token };
  }

  async function activeUser(email: string, role: 'admin' | 'opcc-officer' = 'opcc-officer') {
    const created = await newUser(email, role);
    await signIn.setPasswordWithLink(created.token, TEST_PASSWORD, TEST_PASSWORD);
    return created;
  }

  const auditFor = (recordType: string, recordId: number) =>
    database.current.sql.query<{ action: string; actor_label: string; after: unknown }>(
      'SELECT action, actor_label, after FROM audit_event WHERE record_type = $1 AND record_id = $2 ORDER BY id',
      [recordType, String(recordId)],
    );

  describe('creating people', () => {
    it('creates the account, its role, a one-time link, the message and the audit records together', async () => {
      const created = await newUser('new.person@test.example');
      expect(created.setPasswordUrl).toMatch(
        /^https:\/\/peelian\.example\/password\/set\/[A-Za-z0-9_-]{43}$/,
      );
      expect(await auditFor('app_user', created.userId)).toEqual([
        {
          action: 'create',
          actor_label: 'test',
          after: { email: 'new.person@test.example', displayName: 'new.person' },
        },
      ]);
      const messages = await database.current.sql.query<{ recipient: string; body_text: string }>(
        'SELECT recipient, body_text FROM outbox_message WHERE recipient = $1',
        ['new.person@test.example'],
      );
      expect(messages[0]?.body_text).toContain(created.setPasswordUrl);
    });

    it('refuses a second account for the same email, in any case', async () => {
      await newUser('twice@test.example');
      await expect(newUser('TWICE@test.example')).rejects.toThrow(ConflictError);
    });

    it('needs a body for every role but an installation-wide administrator, and a body that exists', async () => {
      const input = { email: 'nobody@test.example', displayName: 'N', role: 'opcc-officer' as const };
      await expect(users.createUser(system, input)).rejects.toThrow(/Select the body this role is for/);
      await expect(users.createUser(system, { ...input, body: 'no-such-body' })).rejects.toThrow(
        /no body called no-such-body/,
      );
    });

    it('lets only those allowed to manage users do it', async () => {
      const officer = await activeUser('officer.manage@test.example');
      const session = await signIn.signIn('officer.manage@test.example', TEST_PASSWORD);
      const state = await signIn.resolveSession(session.token);
      if (state?.kind !== 'signed-in') throw new Error('expected a session');
      expect(state.actor.userId).toBe(officer.userId);
      await expect(
        users.createUser(state.actor, { email: 'x@test.example', displayName: 'X', role: 'admin' }),
      ).rejects.toThrow(ForbiddenError);
    });
  });

  describe('password links', () => {
    it('refuse a weak or mismatched password, then work exactly once', async () => {
      const created = await newUser('links@test.example');
      await expect(signIn.setPasswordWithLink(created.token, 'short', 'short')).rejects.toThrow(
        /15 characters or more/,
      );
      await expect(
        signIn.setPasswordWithLink(created.token, TEST_PASSWORD, `${TEST_PASSWORD}!`),
      ).rejects.toThrow(/Passwords do not match/);
      await signIn.setPasswordWithLink(created.token, TEST_PASSWORD, TEST_PASSWORD);
      await expect(signIn.setPasswordWithLink(created.token, TEST_PASSWORD, TEST_PASSWORD)).rejects.toThrow(
        NotFoundError,
      );
    });

    it('expire', async () => {
      const created = await newUser('expiring@test.example');
      advance(8 * 24 * 60 * MINUTE);
      expect(await signIn.checkPasswordLink(created.token)).toBeNull();
      await expect(signIn.setPasswordWithLink(created.token, TEST_PASSWORD, TEST_PASSWORD)).rejects.toThrow(
        NotFoundError,
      );
    });

    it('reset: nothing is sent for an unknown email; a known one gets a single-use link that ends old sessions', async () => {
      const count = async () =>
        (await database.current.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message'))[0]
          ?.n;
      const before = await count();
      await signIn.requestPasswordReset('nobody-at-all@test.example');
      expect(await count()).toBe(before);

      await activeUser('reset@test.example');
      const session = await signIn.signIn('reset@test.example', TEST_PASSWORD);
      await signIn.requestPasswordReset('reset@test.example');
      const [message] = await database.current.sql.query<{ body_text: string }>(
        "SELECT body_text FROM outbox_message WHERE recipient = 'reset@test.example' ORDER BY id DESC LIMIT 1",
      );
      const token = /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(message?.body_text ?? '')?.[1] ?? '';
      await signIn.setPasswordWithLink(token, 'a different long passphrase', 'a different long passphrase');
      expect(await signIn.resolveSession(session.token)).toBeNull();
      await expect(signIn.signIn('reset@test.example', TEST_PASSWORD)).rejects.toThrow(ValidationError);
      await signIn.signIn('reset@test.example', 'a different long passphrase');
    });
  });

  describe('signing in', () => {
    it('gives the same answer for an unknown email and a wrong password', async () => {
      await activeUser('same.answer@test.example');
      await expect(signIn.signIn('nobody@test.example', TEST_PASSWORD)).rejects.toThrow(SIGN_IN_FAILED);
      await expect(signIn.signIn('same.answer@test.example', 'wrong password entirely')).rejects.toThrow(
        SIGN_IN_FAILED,
      );
    });

    it('pauses an account after repeated failures, for longer each time, then lets the right password in', async () => {
      await activeUser('locked@test.example');
      for (let attempt = 0; attempt < 5; attempt++) {
        await expect(signIn.signIn('locked@test.example', 'wrong password entirely')).rejects.toThrow(
          SIGN_IN_FAILED,
        );
      }
      await expect(signIn.signIn('locked@test.example', TEST_PASSWORD)).rejects.toThrow(SIGN_IN_FAILED);
      advance(61_000);
      await expect(signIn.signIn('locked@test.example', 'wrong password entirely')).rejects.toThrow(
        SIGN_IN_FAILED,
      );
      advance(61_000);
      await expect(signIn.signIn('locked@test.example', TEST_PASSWORD)).rejects.toThrow(SIGN_IN_FAILED);
      advance(61_000);
      const session = await signIn.signIn('locked@test.example', TEST_PASSWORD);
      expect(session.state).toBe('signed-in');
    });

    it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
      await activeUser('sessions@test.example');
      const idle = await signIn.signIn('sessions@test.example', TEST_PASSWORD);
      advance(31 * MINUTE);
      expect(await signIn.resolveSession(idle.token)).toBeNull();

      const busy = await signIn.signIn('sessions@test.example', TEST_PASSWORD);
      for (let hour = 0; hour < 12 * 4; hour++) {
        advance(15 * MINUTE);
        const state = await signIn.resolveSession(busy.token);
        if (hour < 12 * 4 - 1) expect(state?.kind).toBe('signed-in');
        else expect(state).toBeNull();
      }
    });

    it('signs out everywhere', async () => {
      const { userId } = await activeUser('everywhere@test.example');
      const first = await signIn.signIn('everywhere@test.example', TEST_PASSWORD);
      const second = await signIn.signIn('everywhere@test.example', TEST_PASSWORD);
      expect(first.token).not.toBe(second.token);
      expect(await signIn.signOutEverywhere(userId)).toBe(2);
      expect(await signIn.resolveSession(first.token)).toBeNull();
      expect(await signIn.resolveSession(second.token)).toBeNull();
    });

    it('makes an administrator set up an authenticator app, then asks for a code at each sign-in', async () => {
      const { userId } = await activeUser('admin.totp@test.example', 'admin');
      const first = await signIn.signIn('admin.totp@test.example', TEST_PASSWORD);
      expect(first.state).toBe('set-up-second-factor');
      expect(await signIn.resolveSession(first.token)).toMatchObject({
        kind: 'set-up-second-factor',
        userId,
      });

      const secret = await signIn.beginTotpSetUp(userId);
      expect(await signIn.beginTotpSetUp(userId)).toBe(secret);
      await expect(signIn.confirmTotpSetUp(system, userId, '000000', first.token)).rejects.toThrow(
        ValidationError,
      );
      await signIn.confirmTotpSetUp(system, userId, totpCode(secret, totpStep(clock)), first.token);
      expect((await signIn.resolveSession(first.token))?.kind).toBe('signed-in');

      advance(MINUTE);
      const second = await signIn.signIn('admin.totp@test.example', TEST_PASSWORD);
      expect(second.state).toBe('second-factor');
      const code = totpCode(secret, totpStep(clock));
      await signIn.verifySecondFactor(second.token, code);
      expect((await signIn.resolveSession(second.token))?.kind).toBe('signed-in');

      const third = await signIn.signIn('admin.totp@test.example', TEST_PASSWORD);
      await expect(signIn.verifySecondFactor(third.token, code)).rejects.toThrow(/6-digit code/);
    });

    it('counts wrong authenticator codes towards the lockout, and a locked account completes no pending sign-in', async () => {
      const { userId } = await activeUser('admin.locked.totp@test.example', 'admin');
      const setUp = await signIn.signIn('admin.locked.totp@test.example', TEST_PASSWORD);
      const secret = await signIn.beginTotpSetUp(userId);
      await signIn.confirmTotpSetUp(system, userId, totpCode(secret, totpStep(clock)), setUp.token);
      advance(MINUTE);

      const pending = await signIn.signIn('admin.locked.totp@test.example', TEST_PASSWORD);
      expect(pending.state).toBe('second-factor');
      for (let attempt = 0; attempt < 5; attempt++) {
        await expect(signIn.verifySecondFactor(pending.token, '000000')).rejects.toThrow(/6-digit code/);
      }
      const rightCode = totpCode(secret, totpStep(clock));
      await expect(signIn.verifySecondFactor(pending.token, rightCode)).rejects.toThrow(/paused/);
      expect((await signIn.resolveSession(pending.token))?.kind).toBe('second-factor');
      await expect(signIn.signIn('admin.locked.totp@test.example', TEST_PASSWORD)).rejects.toThrow(
        SIGN_IN_FAILED,
      );

      advance(2 * MINUTE);
      await signIn.verifySecondFactor(pending.token, totpCode(secret, totpStep(clock)));
      expect((await signIn.resolveSession(pending.token))?.kind).toBe('signed-in');
    });

    it('completes no authenticator set-up for a locked account', async () => {
      const { userId } = await activeUser('admin.locked.setup@test.example', 'admin');
      const pending = await signIn.signIn('admin.locked.setup@test.example', TEST_PASSWORD);
      for (let attempt = 0; attempt < 5; attempt++) {
        await expect(
          signIn.signIn('admin.locked.setup@test.example', 'wrong password entirely'),
        ).rejects.toThrow(SIGN_IN_FAILED);
      }
      const secret = await signIn.beginTotpSetUp(userId);
      await expect(
        signIn.confirmTotpSetUp(system, userId, totpCode(secret, totpStep(clock)), pending.token),
      ).rejects.toThrow(/paused/);
      expect((await signIn.resolveSession(pending.token))?.kind).toBe('set-up-second-factor');
    });
  });

  describe('disabling and roles', () => {
    it('ends the sessions of a disabled account and refuses its sign-in until enabled, with audit records', async () => {
      const { userId } = await activeUser('disabled@test.example');
      const session = await signIn.signIn('disabled@test.example', TEST_PASSWORD);
      await users.setDisabled(system, userId, true);
      expect(await signIn.resolveSession(session.token)).toBeNull();
      await expect(signIn.signIn('disabled@test.example', TEST_PASSWORD)).rejects.toThrow(SIGN_IN_FAILED);
      await users.setDisabled(system, userId, false);
      await signIn.signIn('disabled@test.example', TEST_PASSWORD);
      const actions = (await auditFor('app_user', userId)).map((event) => event.action);
      expect(actions).toEqual(['create', 'update', 'update', 'update']);
    });

    it('never leaves the installation without an active administrator', async () => {
      const { userId } = await activeUser('last.admin@test.example', 'admin');
      const otherAdmins = await database.current.sql.query<{ user_id: number }>(
        "SELECT user_id FROM user_role WHERE role = 'admin' AND body_id IS NULL AND user_id <> $1",
        [userId],
      );
      for (const row of otherAdmins) await users.setDisabled(system, row.user_id, true);
      await expect(users.setDisabled(system, userId, true)).rejects.toThrow(/last active administrator/);
      await expect(users.revokeRole(system, userId, { role: 'admin' })).rejects.toThrow(
        /last active administrator/,
      );
    });

    it('grants and revokes roles, refusing a duplicate', async () => {
      const { userId } = await activeUser('roles@test.example');
      await users.grantRole(system, userId, { role: 'force-analyst', body: 'test-pcc' });
      await expect(
        users.grantRole(system, userId, { role: 'force-analyst', body: 'test-pcc' }),
      ).rejects.toThrow(ConflictError);
      await users.revokeRole(system, userId, { role: 'force-analyst', body: 'test-pcc' });
      const user = await users.getUser(system, userId);
      expect(user.grants.map((grant) => grant.role)).toEqual(['opcc-officer']);
    });
  });

  describe('API tokens', () => {
    it('authenticate until revoked; only the hash is stored', async () => {
      const created = await tokens.createToken(system, {
        name: 'feed',
        role: 'force-analyst',
        body: 'test-pcc',
        expiresInDays: 90,
      });
      expect(created.token).toMatch(/^pln_[A-Za-z0-9_-]{43}$/);
      const stored = await database.current.sql.query<{ token_hash: string }>(
        'SELECT token_hash FROM api_token WHERE id = $1',
        [created.id],
      );
      expect(stored[0]?.token_hash).not.toContain(created.token);
      const result = await tokens.authenticateBearer(created.token);
      expect(result).toMatchObject({
        ok: true,
        actor: { kind: 'token', name: 'feed', grants: [{ role: 'force-analyst' }] },
      });
      await tokens.revokeToken(system, created.id);
      expect(await tokens.authenticateBearer(created.token)).toEqual({
        ok: false,
        reason: 'The API token has been revoked',
      });
    });

    it('refuse an expired, unknown or malformed token with a reason', async () => {
      const created = await tokens.createToken(system, {
        name: 'short-lived',
        role: 'admin',
        expiresInDays: 1,
      });
      advance(2 * 24 * 60 * MINUTE);
      expect(await tokens.authenticateBearer(created.token)).toEqual({
        ok: false,
        reason: 'The API token has expired',
      });
      expect(await tokens.authenticateBearer(`pln_${'x'.repeat(43)}`)).toEqual({
        ok: false,
        reason: 'The API token is not recognised',
      });
      expect(await tokens.authenticateBearer('not-a-token')).toEqual({
        ok: false,
        reason: 'The API token is malformed',
      });
    });
  });
});
