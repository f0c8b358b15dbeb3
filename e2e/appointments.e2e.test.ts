import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/composition.ts';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { ProposalFormSchema } from '../src/domains/appointments/appointments.schemas.ts';
import { APPOINTMENT } from '../src/domains/appointments/appointments.testing.ts';
import { createPreceptFixture } from '../src/domains/precept/precept.testing.ts';
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

const OFFICE = 'e2e-hearing-office';

describe.skipIf(!chromiumPath)('the Panel reporting on a proposed chief constable in a real browser', () => {
  let session: BrowserSession;
  let panelEmail: string;
  let path: string;

  beforeAll(async () => {
    const database = await createTestDatabase('pglite');
    const services = buildServices(database, TEST_URLS);
    const fixture = await createPreceptFixture(database, services, OFFICE, 3);
    const target = await services.appointments.proposeAppointment(
      systemActor('test'),
      parseInput(ProposalFormSchema, APPOINTMENT(OFFICE)),
    );
    path = `/appointments/${OFFICE}/${target.id}`;
    panelEmail = (await createTestUser(services, { role: 'scrutiny-officer', body: fixture.panel })).email;
    session = await startBrowserSession(database);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('refuses a veto short of two-thirds with the rule, records one, and publishes accessible pages', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await signIn(page, session, panelEmail);
      await page.goto(`${session.baseUrl}${path}/report`);
      await expectAccessible(page);
      await page
        .getByLabel('The meeting that held the confirmation hearing')
        .selectOption({ label: 'Precept meeting, 5 February 2026' });
      await fillDate(page, 'Date of the Panel’s report', ['5', '2', '2026']);
      await page.getByLabel('Vetoed the appointment', { exact: true }).check();
      const member = (index: number) => page.getByRole('group', { name: `Member 0${index + 1} (member)` });
      for (const [index, vote] of ['For', 'Absent', 'Absent'].entries())
        await member(index).getByLabel(vote, { exact: true }).check();
      await page.getByRole('button', { name: 'Record the Panel’s report' }).click();
      await page.waitForSelector('.govuk-error-summary');
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Sch 8 para 5');
      await expectAccessible(page);

      await member(1).getByLabel('For', { exact: true }).check();
      await page.getByRole('button', { name: 'Record the Panel’s report' }).click();
      await page.waitForURL(new RegExp(`${path}$`));
      await expect(page.getByTestId('arithmetic').textContent()).resolves.toContain(
        '2 members voted for it, so the veto was carried',
      );
      await expectAccessible(page);
      for (const list of ['/appointments', `/appointments/${OFFICE}`]) {
        await page.goto(`${session.baseUrl}${list}`);
        await expectAccessible(page);
      }
    } finally {
      await close();
    }
  });
});
