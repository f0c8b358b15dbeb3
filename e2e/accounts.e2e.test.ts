import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from '../src/domains/accounts/accounts.testing.ts';
import { totpCode, totpStep } from '../src/domains/accounts/totp.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  openPage,
  startBrowserSession,
} from './browser.ts';

/** A whole journey with seven accessibility scans and password hashing: slow on a busy machine. */
const JOURNEY_TIMEOUT = 120_000;

describe.skipIf(!chromiumPath)('signing in and administering people in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;
  let adminEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    await createTestBody(database.db, 'e2e-pcc');
    adminEmail = (await createTestUser(services, { role: 'admin' })).email;
    session = await startBrowserSession(database);
  });

  afterAll(async () => {
    await session?.close();
  });

  it(
    'an administrator signs in with the keyboard, sets up an authenticator, adds a person and reads the audit trail',
    async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await page.goto(`${session.baseUrl}/sign-in`);
        await page.getByLabel('Email address').fill(adminEmail);
        await page.getByLabel('Password', { exact: true }).fill('not the right password');
        await page.keyboard.press('Enter');
        await page.waitForSelector('.govuk-error-summary');
        expect(await page.title()).toMatch(/^Error: Sign in/);
        await expectAccessible(page);

        await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/account\/two-factor$/);
        await expectAccessible(page);
        const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replaceAll(' ', '');
        await page.getByLabel('Code from your app').fill(totpCode(secret, totpStep(new Date())));
        await page.getByRole('button', { name: 'Turn on' }).click();
        await page.waitForURL(/\/account\?two-factor=on$/);
        await expectAccessible(page);

        await page.goto(`${session.baseUrl}/admin/users/new`);
        await page.getByRole('button', { name: 'Add person' }).click();
        await page.waitForSelector('.govuk-error-summary');
        await expectAccessible(page);
        await page.getByLabel('Name').fill('Browser Person');
        await page.getByLabel('Email address').fill('browser.person@test.example');
        await page.getByLabel('Role').selectOption('opcc-officer');
        await page.getByLabel('For').selectOption('e2e-pcc');
        await page.getByRole('button', { name: 'Add person' }).click();
        await page.getByTestId('set-password-link').waitFor();
        await expectAccessible(page);

        for (const path of ['/admin/users', '/admin/audit']) {
          await page.goto(`${session.baseUrl}${path}`);
          await expectAccessible(page);
        }
        expect(await page.content()).toContain('browser.person@test.example');

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(/\/signed-out$/);
      } finally {
        await close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});
