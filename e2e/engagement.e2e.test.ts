import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { loadSurveyFile } from '../src/domains/engagement/engagement.files.ts';
import {
  CSV_HEADER,
  daysFromToday,
  OFFICE,
  responseLines,
  seedEngagementFixture,
  surveyFile,
} from '../src/domains/engagement/engagement.testing.ts';
import { engagementPaths as paths } from '../src/domains/engagement/index.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  expectPageAccessible,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

const OPEN = { survey: 'test-survey' };
const CLOSED = { survey: 'closed' };

describe.skipIf(!chromiumPath)('answering a survey and reading what people said, in a real browser', () => {
  let session: BrowserSession;
  let officerEmail: string;

  beforeAll(async () => {
    const database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    const system = systemActor('test');
    await seedEngagementFixture(database, services);
    await loadSurveyFile(services.engagement, system, surveyFile(), 'open.yaml');
    await loadSurveyFile(
      services.engagement,
      system,
      surveyFile({ slug: 'closed', opensOn: daysFromToday(-60), closesOn: daysFromToday(-1) }),
      'closed.yaml',
    );
    await services.engagement.importResponses(system, 'closed', {
      text: [
        CSV_HEADER,
        ...responseLines(14, 'safe'),
        ...responseLines(11, 'unsafe', 'E06000039', 'speeding'),
      ].join('\n'),
      fileName: 'closed.csv',
    });
    officerEmail = (await createTestUser(services, { role: 'opcc-officer', body: OFFICE })).email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('answers without an account, is told of a missed question, and is thanked; the results and analysis read well', async () => {
    await expectPageAccessible(session, paths.list());
    await expectPageAccessible(session, paths.results(CLOSED));
    const { page, close } = await openPage(session.browser);
    try {
      await page.goto(`${session.baseUrl}${paths.survey(OPEN)}`);
      await expectAccessible(page);
      await page.getByLabel('Speeding').check();
      await page.getByRole('button', { name: 'Send your answers' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Answer this question',
      );
      await expectAccessible(page);
      await page.getByLabel('Unsafe').check();
      await page.getByLabel('Where do you live?').selectOption({ label: 'Reading' });
      await page.getByLabel('Anything else? (optional)').fill('More patrols in the evening.');
      await page.getByRole('button', { name: 'Send your answers' }).click();
      await page.waitForURL(new RegExp(`${paths.sent(OPEN)}$`));
      await expect(page.locator('h1').textContent()).resolves.toContain('your answers have been received');
      await expectAccessible(page);

      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}${paths.analysis(CLOSED)}`);
      await expectAccessible(page);
      await page.getByLabel('Responses from').selectOption({ label: 'Slough' });
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/area=E06000039/);
      await expect(page.locator('[data-testid="responses"]').textContent()).resolves.toBe('11');
      await expectAccessible(page);
    } finally {
      await close();
    }
  }, 120_000);
});
