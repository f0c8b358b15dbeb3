import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { expectPage, expectRefused } from '../../kernel/testing/expect-page.ts';
import { buildTestApp, useTestApp } from '../../kernel/testing/test-app.ts';
import { TestClient } from '../../kernel/testing/test-client.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from './accounts.testing.ts';
import { totpCode, totpStep } from './totp.ts';

describe.each(testEngines())('accounts pages and API on %s', (engine) => {
  const fixture = useTestApp(engine);
  const { database } = fixture;

  beforeAll(async () => {
    await createTestBody(database.current.db, 'route-pcc');
  });

  async function signedIn(email: string) {
    const client = new TestClient(fixture.app);
    const response = await client.post('/sign-in', { email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(303);
    return { client, response };
  }

  it('refuses a form sent without its CSRF token, changing nothing', async () => {
    const { email } = await createTestUser(fixture.services, { role: 'opcc-officer', body: 'route-pcc' });
    const client = new TestClient(fixture.app);
    const response = await client.postRaw('/sign-in', { email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(client.cookie('peelian_session')).toBeUndefined();
  });

  it('shows the error summary and keeps the email after a wrong password', async () => {
    const client = new TestClient(fixture.app);
    const response = await client.post('/sign-in', {
      email: 'who@test.example',
      password: 'not the password at all',
    });
    expectRefused(response, 'govuk-error-summary', 'href="#email"', 'value="who@test.example"');
    expect(response.body).toMatch(/<title>Error: /);
  });

  it('signs in with a safe session cookie, goes only to a local next page, and signs out', async () => {
    const { email } = await createTestUser(fixture.services, { role: 'opcc-officer', body: 'route-pcc' });
    const client = new TestClient(fixture.app);
    const response = await client.post('/sign-in', {
      email,
      password: TEST_PASSWORD,
      next: '//evil.example/steal',
    });
    expect(response.headers.location).toBe('/');
    const cookie = response.cookies.find((candidate) => candidate.name === 'peelian_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    const account = await client.get('/account');
    expectPage(account, 200, email, 'OPCC officer — Test body route-pcc');

    const out = await client.post('/sign-out');
    expect(out.headers.location).toBe('/signed-out');
    expect((await client.get('/account')).headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('marks the session cookie Secure when served over HTTPS behind a trusted proxy', async () => {
    const proxied = await buildTestApp(database.current, 'test', { TRUST_PROXY: 'true' });
    try {
      const { email } = await createTestUser(fixture.services, { role: 'opcc-officer', body: 'route-pcc' });
      const client = new TestClient(proxied);
      const token = await client.csrfToken();
      const response = await proxied.inject({
        method: 'POST',
        url: '/sign-in',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-proto': 'https',
          cookie: `peelian_csrf=${client.cookie('peelian_csrf')}`,
        },
        payload: new URLSearchParams({ _csrf: token, email, password: TEST_PASSWORD }).toString(),
      });
      expect(response.statusCode).toBe(303);
      expect(response.cookies.find((cookie) => cookie.name === 'peelian_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('marks the CSRF cookie Secure when the page was asked for over HTTPS through a trusted proxy', async () => {
    const proxied = await buildTestApp(database.current, 'test', { TRUST_PROXY: '1' });
    try {
      const secureCookie = async (headers: Record<string, string>) => {
        const page = await proxied.inject({ method: 'GET', url: '/accessibility', headers });
        return page.cookies.find((cookie) => cookie.name === 'peelian_csrf')?.secure;
      };
      expect(await secureCookie({ 'x-forwarded-proto': 'https' })).toBe(true);
      expect(await secureCookie({})).toBeFalsy();
    } finally {
      await proxied.close();
    }
  });

  it('marks both cookies Secure on every request when Peelian is configured with an https address', async () => {
    const secureApp = await buildTestApp(database.current, 'test', {
      PEELIAN_BASE_URL: 'https://peelian.example',
    });
    try {
      const { email } = await createTestUser(fixture.services, { role: 'opcc-officer', body: 'route-pcc' });
      const client = new TestClient(secureApp);
      const token = await client.csrfToken();
      const page = await secureApp.inject({ method: 'GET', url: '/accessibility' });
      expect(page.cookies.find((cookie) => cookie.name === 'peelian_csrf')?.secure).toBe(true);
      const response = await secureApp.inject({
        method: 'POST',
        url: '/sign-in',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `peelian_csrf=${client.cookie('peelian_csrf')}`,
        },
        payload: new URLSearchParams({ _csrf: token, email, password: TEST_PASSWORD }).toString(),
      });
      expect(response.statusCode).toBe(303);
      expect(response.cookies.find((cookie) => cookie.name === 'peelian_session')?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('tells browsers and proxies not to keep any page served to a session, and leaves public pages alone', async () => {
    const { email } = await createTestUser(fixture.services, { role: 'opcc-officer', body: 'route-pcc' });
    const { client } = await signedIn(email);
    for (const url of ['/account', '/', '/plans', '/no-such-page']) {
      expect((await client.get(url)).headers['cache-control'], url).toBe('no-store');
    }
    const { email: adminEmail } = await createTestUser(fixture.services, { role: 'admin' });
    const pending = await signedIn(adminEmail);
    expect((await pending.client.get('/account/two-factor')).headers['cache-control']).toBe('no-store');
    expect(
      (await fixture.app.inject({ method: 'GET', url: '/accessibility' })).headers['cache-control'],
    ).not.toBe('no-store');
  });

  it('sends an administrator to set up an authenticator fixture.app before anything else, then lets them manage people', async () => {
    const { email, userId } = await createTestUser(fixture.services, { role: 'admin' });
    const { client, response } = await signedIn(email);
    expect(response.headers.location).toBe('/account/two-factor');
    expect((await client.get('/admin/users')).headers.location).toBe('/sign-in?next=%2Fadmin%2Fusers');

    const setUp = await client.get('/account/two-factor');
    expect(setUp.body).toContain('Administrators must use an authenticator app');
    const secret = (/data-testid="totp-secret">([A-Z2-7 ]+)</.exec(setUp.body)?.[1] ?? '').replaceAll(
      ' ',
      '',
    );
    const wrong = await client.post('/account/two-factor', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    const confirmed = await client.post('/account/two-factor', {
      code: totpCode(secret, totpStep(new Date())),
    });
    expect(confirmed.headers.location).toBe('/account?two-factor=on');

    const people = await client.get('/admin/users');
    expectPage(people, 200, email);

    const invalid = await client.post('/admin/users', {
      email: 'not an email',
      displayName: '',
      role: 'opcc-officer',
      body: '',
    });
    expectRefused(invalid, 'Enter an email address in the correct format', 'value="not an email"');

    const created = await client.post('/admin/users', {
      email: 'added.by.form@test.example',
      displayName: 'Added By Form',
      role: 'panel-member',
      body: 'route-pcc',
    });
    expect(created.statusCode).toBe(200);
    expect(created.body).toMatch(
      /data-testid="set-password-link">http:\/\/localhost:3000\/password\/set\/[A-Za-z0-9_-]{43}</,
    );

    const audit = await client.get('/admin/audit?recordType=app_user');
    expect(audit.body).toContain('added.by.form@test.example');
    expect(audit.body).toContain(email);
    // Readable record types, in the filter and the table, and each record's name where it has one.
    expect(audit.body).toContain('<option value="app_user" selected>Account</option>');
    expect(audit.body).toContain('<option value="user_role">Role given to a person</option>');
    expect(audit.body).toMatch(/Account \d+: Added By Form/);
    expect(audit.body).not.toMatch(/>app_user \d+/);
    const csv = await client.get('/admin/audit?recordType=app_user&format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,occurred_at,actor_kind,actor,action,record_type,record_id,before,after,request_id',
    );
    expect(csv.body).toContain(`${email},create,app_user`);
    expect(userId).toBeGreaterThan(0);
  });

  it('lets one machine set several people’s passwords in a row, confirming each, while one link is still limited', async () => {
    const links: string[] = [];
    for (let person = 0; person < 7; person++) {
      const created = await fixture.services.users.createUser(systemActor('test'), {
        email: `demo.person${person}.${Date.now()}@test.example`,
        displayName: `Demo Person ${person}`,
        role: 'panel-member',
        body: 'route-pcc',
      });
      links.push(new URL(created.setPasswordUrl).pathname);
    }
    const client = new TestClient(fixture.app);
    for (const link of links) {
      const response = await client.post(link, { password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD });
      expect(response.statusCode, link).toBe(303);
      const next = await client.get(response.headers.location as string);
      expect(next.body).toContain('govuk-notification-banner--success');
      expect(next.body).toContain('Your password has been set');
    }

    const guessed = `${links[0]}x`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await client.post(guessed, { password: 'short', confirmPassword: 'short' })).statusCode);
    }
    expect(statuses.slice(0, 5).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('shows the authenticator key as a QR code (an SVG image with a name) with the key as text beside it', async () => {
    const { email } = await createTestUser(fixture.services, { role: 'admin' });
    const { client } = await signedIn(email);
    const page = await client.get('/account/two-factor');
    const svg = /<svg[^>]*>/.exec(page.body)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/aria-labelledby="totp-qr-title"/);
    expect(page.body).toContain(
      '<title id="totp-qr-title">QR code to scan with your authenticator app</title>',
    );
    expect(page.body).not.toMatch(/<svg[\s\S]*style=/);
    expect(page.body).toMatch(/data-testid="totp-secret">[A-Z2-7 ]+</);
  });

  it('pages the audit trail 50 at a time, keeping the filters by type, person and date from page to page', async () => {
    const { email } = await createTestUser(fixture.services, { role: 'admin' });
    const { client } = await signedIn(email);
    const setUp = await client.get('/account/two-factor');
    const secret = (/data-testid="totp-secret">([A-Z2-7 ]+)</.exec(setUp.body)?.[1] ?? '').replaceAll(
      ' ',
      '',
    );
    await client.post('/account/two-factor', { code: totpCode(secret, totpStep(new Date())) });
    for (let n = 1; n <= 60; n++) {
      await recordAudit(database.current.db, systemActor('cli:pager'), {
        action: 'create',
        recordType: 'meeting',
        recordId: 9000 + n,
        after: { title: `Paged meeting ${n}` },
      });
    }
    const first = await client.get('/admin/audit?recordType=meeting&actor=pager');
    expect(first.body.match(/Meeting 90\d\d: Paged meeting/g)).toHaveLength(50);
    expect(first.body).toContain('Meeting 9060: Paged meeting 60');
    const next = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/.exec(
      first.body,
    )?.[1];
    expect(next?.replaceAll('&amp;', '&')).toBe('/admin/audit?recordType=meeting&actor=pager&page=2');
    const second = await client.get((next ?? '').replaceAll('&amp;', '&'));
    expect(second.body.match(/Meeting 90\d\d: Paged meeting/g)).toHaveLength(10);
    expect(second.body).toContain('rel="prev"');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const before = await client.get(`/admin/audit?recordType=meeting&actor=pager&to=${yesterday}`);
    expect(before.body).toContain('data-testid="no-audit-events"');
    const [year, month, day] = new Date().toISOString().slice(0, 10).split('-');
    const today = await client.get(
      `/admin/audit?recordType=meeting&actor=pager&from-day=${day}&from-month=${month}&from-year=${year}`,
    );
    expect(today.body.match(/Meeting 90\d\d: Paged meeting/g)).toHaveLength(50);
    expect(today.body).toMatch(/name="from-year"[^>]*value="\d{4}"/);
    expect(today.body).toContain(`from=${year}-${month}-${day}&amp;page=2`);
    const impossible = await client.get('/admin/audit?from-day=31&from-month=2&from-year=2026');
    expectRefused(impossible, 'The from date must be a real date');
    expect((await client.get('/admin/audit?actor=nobody-at-all')).body).toContain(
      'data-testid="no-audit-events"',
    );
  });

  it('answers the JSON API for a valid bearer token and 401 with a JSON reason otherwise', async () => {
    const token = await fixture.services.apiTokens.createToken(systemActor('test'), {
      name: 'route test',
      role: 'force-analyst',
      body: 'route-pcc',
      expiresInDays: 30,
    });
    const me = await fixture.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'token', name: 'route test' });

    const cases: [Record<string, string>, string][] = [
      [{}, 'Sign in to continue'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'The Authorization header must be "Bearer <token>"'],
      [{ authorization: 'Bearer nonsense' }, 'The API token is malformed'],
    ];
    for (const [headers, error] of cases) {
      const response = await fixture.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error });
    }
    await fixture.services.apiTokens.revokeToken(systemActor('test'), token.id);
    const revoked = await fixture.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: 'The API token has been revoked' });
  });

  it('limits the rate of sign-in attempts from one address', async () => {
    const client = new TestClient(fixture.app);
    const token = await client.csrfToken();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await fixture.app.inject({
        method: 'POST',
        url: '/sign-in',
        remoteAddress: '203.0.113.9',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `peelian_csrf=${client.cookie('peelian_csrf')}`,
        },
        payload: new URLSearchParams({ _csrf: token, email: 'x@test.example', password: 'wrong' }).toString(),
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  /** Posts a wrong password from the given socket address, with any forwarding headers a proxy would add. */
  async function failedSignIn(
    target: FastifyInstance,
    client: TestClient,
    token: string,
    options: { email: string; remoteAddress: string; forwardedFor?: string },
  ) {
    const response = await target.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress: options.remoteAddress,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `peelian_csrf=${client.cookie('peelian_csrf')}`,
        ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
      },
      payload: new URLSearchParams({ _csrf: token, email: options.email, password: 'wrong' }).toString(),
    });
    return response.statusCode;
  }

  it('behind one trusted proxy, keys the sign-in limit on the address the proxy saw, not one the client forged', async () => {
    const proxied = await buildTestApp(database.current, 'test', { TRUST_PROXY: '1' });
    try {
      const client = new TestClient(proxied);
      const token = await client.csrfToken();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt++) {
        statuses.push(
          await failedSignIn(proxied, client, token, {
            email: `forger${attempt}@test.example`,
            remoteAddress: '10.0.0.2',
            forwardedFor: `198.51.100.${attempt}, 203.0.113.50`,
          }),
        );
      }
      expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await proxied.close();
    }
  });

  it('limits the sign-in attempts for one account whatever address they come from', async () => {
    const client = new TestClient(fixture.app);
    const token = await client.csrfToken();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push(
        await failedSignIn(fixture.app, client, token, {
          email: attempt % 2 ? 'Spread.Out@test.example' : 'spread.out@test.example',
          remoteAddress: `192.0.2.${attempt + 1}`,
        }),
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses a TRUST_PROXY that is neither true, false nor a number of hops', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
