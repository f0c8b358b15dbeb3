import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { createDemoTestDatabase } from '../src/kernel/testing/demo-snapshot.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import type { TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  expectPageAccessible,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

describe.skipIf(!chromiumPath)(
  'minutes, recommendations, groups and work programme in a real browser',
  () => {
    let database: TestDatabase;
    let session: BrowserSession;
    let officerEmail: string;
    let opccEmail: string;
    const ids = { october: 0, taxi: 0, cse: 0, awaitingResponse: 0, item71: 0, item73: 0, programmeEntry: 0 };

    beforeAll(async () => {
      database = await createDemoTestDatabase();
      const services = buildServices(database, TEST_URLS);
      const actor = systemActor('e2e');
      ids.october =
        (await services.scrutiny.listMeetings(actor)).find((entry) =>
          entry.meeting.title.includes('21 October 2016'),
        )?.meeting.id ?? 0;
      const ledger = await services.scrutiny.records.recommendations.listLedger(actor, {
        status: null,
        origin: null,
        overdue: null,
      });
      ids.taxi = ledger.find((row) => row.reference === 'CSE-P5')?.id ?? 0;
      ids.cse = ledger.find((row) => row.reference === 'CSE-P5')?.groupId ?? 0;
      // Public and awaiting a response (PCP-70 comes from draft minutes, which the OPCC does not see).
      ids.awaitingResponse = ledger.find((row) => row.reference === 'CSE-P6')?.id ?? 0;
      const minutes = await services.scrutiny.records.minutes.readMinutes(actor, ids.october);
      ids.item71 = minutes.items.find((item) => item.number === 71)?.id ?? 0;
      ids.item73 = minutes.items.find((item) => item.number === 73)?.id ?? 0;
      const programme = await services.scrutiny.records.workProgramme.readProgramme(actor);
      ids.programmeEntry = programme.past[0]?.entry.id ?? 0;
      officerEmail = (
        await createTestUser(services, { role: 'scrutiny-officer', body: 'thames-valley-panel' })
      ).email;
      opccEmail = (await createTestUser(services, { role: 'opcc-officer', body: 'thames-valley-pcc' })).email;
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
      [
        'the Panel’s impact in 2016',
        () => '/scrutiny/recommendations/impact?body=thames-valley-panel&year=2016',
      ],
      ['sub-committees and groups', () => '/scrutiny/committees'],
      ['a sub-committee', () => `/scrutiny/committees/${ids.cse}`],
      ['work programme', () => '/scrutiny/work-programme'],
      ['draft minutes, as the public sees them', () => `/meetings/${ids.october}/minutes`],
    ] as const) {
      it(`${name}: axe finds no violations and nothing breaks the security policy`, () =>
        expectPageAccessible(session, path()));
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
        await signIn(page, session, officerEmail);
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
        await page.locator('.govuk-error-summary').waitFor();
        expect(await page.title()).toMatch(/^Error: /);
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'Select the meeting that approved the minutes',
        );
        await expectAccessible(page);
        await page.goto(`${session.baseUrl}/scrutiny/recommendations/${ids.taxi}`);
        await page.getByRole('button', { name: 'Add update' }).click();
        await page.locator('.govuk-error-summary').waitFor();
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'Enter the date of the update',
        );
        await expectAccessible(page);
      } finally {
        await close();
      }
    });

    /** Sends the form whose button is named, and checks the error page: its title, summary and axe. */
    async function expectErrorState(page: Page, button: string, message: string) {
      await page.getByRole('button', { name: button }).first().click();
      await page.locator('.govuk-error-summary', { hasText: message }).waitFor();
      expect(await page.title()).toMatch(/^Error: /);
      await expectAccessible(page);
    }

    it('the officer’s forms to change minutes, the work programme and groups are accessible, errors included', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await signIn(page, session, officerEmail);
        const minutes = `/meetings/${ids.october}/minutes`;
        for (const path of [
          `${minutes}/items/${ids.item73}/edit`,
          `${minutes}/items/${ids.item71}/actions/1`,
          '/scrutiny/work-programme',
          '/scrutiny/work-programme/new',
          `/scrutiny/work-programme/${ids.programmeEntry}/edit`,
          `/scrutiny/committees/${ids.cse}`,
        ]) {
          await page.goto(`${session.baseUrl}${path}`);
          await expectAccessible(page);
        }

        await page.goto(`${session.baseUrl}${minutes}/items/${ids.item73}/edit`);
        await page.getByLabel('Title').fill('');
        await expectErrorState(page, 'Save minute 73', 'Enter the minute’s title');

        await page.goto(`${session.baseUrl}${minutes}/items/${ids.item71}/actions/1`);
        const doneOn = page.getByRole('group', { name: 'Date it was done' });
        await doneOn.getByLabel('Day').fill('20');
        await doneOn.getByLabel('Month').fill('January');
        await expectErrorState(page, 'Save action', 'The date it was done must include a year');

        await page.goto(`${session.baseUrl}/scrutiny/work-programme/new`);
        await page.getByLabel('Programme year').fill('2017/19');
        await expectErrorState(page, 'Add to the work programme', 'two years in a row');

        await page.goto(`${session.baseUrl}/scrutiny/committees/${ids.cse}`);
        await expectErrorState(page, 'Add to the group', 'Select a member of the panel');
      } finally {
        await close();
      }
    });

    it('the officer adds a recommendation of the minutes to the ledger by keyboard; its error state is accessible', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await signIn(page, session, officerEmail);
        await page.goto(`${session.baseUrl}/meetings/${ids.october}/minutes`);
        const summary = page
          .locator('summary', { hasText: 'Add this recommendation to the recommendations ledger' })
          .first();
        await summary.focus();
        await page.keyboard.press('Enter');
        const addressee = page.getByLabel('Who it is for').first();
        await addressee.waitFor({ state: 'visible' });
        await addressee.focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Backspace');
        await page.getByRole('button', { name: 'Add to the ledger' }).first().focus();
        await Promise.all([page.waitForURL('**/ledger'), page.keyboard.press('Enter')]);
        expect(await page.title()).toMatch(/^Error: /);
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'Enter who the recommendation is for',
        );
        await expectAccessible(page);
        await page.getByLabel('Who it is for').first().fill('Scrutiny Officer');
        await page.getByRole('button', { name: 'Add to the ledger' }).first().focus();
        await page.keyboard.press('Enter');
        await page.waitForURL('**/scrutiny/recommendations/*');
        await expect(page.locator('h1').textContent()).resolves.toMatch(/^Recommendation \d{4}-\d+/);
        await expectAccessible(page);
      } finally {
        await close();
      }
    });

    it('an OPCC officer of the policing body records a response; the form and its errors are accessible', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await signIn(page, session, opccEmail);
        await page.goto(`${session.baseUrl}/scrutiny/recommendations/${ids.awaitingResponse}`);
        await expectAccessible(page);
        await expectErrorState(
          page,
          'Record response',
          'Select whether the recommendation was accepted, partly accepted or not accepted',
        );
        await page.getByLabel('Accepted', { exact: true }).check();
        await page.getByLabel('What the response says').fill('The Commissioner welcomes joint scrutiny.');
        // The date is typed in the GOV.UK date input's three boxes.
        const responded = page.getByRole('group', { name: 'Date of the response' });
        await responded.getByLabel('Day').fill('30');
        await responded.getByLabel('Month').fill('11');
        await responded.getByLabel('Year').fill('2016');
        await page.getByRole('button', { name: 'Record response' }).click();
        await page.waitForURL('**/scrutiny/recommendations/*');
        await expect(page.getByTestId('status').textContent()).resolves.toContain('Responded');
      } finally {
        await close();
      }
    });
  },
);
