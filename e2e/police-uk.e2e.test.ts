import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import {
  POLICE_UK_FIXTURES,
  STREET_HEADER,
  seedTestForceAreas,
  streetLine,
} from '../src/domains/performance/performance.testing.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  expectPageAccessible,
  openPage,
  signIn,
  startBrowserSession,
  watchProblems,
} from './browser.ts';

describe.skipIf(!chromiumPath)('police.uk data in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;
  let analystEmail: string;
  let scratch: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedTestForceAreas(database);
    const services = buildServices(database, TEST_URLS);
    const report = await services.performance.imports.importPoliceUk(
      systemActor('test'),
      [path.join(POLICE_UK_FIXTURES, 'good')],
      { origin: 'command-line' },
    );
    expect(report.status).toBe('succeeded');
    await services.performance.imports.importPoliceUk(
      systemActor('test'),
      [path.join(POLICE_UK_FIXTURES, 'bad/rows')],
      { origin: 'command-line' },
    );
    await createTestBody(database.db, 'e2e-police-pcc');
    analystEmail = (await createTestUser(services, { role: 'force-analyst', body: 'e2e-police-pcc' })).email;
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'peelian-e2e-upload-'));
    session = await startBrowserSession(database);
  });

  afterAll(async () => {
    await session?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  for (const [name, url] of [
    ['the forces', '/performance/police-uk'],
    ['a force, latest year', '/performance/police-uk/thames-valley'],
    ['a force, an earlier year', '/performance/police-uk/thames-valley?year=2021'],
    ['another force, asked for a year it has no data for', '/performance/police-uk/hampshire?year=1999'],
    ['stop and search', '/performance/police-uk/thames-valley/stop-and-search'],
    ['stop and search, none loaded', '/performance/police-uk/hampshire/stop-and-search'],
    ['outcomes of crimes', '/performance/police-uk/thames-valley/outcomes'],
  ] as const) {
    it(`${name}: axe finds no violations and nothing breaks the security policy`, async () => {
      await expectPageAccessible(session, url);
    });
  }

  it('a force analyst uploads a month, watches it load, and reads the imports and a failed run', async () => {
    const { page, close } = await openPage(session.browser);
    const problems = watchProblems(page);
    try {
      await signIn(page, session, analystEmail);

      await page.goto(`${session.baseUrl}/performance/imports`);
      await expectAccessible(page);
      const failedRun = page.getByRole('link', { name: /^Run \d+$/ }).first();
      await failedRun.click();
      await page.getByText('Rejected rows in').first().waitFor();
      await expectAccessible(page);

      await page.goto(`${session.baseUrl}/performance/imports/upload`);
      await page.locator('form[data-peelian-upload]').waitFor({ state: 'visible' });
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Upload and import' }).click();
      await page.getByText('Choose a file to upload').waitFor();
      expect(await page.title()).toMatch(/^Error: Upload police\.uk data/);
      await expectAccessible(page);

      const file = path.join(scratch, '2024-07-thames-valley-street.csv');
      fs.writeFileSync(
        file,
        `${[STREET_HEADER, streetLine({ id: 7, month: '2024-07', type: 'Shoplifting' }), streetLine({ id: null, month: '2024-07', type: 'Anti-social behaviour' })].join('\n')}\n`,
      );
      await page.getByLabel('File or archive').setInputFiles(file);
      await page.getByRole('button', { name: 'Upload and import' }).click();
      await page.waitForURL(/\/performance\/imports\/\d+$/);
      await page.getByTestId('run-status').filter({ hasText: 'Succeeded' }).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('run-progress-text').textContent()).toContain('every file was loaded');
      await expectAccessible(page);
      expect(problems).toEqual([]);

      await page.goto(`${session.baseUrl}/performance/police-uk/thames-valley?year=2024`);
      expect(await page.getByTestId('headline').textContent()).toContain(
        'In July 2024, police.uk recorded 1 crime in Thames Valley, and, separately, 1 incident',
      );
    } finally {
      await close();
    }
  });

  it('a header-only file over a loaded month is held back until the analyst ticks the box that confirms it', async () => {
    const { page, close } = await openPage(session.browser);
    const problems = watchProblems(page);
    try {
      await signIn(page, session, analystEmail);
      const file = path.join(scratch, '2025-01-thames-valley-street.csv');
      fs.writeFileSync(file, `${STREET_HEADER}\n`);
      await page.goto(`${session.baseUrl}/performance/imports/upload`);
      await page.locator('form[data-peelian-upload]').waitFor({ state: 'visible' });
      await page.getByLabel('File or archive').setInputFiles(file);
      await page.getByRole('button', { name: 'Upload and import' }).click();
      await page.waitForURL(/\/performance\/imports\/\d+$/);
      await page.getByTestId('run-status').filter({ hasText: 'Failed' }).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('needs-confirmation').textContent()).toContain('would empty a month');
      await expectAccessible(page);

      await page.getByRole('link', { name: 'upload it again and tick the box that confirms it' }).click();
      await page.locator('form[data-peelian-upload]').waitFor({ state: 'visible' });
      await page.getByLabel('File or archive').setInputFiles(file);
      await page.getByLabel(/Load it even if it has no data rows/).check();
      await page.getByRole('button', { name: 'Upload and import' }).click();
      await page.waitForURL(/\/performance\/imports\/\d+$/);
      await page.getByTestId('run-status').filter({ hasText: 'Succeeded' }).waitFor({ timeout: 20_000 });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
