import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { ProposalFormSchema } from '../src/domains/precept/precept.schemas.ts';
import { createPreceptFixture, PROPOSAL } from '../src/domains/precept/precept.testing.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
import { parseInput } from '../src/kernel/http/form-validation.ts';
import { TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectAccessible,
  fillDate,
  openPage,
  signIn,
  startBrowserSession,
} from './browser.ts';

describe.skipIf(!chromiumPath)('the Panel recording its vote on a proposed precept in a real browser', () => {
  let session: BrowserSession;
  let panelEmail: string;

  beforeAll(async () => {
    const database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    const fixture = await createPreceptFixture(database, services, 'e2e-office', 3);
    await services.precept.proposePrecept(
      systemActor('test'),
      parseInput(ProposalFormSchema, PROPOSAL('e2e-office')),
    );
    panelEmail = (await createTestUser(services, { role: 'scrutiny-officer', body: fixture.panel })).email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses a veto short of two-thirds of the members with the rule, then records the vote and shows it', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, panelEmail);
      await page.goto(`${session.baseUrl}/precepts/e2e-office/2026-27/report`);
      await expectAccessible(page);
      await page
        .getByLabel('The Panel’s meeting')
        .selectOption({ label: 'Precept meeting, 5 February 2026' });
      await fillDate(page, 'Date of the Panel’s report', ['5', '2', '2026']);
      await page.getByLabel('Vetoed the proposed precept', { exact: true }).check();
      await page.getByLabel('Too high', { exact: true }).check();
      const votes = ['For', 'Absent', 'Absent'];
      const member = (index: number) => page.getByRole('group', { name: `Member 0${index + 1} (member)` });
      for (const [index, vote] of votes.entries())
        await member(index).getByLabel(vote, { exact: true }).check();
      await page.getByRole('button', { name: 'Record the Panel’s report' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Sch 5 para 4(4)');
      await expectAccessible(page);

      await member(1).getByLabel('For', { exact: true }).check();
      await page.getByRole('button', { name: 'Record the Panel’s report' }).click();
      await page.waitForURL(/\/precepts\/e2e-office\/2026-27$/);
      await expect(page.getByTestId('arithmetic').textContent()).resolves.toContain(
        '2 members voted for it, so the veto was carried',
      );
      await expectAccessible(page);
    } finally {
      await close();
    }
  });
});
