import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  fillDate,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

const PANEL = 'e2e-complaints-panel';

describe.skipIf(!chromiumPath)(
  'a Panel officer recording a complaint about the Commissioner in a real browser',
  () => {
    let session: BrowserSession;
    let email: string;

    beforeAll(async () => {
      const database = await createTestDatabase('pglite');
      const services = buildServices(database, TEST_URLS);
      await createTestBody(database.db, PANEL, 'scrutiny-panel');
      email = (await createTestUser(services, { role: 'scrutiny-officer', body: PANEL })).email;
      session = await startBrowserSession(database);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('refuses a case without its summary, records one, and shows accessible pages and public counts', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await page.goto(`${session.baseUrl}/complaints/${PANEL}`);
        await expect(page.getByTestId('counts').textContent()).resolves.toContain('No complaint');
        await expectAccessible(page);

        await signIn(page, session, email);
        await page.goto(`${session.baseUrl}/complaints/${PANEL}/cases/new`);
        await expectAccessible(page);
        await page.getByLabel('A complaint from a member of the public').check();
        await page.getByLabel('The Commissioner', { exact: true }).check();
        await fillDate(page, 'Date the Panel received it', ['10', '3', '2025']);
        await page
          .getByRole('group', { name: 'Does it allege a criminal offence?' })
          .getByLabel('No')
          .check();
        await page.getByRole('button', { name: 'Save the case' }).click();
        await page.waitForSelector('.govuk-error-summary');
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'Enter a summary',
        );
        await expectAccessible(page);

        await page.getByLabel('Summary').fill('Made-up test complaint.');
        await page.getByRole('button', { name: 'Save the case' }).click();
        await page.waitForURL(/\/cases\/\d+$/);
        await expect(page.getByTestId('stage').textContent()).resolves.toContain(
          'Awaiting the recording decision',
        );
        await expectAccessible(page);

        await page.goto(`${session.baseUrl}/complaints/${PANEL}/cases`);
        await expectAccessible(page);
        await page.goto(`${session.baseUrl}/complaints/${PANEL}`);
        await expect(page.getByTestId('counts').textContent()).resolves.toContain('2024-25');
        await expectAccessible(page);
      } finally {
        await close();
      }
    });
  },
);
