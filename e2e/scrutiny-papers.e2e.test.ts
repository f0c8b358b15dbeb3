import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { seedDemoAttendance } from '../src/domains/scrutiny/attendance/attendance.demo.ts';
import { parsePanelFile } from '../src/domains/scrutiny/index.ts';
import { SAMPLE_FILES } from '../src/domains/scrutiny/papers/papers.testing.ts';
import { PROJECT_ROOT } from '../src/kernel/assets/build-assets.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  openPage,
  signIn,
  startBrowserSession,
  watchProblems,
} from './browser.ts';

const system = systemActor('e2e');

describe.skipIf(!chromiumPath)(
  'meeting papers, agenda pack, attendance and interests in a real browser',
  () => {
    let session: BrowserSession;
    let officerEmail: string;
    const ids = { october: 0, december: 0, draftPlanItem: 0 };

    beforeAll(async () => {
      const database = await createTestDatabase('pglite');
      const services = buildServices(database, TEST_URLS);
      await createTestBody(database.db, 'thames-valley-panel', 'scrutiny-panel');
      const panel = fs.readFileSync(
        path.join(PROJECT_ROOT, 'data/demo/scrutiny/thames-valley-panel.yaml'),
        'utf8',
      );
      await services.scrutiny.importPanelFile(system, parsePanelFile(panel));
      await seedDemoAttendance(services.scrutiny, system);
      const meetings = await services.scrutiny.listMeetings(system);
      ids.october =
        meetings.find((entry) => entry.meeting.title.includes('21 October 2016'))?.meeting.id ?? 0;
      ids.december =
        meetings.find((entry) => entry.meeting.title.includes('16 December 2016'))?.meeting.id ?? 0;
      const december = await services.scrutiny.readMeeting(system, ids.december);
      ids.draftPlanItem = december.items.find((item) => item.position === 5)?.id ?? 0;
      const form = { title: '', agendaItem: '' as const, exemptParagraph: null };
      await services.scrutiny.papers.uploadPaper(
        system,
        ids.december,
        { ...form, name: 'Agenda.pdf' },
        SAMPLE_FILES.pdf,
      );
      await services.scrutiny.papers.uploadPaper(
        system,
        ids.december,
        { ...form, name: 'Draft Police and Crime Plan.docx', agendaItem: ids.draftPlanItem },
        SAMPLE_FILES.docx,
      );
      officerEmail = (
        await createTestUser(services, { role: 'scrutiny-officer', body: 'thames-valley-panel' })
      ).email;
      session = await startBrowserSession(database);
    });

    afterAll(async () => {
      await session?.close();
    });

    for (const [name, path] of [
      ['a meeting with papers', () => `/meetings/${ids.december}`],
      ['the agenda pack', () => `/meetings/${ids.december}/pack`],
      ['a held meeting with its attendance', () => `/meetings/${ids.october}`],
      ['the register of interests', () => '/panels/thames-valley-panel/interests'],
    ] as const) {
      it(`${name}: axe finds no violations and no script fails`, async () => {
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

    it('the agenda pack prints without the site’s navigation or forms', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await page.goto(`${session.baseUrl}/meetings/${ids.december}/pack`);
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.govuk-service-navigation').isVisible()).resolves.toBe(false);
        await expect(
          page.getByRole('heading', { name: '5. Draft Police and Crime Plan (11:25am)' }).isVisible(),
        ).resolves.toBe(true);
        await expect(
          page.getByRole('link', { name: /Draft Police and Crime Plan \(DOCX/ }).isVisible(),
        ).resolves.toBe(true);
      } finally {
        await close();
      }
    });

    it('the scrutiny officer uploads a paper in the browser; a disallowed file is refused in the error summary', async () => {
      const { page, close } = await openPage(session.browser);
      try {
        await signIn(page, session, officerEmail);

        await page.goto(`${session.baseUrl}/meetings/${ids.december}/papers/new`);
        await expectAccessible(page);
        await page
          .getByLabel('File')
          .setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.exe });
        await page.getByRole('button', { name: 'Upload paper' }).click();
        // The answer comes back over fetch: wait for the summary to name the problem.
        await page.getByText('The selected file must be a PDF, DOCX, XLSX, ODT or CSV file').waitFor();
        expect(await page.title()).toMatch(/^Error: /);
        await expectAccessible(page);

        await page
          .getByLabel('File')
          .setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: SAMPLE_FILES.pdf });
        await page.getByLabel('Title (optional)').fill('Minutes of 21 October 2016');
        await page.getByLabel('Part of the meeting').selectOption({ label: 'Item 3: Minutes' });
        await page.getByRole('button', { name: 'Upload paper' }).click();
        await page.waitForURL(`**/meetings/${ids.december}#papers`);
        await expect(
          page.getByRole('link', { name: /^Minutes of 21 October 2016 \(PDF/ }).isVisible(),
        ).resolves.toBe(true);
        await expectAccessible(page);

        for (const path of [
          `/meetings/${ids.december}/attendance`,
          `/meetings/${ids.october}/attendance`,
          '/panels/thames-valley-panel/interests',
        ]) {
          await page.goto(`${session.baseUrl}${path}`);
          await expectAccessible(page);
        }
      } finally {
        await close();
      }
    });
  },
);
