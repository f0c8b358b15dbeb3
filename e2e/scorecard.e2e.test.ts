import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READING, seedScorecardFixture } from '../src/domains/judgements/judgements.testing.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  openPage,
  startBrowserSession,
  watchProblems,
} from './browser.ts';

describe.skipIf(!chromiumPath)('the scorecard in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedScorecardFixture(database, { ksi: true });
    session = await startBrowserSession(database);
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const [name, url] of [
    ['the scorecard', '/scorecard'],
    ['the scorecard for one local authority', `/scorecard?area=${READING}`],
    ['a measure judged over 14 months', '/scorecard/measures/PC3.M1'],
    [
      'a measure with a gap in its months, for one local authority',
      `/scorecard/measures/PC1.M1?area=${READING}`,
    ],
    ['a measure awaiting data', '/scorecard/measures/PP4.M1'],
  ] as const) {
    it(`${name}: axe finds no violations and nothing breaks the security policy`, async () => {
      const { page, close } = await openPage(session.browser);
      const problems = watchProblems(page);
      try {
        await page.goto(`${session.baseUrl}${url}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
        await expectAccessible(page);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('chooses an area with the form and follows a measure to its chart and table', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await page.goto(`${session.baseUrl}/scorecard`);
      await page.getByLabel('Area').selectOption({ label: 'Reading' });
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/area=E06000038/);
      await page.getByRole('link', { name: 'PPR1.M1: Continued low levels of burglary' }).click();
      await page
        .getByRole('img', { name: /Statistical process control chart of burglaries, Reading/ })
        .waitFor();
      expect(await page.getByRole('table').first().textContent()).toContain('April 2025');
    } finally {
      await close();
    }
  });
});
