import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, seedDemoData } from '../src/composition.ts';
import { createTestUser, TEST_PASSWORD } from '../src/domains/accounts/accounts.testing.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  openPage,
  startBrowserSession,
  watchProblems,
} from './browser.ts';

describe.skipIf(!chromiumPath)(
  'minutes, recommendations, groups and work programme in a real browser',
  () => {
    let database: TestDatabase;
    let session: BrowserSession;
    let officerEmail: string;
    const ids = { october: 0, taxi: 0, cse: 0 };

    beforeAll(async () => {
      database = await createTestDatabase('pglite');
      const services = buildServices(database, TEST_URLS);
      await seedDemoData(database, services);
      const actor = systemActor('e2e');
      ids.october =
        (await services.scrutiny.listMeetings(actor)).find((entry) =>
          entry.meeting.title.includes('21 October 2016'),
        )?.meeting.id ?? 0;
      const ledger = await services.scrutiny.records.recommendations.listLedger({
        status: null,
        origin: null,
        overdue: null,
      });
      ids.taxi = ledger.find((row) => row.reference === 'CSE-P5')?.id ?? 0;
      ids.cse = ledger.find((row) => row.reference === 'CSE-P5')?.groupId ?? 0;
      officerEmail = (
        await createTestUser(services, { role: 'scrutiny-officer', body: 'thames-valley-panel' })
      ).email;
      session = await startBrowserSession(database);
    });

    afterAll(async () => {
      await session?.close();
    });

    for (const [name, path] of [
      ['recommendations', () => '/scrutiny/recommendations'],
      [
        'recommendations filtered',
        () => '/scrutiny/recommendations?status=in-progress&origin=sub-committee&overdue=no',
      ],
      ['a recommendation', () => `/scrutiny/recommendations/${ids.taxi}`],
      ['sub-committees and groups', () => '/scrutiny/committees'],
      ['a sub-committee', () => `/scrutiny/committees/${ids.cse}`],
      ['work programme', () => '/scrutiny/work-programme'],
      ['draft minutes, as the public sees them', () => `/meetings/${ids.october}/minutes`],
    ] as const) {
      it(`${name}: axe finds no violations and nothing breaks the security policy`, async () => {
        const { page, close } = await openPage(session.browser);
        const problems = watchProblems(page);
        try {
          await page.goto(`${session.baseUrl}${path()}`, { waitUntil: 'load' });
          await expectAccessible(page);
          expect(problems).toEqual([]);
        } finally {
          await close();
        }
      });
    }

    it('a visitor filters the ledger with the form and gets the matching recommendations', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await page.goto(`${session.baseUrl}/scrutiny/recommendations`);
        await page.getByLabel('Status').selectOption('implemented');
        await page.getByRole('button', { name: 'Show recommendations' }).click();
        await page.waitForURL('**/scrutiny/recommendations?status=implemented**');
        await expect(page.getByTestId('result-count').textContent()).resolves.toContain(
          '1 recommendation matches',
        );
      } finally {
        await close();
      }
    });

    it('the scrutiny officer’s minutes and ledger forms are accessible, errors included', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await page.goto(`${session.baseUrl}/sign-in`);
        await page.getByLabel('Email address').fill(officerEmail);
        await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForLoadState('load');
        for (const path of [
          `/meetings/${ids.october}/minutes`,
          `/scrutiny/recommendations/${ids.taxi}`,
          '/scrutiny/recommendations/new',
          '/scrutiny/committees/new',
        ]) {
          await page.goto(`${session.baseUrl}${path}`);
          await expectAccessible(page);
        }
        await page.goto(`${session.baseUrl}/meetings/${ids.october}/minutes`);
        await expect(page.getByTestId('minutes-state').textContent()).resolves.toContain('Draft');
        await page.getByRole('button', { name: 'Record approval' }).click();
        await page.waitForLoadState('load');
        expect(await page.title()).toMatch(/^Error: /);
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'Select the meeting that approved the minutes',
        );
        await expectAccessible(page);
        await page.goto(`${session.baseUrl}/scrutiny/recommendations/${ids.taxi}`);
        await page.getByRole('button', { name: 'Add update' }).click();
        await page.waitForLoadState('load');
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'Enter the date of the update',
        );
        await expectAccessible(page);
      } finally {
        await close();
      }
    });
  },
);
