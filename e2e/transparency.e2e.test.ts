import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { parseSpendingCsv, transparencyPaths as paths } from '../src/domains/transparency/index.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
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

const BODY = 'e2e-transparency-pcc';
const SPENDING = [
  'Transaction Date,Supplier Name,Expense Type,Service Area,Amount (£)',
  '02/10/2026,Acme Fleet Ltd,Vehicle Maintenance,Fleet,"1,250.00"',
  '15/10/2026,Bright Energy Ltd,Energy,Estates,"9,000.10"',
].join('\n');

describe.skipIf(!chromiumPath)('the publication duties and spending pages in a real browser', () => {
  let session: BrowserSession;
  let officerEmail: string;

  beforeAll(async () => {
    const database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    await createTestBody(database.db, BODY);
    await services.transparency.importSpendingMonth(systemActor('test'), {
      body: BODY,
      month: '2026-10',
      fileName: 'oct.csv',
      lines: parseSpendingCsv(SPENDING, 'oct.csv', '2026-10'),
    });
    officerEmail = (await createTestUser(services, { role: 'opcc-officer', body: BODY })).email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the compliance and spending pages to the public, filters spending, and an officer records a duty', async () => {
    await expectPageAccessible(session, paths.index());
    await expectPageAccessible(session, paths.compliance({ body: BODY }));
    const { page, close } = await openPage(session.browser);
    try {
      await page.goto(`${session.baseUrl}${paths.spending({ body: BODY })}`);
      await expectAccessible(page);
      await page.getByLabel('Expense category').selectOption('Energy');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/category=Energy/);
      await expect(page.locator('[data-testid="transactions"]').textContent()).resolves.toContain(
        '£9,000.10',
      );
      await expectAccessible(page);

      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}${paths.compliance({ body: BODY })}`);
      await page.getByLabel('Duty', { exact: true }).selectOption('7A');
      await page.getByRole('button', { name: 'Record it' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expectAccessible(page);
      await fillDate(page, 'Date it was published', ['1', '11', '2026']);
      await page.getByLabel('Address where it is published').fill('https://example.org/national-priorities');
      await page.getByRole('button', { name: 'Record it' }).click();
      await page.waitForSelector('#records');
      await expect(page.locator('#records + table').textContent()).resolves.toContain(
        'https://example.org/national-priorities',
      );
      await expectAccessible(page);
    } finally {
      await close();
    }
  }, 120_000);
});
