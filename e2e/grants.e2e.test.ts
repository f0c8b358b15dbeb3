import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { CHARITY, seedGrantsFixture } from '../src/domains/grants/grants.testing.ts';
import { grantsPaths as paths } from '../src/domains/grants/index.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

describe.skipIf(!chromiumPath)('applying for a grant in a real browser', () => {
  let session: BrowserSession;
  let email: string;

  beforeAll(async () => {
    const database = await createTestDatabase('pglite');
    await seedGrantsFixture(database.db);
    const services = buildServices(database, TEST_URLS);
    email = (await createTestUser(services, { role: 'grant-applicant', body: CHARITY })).email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('gives the organisation’s details, answers each question, is refused too much, checks and submits', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, email);
      await page.goto(`${session.baseUrl}${paths.organisationDetails()}`);
      await expectAccessible(page);
      await page.getByLabel('Registered charity').check();
      await page.getByLabel('Charity number').fill('1123456');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page
        .getByRole('button', { name: 'Start an application to Test Crime Prevention Fund: Open round' })
        .click();
      await page.getByLabel('What is your project called?').fill('Safer streets');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByLabel('What is the money for?').fill('Lighting an alley.');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByLabel('How much are you asking for?').fill('9,000');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        '£3,000.00 or less',
      );
      await expectAccessible(page);
      await page.getByLabel('How much are you asking for?').fill('2,500');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.getByLabel('Who should we contact about this application?').fill('Ada Example');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForSelector('text=Check your answers before submitting your application');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Submit application' }).click();
      await page.waitForSelector('text=Submitted');
      await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('£2,500.00');
      await expectAccessible(page);
    } finally {
      await close();
    }
  }, 120_000);
});
