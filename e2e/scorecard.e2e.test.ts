import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import {
  FORCE,
  KSI_SERIES,
  READING,
  seedScorecardFixture,
} from '../src/domains/judgements/judgements.testing.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  openPage,
  signIn,
  startBrowserSession,
  watchProblems,
} from './browser.ts';

describe.skipIf(!chromiumPath)('the scorecard in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;
  let officerEmail: string;
  let scratch: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const services = await seedScorecardFixture(database, { ksi: true });
    officerEmail = (await createTestUser(services, { role: 'opcc-officer', body: 'thames-valley-pcc' }))
      .email;
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-e2e-scorecard-'));
    session = await startBrowserSession(database);
  });

  afterAll(async () => {
    await session?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  function writeScratch(name: string, text: string): string {
    const file = path.join(scratch, name);
    fs.writeFileSync(file, text);
    return file;
  }

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

  it('an OPCC officer reads the indicators, rebuilds one, and uploads population figures and a series', async () => {
    const { page, close } = await openPage(session.browser);
    const problems = watchProblems(page);
    try {
      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}/scorecard`);
      await page.getByRole('link', { name: 'the indicators and how their values stand' }).click();
      await page.getByRole('heading', { name: 'Indicators' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Rebuild Anti-social behaviour' }).click();
      await page.getByTestId('rebuilt').waitFor();
      expect(await page.getByTestId('rebuilt').textContent()).toMatch(/Anti-social behaviour was rebuilt on/);
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Upload population figures' }).click();
      await page.locator('form[data-peelian-upload]').waitFor({ state: 'visible' });
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Upload and save' }).click();
      await page.getByText('Choose a file to upload').waitFor();
      expect(await page.title()).toMatch(/^Error: Upload population figures/);
      await expectAccessible(page);

      await page
        .getByLabel('Population CSV file')
        .setInputFiles(
          writeScratch('people.csv', `area_code,year,population\n${READING},2025,many\nE06999999,2025\n`),
        );
      await page.getByRole('button', { name: 'Upload and save' }).click();
      const summary = page.locator('.govuk-error-summary__list');
      await summary.getByText('people.csv line 2, population:').waitFor();
      expect(await summary.locator('li').allTextContents()).toEqual([
        'people.csv line 2, population: "many" is not a number of residents (a whole number above 0)',
        'people.csv line 3, population: "" is not a number of residents (a whole number above 0)',
      ]);
      await expectAccessible(page);

      await page
        .getByLabel('Population CSV file')
        .setInputFiles(writeScratch('people.csv', `area_code,year,population\n${FORCE},2025,60000\n`));
      await page.getByRole('button', { name: 'Upload and save' }).click();
      await page.waitForURL(/\/scorecard\/indicators\/population\/loaded\?file=people\.csv$/);
      expect(await page.getByTestId('refreshed').textContent()).toContain('The scorecard was refreshed');
      await expectAccessible(page);

      await page.goto(`${session.baseUrl}/scorecard/indicators/series`);
      await page.locator('form[data-peelian-upload]').waitFor({ state: 'visible' });
      await expectAccessible(page);
      await page.getByLabel('Series CSV file').setInputFiles(writeScratch('ksi.csv', KSI_SERIES));
      await page.getByRole('button', { name: 'Upload and save' }).click();
      const chooseFirst = page.getByRole('link', { name: 'Choose the indicator these figures are for' });
      await chooseFirst.waitFor();
      expect(await chooseFirst.getAttribute('href')).toBe('#indicator');
      await expectAccessible(page);

      await page.getByLabel('Indicator').selectOption('t-ksi');
      await page
        .getByLabel('Series CSV file')
        .setInputFiles(writeScratch('gap.csv', 'month,value\n2025-01,3\n2025-03,4\n'));
      await page.getByRole('button', { name: 'Upload and save' }).click();
      await page.getByText(/gap\.csv line 3, month: 2025-03 follows 2025-01/).waitFor();
      await expectAccessible(page);

      await page.getByLabel('Series CSV file').setInputFiles(writeScratch('ksi.csv', KSI_SERIES));
      await page.getByRole('button', { name: 'Upload and save' }).click();
      await page.waitForURL(/\/scorecard\/indicators\/series\/loaded\?indicator=t-ksi$/);
      expect(await page.getByTestId('refreshed').textContent()).toContain('The scorecard was refreshed');
      await expectAccessible(page);
      // The browser logs each refused upload (the three above); nothing else went wrong.
      expect(problems).toEqual(
        Array(3).fill('Failed to load resource: the server responded with a status of 400 (Bad Request)'),
      );
    } finally {
      await close();
    }
  });
  it('an OPCC officer starts a performance pack, previews and issues it; the form and the pack pass axe', async () => {
    const { page, close } = await openPage(session.browser);
    const problems = watchProblems(page);
    try {
      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}/packs/new`);
      await expectAccessible(page);
      await page.getByLabel('Office').selectOption('thames-valley-pcc');
      await page.getByLabel('Plan version').selectOption('thames-valley-2024-2029:1');
      await page.getByLabel('Financial year').fill('2024-25');
      await page.getByLabel('Quarter 4').check();
      await page.getByRole('button', { name: 'Start the pack' }).click();
      await page.waitForURL(/\/packs\/\d+$/);
      await page.getByText('This is a draft').waitFor();
      await page.getByRole('button', { name: 'Issue this pack' }).click();
      await page.getByText('Issued on').waitFor();
      await page
        .getByRole('img', { name: /Statistical process control chart of killed or seriously injured/ })
        .waitFor();
      await page.getByRole('link', { name: /^PC3 / }).waitFor();
      await expectAccessible(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);
});
