import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser, TEST_PASSWORD } from '../src/domains/accounts/accounts.testing.ts';
import { totpCode, totpStep } from '../src/domains/accounts/totp.ts';
import { buildTestApp, TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import { chromiumPath, launchBrowser, openPage } from './browser.ts';

/** A whole journey with seven accessibility scans and password hashing: slow on a busy machine. */
const JOURNEY_TIMEOUT = 120_000;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe.skipIf(!chromiumPath)('signing in and administering people in a real browser', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let browser: Browser;
  let adminEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    await createTestBody(database.db, 'e2e-pcc');
    adminEmail = (await createTestUser(services, { role: 'admin' })).email;
    app = await buildTestApp(database);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it(
    'an administrator signs in with the keyboard, sets up an authenticator, adds a person and reads the audit trail',
    async () => {
      const { page, close } = await openPage(browser);
      try {
        await page.goto(`${baseUrl}/sign-in`);
        await page.getByLabel('Email address').fill(adminEmail);
        await page.getByLabel('Password', { exact: true }).fill('not the right password');
        await page.keyboard.press('Enter');
        await page.waitForSelector('.govuk-error-summary');
        expect(await page.title()).toMatch(/^Error: Sign in/);
        await expectNoAxeViolations(page);

        await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/account\/two-factor$/);
        await expectNoAxeViolations(page);
        const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replaceAll(' ', '');
        await page.getByLabel('Code from your app').fill(totpCode(secret, totpStep(new Date())));
        await page.getByRole('button', { name: 'Turn on' }).click();
        await page.waitForURL(/\/account\?two-factor=on$/);
        await expectNoAxeViolations(page);

        await page.goto(`${baseUrl}/admin/users/new`);
        await page.getByRole('button', { name: 'Add person' }).click();
        await page.waitForSelector('.govuk-error-summary');
        await expectNoAxeViolations(page);
        await page.getByLabel('Name').fill('Browser Person');
        await page.getByLabel('Email address').fill('browser.person@test.example');
        await page.getByLabel('Role').selectOption('opcc-officer');
        await page.getByLabel('For').selectOption('e2e-pcc');
        await page.getByRole('button', { name: 'Add person' }).click();
        await page.getByTestId('set-password-link').waitFor();
        await expectNoAxeViolations(page);

        for (const path of ['/admin/users', '/admin/audit']) {
          await page.goto(`${baseUrl}${path}`);
          await expectNoAxeViolations(page);
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
