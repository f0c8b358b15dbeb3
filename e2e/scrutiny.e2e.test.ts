import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { parsePanelFile } from '../src/domains/scrutiny/index.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { addDays, londonDateOf } from '../src/kernel/calendar/index.ts';
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

describe.skipIf(!chromiumPath)('scrutiny pages in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;
  let officerEmail: string;
  const ids = { december: 0, coming: 0, draft: 0, draftItem: 0 };

  beforeAll(async () => {
    database = await createDemoTestDatabase();
    const services = buildServices(database, TEST_URLS);
    const coming = addDays(londonDateOf(new Date()), 40);
    await services.scrutiny.importPanelFile(
      systemActor('e2e'),
      parsePanelFile(`
format: peelian-scrutiny/1
body: thames-valley-panel
questionRules: { noticeDays: 3, noticeKind: working-days, minutesAllowed: 20 }
meetings:
  - title: Coming meeting
    date: ${coming}
    time: '11:00'
    venue: Council Offices
    status: agenda-published
    agenda:
      - { position: 1, title: Apologies for Absence }
      - { position: 2, slotTime: '11:05', title: Public Question Time, purpose: Questions from the public. }
      - { position: 3, title: Staffing matter, exemptParagraph: 1 }
  - title: Meeting with a draft agenda
    date: ${addDays(londonDateOf(new Date()), 50)}
    time: '11:00'
    venue: Council Offices
    status: scheduled
    agenda:
      - { position: 1, title: Apologies for Absence }
      - { position: 2, title: Budget monitoring }
`),
    );
    const meetings = await services.scrutiny.listMeetings(systemActor('e2e'));
    ids.december =
      meetings.find((entry) => entry.meeting.title.includes('16 December 2016'))?.meeting.id ?? 0;
    ids.coming = meetings.find((entry) => entry.meeting.title === 'Coming meeting')?.meeting.id ?? 0;
    ids.draft =
      meetings.find((entry) => entry.meeting.title === 'Meeting with a draft agenda')?.meeting.id ?? 0;
    ids.draftItem = (await services.scrutiny.readMeeting(systemActor('e2e'), ids.draft)).items[0]?.id ?? 0;
    officerEmail = (await createTestUser(services, { role: 'scrutiny-officer', body: 'thames-valley-panel' }))
      .email;
    session = await startBrowserSession(database);
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const [name, path] of [
    ['meetings', () => '/meetings'],
    ['a past meeting', () => `/meetings/${ids.december}`],
    ['a coming meeting', () => `/meetings/${ids.coming}`],
    ['the public question form', () => `/meetings/${ids.coming}/questions/new`],
    ['a closed question form', () => `/meetings/${ids.december}/questions/new`],
    ['question sent', () => `/meetings/${ids.coming}/questions/sent`],
  ] as const) {
    it(`${name}: axe finds no violations and nothing breaks the security policy`, async () => {
      await expectPageAccessible(session, path());
    });
  }

  it('a person sends a question through the form; a mistake is shown in an accessible error summary', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await page.goto(`${session.baseUrl}/meetings/${ids.coming}/questions/new`);
      await expect(page.getByTestId('question-deadline').textContent()).resolves.toContain('11:59pm');
      await page.getByRole('button', { name: 'Send question' }).click();
      await page.waitForURL(`**/meetings/${ids.coming}/questions`);
      expect(await page.title()).toMatch(/^Error: /);
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter your question',
      );
      await expectAccessible(page);
      await page.getByLabel('Your name').fill('Browser Asker');
      await page.getByLabel('Your email address').fill('browser.asker@example.org');
      await page.getByLabel('Your question').fill('How are rural crimes recorded?');
      await page.getByRole('button', { name: 'Send question' }).click();
      await page.waitForURL(`**/meetings/${ids.coming}/questions/sent`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Question sent');
    } finally {
      await close();
    }
  });

  it('the officer corrects a meeting and its draft agenda, then publishes it; each page is accessible', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, officerEmail);
      const meeting = `${session.baseUrl}/meetings/${ids.draft}`;
      await page.goto(meeting);
      await expectAccessible(page);
      await expect(page.getByText('This agenda is a draft').count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Move down item 1' }).click();
      await page.waitForURL(`**/meetings/${ids.draft}#agenda`);
      await expect(page.locator('#agenda ~ ol.govuk-list h3').first().textContent()).resolves.toContain(
        'Budget monitoring',
      );

      await page.goto(`${meeting}/agenda-items/${ids.draftItem}/edit`);
      await expectAccessible(page);
      await page.getByLabel('Title').fill('');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      await expectAccessible(page);
      await page.getByLabel('Title').fill('Apologies');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(`**/meetings/${ids.draft}#agenda`);

      await page.goto(`${meeting}/edit`);
      await expectAccessible(page);
      await page.getByLabel('Venue').fill('Council Chamber');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(`**/meetings/${ids.draft}`);
      await page.getByRole('button', { name: 'Publish the agenda' }).click();
      await page.waitForURL(`**/meetings/${ids.draft}#agenda`);
      await expect(page.getByText('This agenda is a draft').count()).resolves.toBe(0);
      await expectAccessible(page);
    } finally {
      await close();
    }
  });

  it('the scrutiny officer’s meeting and questions pages are accessible too', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, officerEmail);
      for (const path of [`/meetings/${ids.coming}`, `/meetings/${ids.coming}/questions`, '/meetings/new']) {
        await page.goto(`${session.baseUrl}${path}`);
        await expectAccessible(page);
      }
      await expect(page.locator('h1').textContent()).resolves.toContain('Add a meeting');
    } finally {
      await close();
    }
  });
});
