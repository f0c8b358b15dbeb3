import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestBody, createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { parsePlanFile } from '../src/domains/plans/index.ts';
import { PROJECT_ROOT } from '../src/kernel/assets/build-assets.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  fillDate,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

describe.skipIf(!chromiumPath)('recording a plan step in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;
  let officerEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    const system = systemActor('test');
    await services.areas.seedDemoAreas(system);
    await createTestBody(database.db, 'thames-valley-pcc');
    const text = fs.readFileSync(
      path.join(PROJECT_ROOT, 'data/demo/plans/thames-valley-2024-2029.yaml'),
      'utf8',
    );
    await services.plans.importPlanFile(system, parsePlanFile(text));
    officerEmail = (await createTestUser(services, { role: 'opcc-officer', body: 'thames-valley-pcc' }))
      .email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('enters the date in day, month and year boxes, and keeps what was typed after a mistake', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}/plans/thames-valley-2024-2029?version=draft`);
      await page.getByLabel('Step').selectOption('public-consulted');
      await page.getByLabel('Day').fill('12');
      await page.getByLabel('Year').fill('2024');
      await page.getByLabel('Note (optional)').fill('Survey of 2,000 residents');
      await page.getByRole('button', { name: 'Record step' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'The date it happened must include a month',
      );
      await expect(page.getByLabel('Day').inputValue()).resolves.toBe('12');
      await expect(page.getByLabel('Note (optional)').inputValue()).resolves.toBe(
        'Survey of 2,000 residents',
      );
      await expectAccessible(page);

      await page.getByLabel('Month').fill('9');
      await page.getByRole('button', { name: 'Record step' }).click();
      await page.waitForURL(/#lifecycle$/);
      await expect(page.locator('body').textContent()).resolves.toContain('12 September 2024');

      // What s7(1) asks the draft to set out: an empty section is warned of, and written on its own form.
      await page.getByRole('link', { name: 'Edit what the draft sets out' }).click();
      await expectAccessible(page);
      await page.getByLabel('How the chief constable reports to the Commissioner on that policing').fill('');
      await page.getByRole('button', { name: 'Save changes to the draft' }).click();
      await page.waitForURL(/#statutory$/);
      await expect(page.locator('main').textContent()).resolves.toContain('Not written yet');
      await expectAccessible(page);
    } finally {
      await close();
    }
  }, 120_000);

  it('starts a delivery plan, adds an action, is refused a status without evidence, and changes the action', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, officerEmail);
      await page.goto(`${session.baseUrl}/delivery/new`);
      await expectAccessible(page);
      await page.getByLabel('Police and crime plan version').selectOption('thames-valley-2024-2029/1');
      await page.getByLabel('Office of the Police and Crime Commissioner').check();
      await page.getByLabel('Title', { exact: true }).fill('The office’s delivery plan');
      await page.getByRole('button', { name: 'Start delivery plan' }).click();
      await page.waitForURL(/\/delivery\/thames-valley-2024-2029\/1\/opcc$/);
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Add an action' }).click();
      await page.getByLabel('Reference').fill('E2E-1');
      await page.getByLabel('Action', { exact: true }).fill('Target hardening for repeat burglary victims');
      await page.getByLabel('Owner').fill('Head of Partnerships');
      await fillDate(page, 'Start date', ['1', '2', '2025']);
      await fillDate(page, 'Due date', ['31', '1', '2025']);
      await page.getByLabel('PC1.M1 (measure): Continued reductions in priority crime types').check();
      await page.getByRole('button', { name: 'Add action' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'The due date must be on or after the start date',
      );
      await expectAccessible(page);
      await fillDate(page, 'Due date', ['30', '9', '2025']);
      await page.getByRole('button', { name: 'Add action' }).click();
      await page.waitForURL(/\/actions\/E2E-1$/);
      await expectAccessible(page);

      await page.getByLabel('On track').check();
      await fillDate(page, 'Date of the status', ['10', '2', '2025']);
      await page.getByRole('button', { name: 'Record status' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter the evidence for the status',
      );
      await expectAccessible(page);
      await page.getByLabel('Evidence').fill('Grants agreed with three partnerships');
      await page.getByRole('button', { name: 'Record status' }).click();
      await page.waitForURL(/\/actions\/E2E-1$/);
      await expect(page.getByTestId('history').textContent()).resolves.toContain('Grants agreed');

      await page.getByRole('link', { name: 'Change the action E2E-1' }).click();
      await expectAccessible(page);
      await page.getByLabel('Owner').fill('Director of Partnerships');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(/\/actions\/E2E-1$/);
      await expect(page.locator('main').textContent()).resolves.toContain('Director of Partnerships');

      // The officer's file page; the public delivery pages are in the public pages' sweep.
      await page.goto(`${session.baseUrl}/delivery/import`);
      await expectAccessible(page);
    } finally {
      await close();
    }
  }, 120_000);
});
