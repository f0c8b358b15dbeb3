import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser, TEST_PASSWORD } from '../src/domains/accounts/accounts.testing.ts';
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

describe.skipIf(!chromiumPath)('the service navigation in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;
  let adminEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    adminEmail = (await createTestUser(services, { role: 'admin' })).email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('keeps every link of an administrator on one line at 1280 pixels wide', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${session.baseUrl}/sign-in`);
      await page.getByLabel('Email address').fill(adminEmail);
      await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/account\/two-factor$/);
      const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replaceAll(' ', '');
      await page.getByLabel('Code from your app').fill(totpCode(secret, totpStep(new Date())));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.waitForURL(/\/account\?two-factor=on$/);

      await page.goto(`${session.baseUrl}/scorecard`);
      // Each bar of links is one line: the main navigation, and the account bar with the role's tools.
      for (const [selector, expected] of [
        [
          '.govuk-service-navigation__item',
          ['Plans', 'Scorecard', 'Meetings', 'Decisions', 'Money', 'Calendar', 'Police data'],
        ],
        ['.peelian-account-bar__item', ['Imports', 'Admin', 'Sign out']],
      ] as const) {
        const items = page.locator(selector);
        const texts = (await items.allTextContents()).map((text) => text.trim());
        for (const text of expected) expect(texts).toContain(text);
        const tops = await items.evaluateAll((elements) =>
          elements.map((element) => Math.round(element.getBoundingClientRect().top)),
        );
        expect(new Set(tops).size, `${selector} rows at ${tops.join(', ')}: ${texts.join(' | ')}`).toBe(1);
      }
      if (process.env.PEELIAN_SCREENSHOTS)
        await page.screenshot({ path: `${process.env.PEELIAN_SCREENSHOTS}/navigation-1280.png` });
      await expectAccessible(page);
    } finally {
      await close();
    }
  }, 120_000);
});
