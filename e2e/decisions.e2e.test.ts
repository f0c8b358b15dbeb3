import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  expectPageAccessible,
  fillDate,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

describe.skipIf(!chromiumPath)('recording, changing and publishing a decision in a real browser', () => {
  let session: BrowserSession;
  let officerEmail: string;

  beforeAll(async () => {
    const database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    await createTestBody(database.db, 'thames-valley-pcc');
    officerEmail = (await createTestUser(services, { role: 'opcc-officer', body: 'thames-valley-pcc' }))
      .email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records a decision, changes the draft, refuses a sign-off dated after it, then signs it off and publishes it', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}/decisions/new`);
      await expectAccessible(page);
      await page.getByLabel('Office', { exact: true }).selectOption('thames-valley-pcc');
      await page.getByLabel('Decision number').fill('E2E-001');
      await page.getByLabel('Title', { exact: true }).fill('Community safety grants');
      await page.getByLabel('Summary', { exact: true }).fill('The grants for the year.');
      await page.getByLabel('Police and Crime Commissioner', { exact: true }).check();
      await page.getByLabel('Yes', { exact: true }).check();
      await page.getByLabel('Value (optional)').fill('£12,500');
      await page.getByLabel('Part 1: public', { exact: true }).check();
      await page.getByLabel('Freedom of Information Act 2000', { exact: true }).check();
      await page.getByRole('button', { name: 'Record decision' }).click();
      await page.waitForURL(/\/decisions\/thames-valley-pcc\/E2E-001$/);
      await expectAccessible(page);

      // The draft can be changed: the same form, refused on its field, then saved.
      await page.getByRole('link', { name: 'Change this draft' }).click();
      await page.waitForURL(/E2E-001\/edit$/);
      await expectAccessible(page);
      await page.getByLabel('Title', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter the title');
      await expectAccessible(page);
      await page.getByLabel('Title', { exact: true }).fill('Community safety grants for the year');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\/decisions\/thames-valley-pcc\/E2E-001$/);
      await expect(page.locator('h1').textContent()).resolves.toContain(
        'Community safety grants for the year',
      );

      const signOff = page.locator('#sign-off');
      await signOff.waitFor();
      await fillDate(page, 'Date of the decision', ['3', '5', '2024']);
      await page.getByLabel('Chief finance officer', { exact: true }).fill('A Finance Officer');
      await fillDate(page, 'Date the chief finance officer signed', ['4', '5', '2024']);
      await page.getByLabel('Monitoring officer (the chief executive)').fill('A Chief Executive');
      await fillDate(page, 'Date the monitoring officer signed', ['2', '5', '2024']);
      await page.getByRole('button', { name: 'Record sign-off' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'The chief finance officer signs off before the decision is taken',
      );
      await expectAccessible(page);

      await fillDate(page, 'Date the chief finance officer signed', ['2', '5', '2024']);
      await page.getByRole('button', { name: 'Record sign-off' }).click();
      await page.waitForURL(/E2E-001$/);
      await page.getByRole('button', { name: 'Publish decision' }).click();
      await page.waitForURL(/E2E-001$/);
      await expect(page.locator('body').textContent()).resolves.toContain('working days late');
      await expectAccessible(page);

      // The feed, read by Chromium's own XML parser, which refuses anything not well-formed.
      const feed = await page.evaluate(async () => {
        const text = await (await fetch('/decisions/feed.atom')).text();
        const xml = new DOMParser().parseFromString(text, 'application/xml');
        const atom = 'http://www.w3.org/2005/Atom';
        return {
          error: xml.querySelector('parsererror')?.textContent ?? null,
          namespace: xml.documentElement.namespaceURI,
          titles: [...xml.getElementsByTagNameNS(atom, 'entry')].map(
            (entry) => entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
          ),
        };
      });
      expect(feed).toEqual({
        error: null,
        namespace: 'http://www.w3.org/2005/Atom',
        titles: ['Decision E2E-001: Community safety grants for the year'],
      });
    } finally {
      await close();
    }
    await expectPageAccessible(session, '/decisions');
  }, 120_000);

  it('records an inspection with a grade and a recommendation, corrects its wording, refuses a response dated before it, and publishes it', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}/inspections/new`);
      await expectAccessible(page);
      await page.getByLabel('Office', { exact: true }).selectOption('thames-valley-pcc');
      await page.getByLabel('PEEL inspection', { exact: true }).check();
      await page.getByLabel('Code', { exact: true }).fill('E2E-PEEL');
      await page.getByLabel('Made by', { exact: true }).fill('HMICFRS');
      await page.getByLabel('Title', { exact: true }).fill('PEEL inspection of the force');
      await fillDate(page, 'Date the report was published', ['2', '5', '2024']);
      await page.getByRole('button', { name: 'Record report' }).click();
      await page.waitForURL(/\/inspections\/thames-valley-pcc\/E2E-PEEL$/);

      await page.getByLabel('Question graded').fill('Investigating crime');
      await page.getByLabel('Grade', { exact: true }).selectOption('requires-improvement');
      await page.getByRole('button', { name: 'Add grade' }).click();
      await page.waitForURL(/E2E-PEEL$/);
      await page.getByLabel('Recommendation', { exact: true }).check();
      await page.getByLabel('Number in the report').fill('1');
      await page.getByLabel('Text', { exact: true }).fill('Answer emergency calls faster.');
      await page.getByRole('button', { name: 'Add finding' }).click();
      await page.waitForURL(/E2E-PEEL$/);
      await page.getByRole('link', { name: 'Change recommendation 1' }).click();
      await expectAccessible(page);
      await page.getByLabel('Text', { exact: true }).fill('Answer emergency and non-emergency calls faster.');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/E2E-PEEL$/);
      await expect(page.locator('main').textContent()).resolves.toContain('non-emergency calls faster');

      await fillDate(page, 'Date the response was published', ['1', '5', '2024']);
      await page.getByLabel('Link to the published response').fill('https://example.org/response');
      await page.getByRole('button', { name: 'Record response' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'The response comes after the report',
      );
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Publish report' }).click();
      await page.waitForURL(/E2E-PEEL$/);
      await expect(page.locator('body').textContent()).resolves.toContain('Requires improvement');
      await expectAccessible(page);
    } finally {
      await close();
    }
    await expectPageAccessible(session, '/inspections');
    await expectPageAccessible(session, '/inspections/open-recommendations');
  }, 120_000);
});
