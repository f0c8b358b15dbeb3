import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../src/domains/accounts/accounts.testing.ts';
import { loadFundsFile } from '../src/domains/funding/funding.files.ts';
import {
  fundsFile,
  KEY,
  OFFICE,
  READING,
  seedFundingFixture,
} from '../src/domains/funding/funding.testing.ts';
import { fundingPaths as paths } from '../src/domains/funding/index.ts';
import { systemActor } from '../src/kernel/auth/actor.ts';
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

describe.skipIf(!chromiumPath)(
  'trying a fund’s formula and recording its allocation in a real browser',
  () => {
    let session: BrowserSession;
    let officerEmail: string;

    beforeAll(async () => {
      const database = await createTestDatabase('pglite');
      const services = await seedFundingFixture(database);
      await loadFundsFile(services.funding, systemActor('test'), fundsFile(), 'funds.yaml');
      officerEmail = (await createTestUser(services, { role: 'opcc-officer', body: OFFICE })).email;
      session = await startBrowserSession(database);
    });
    afterAll(async () => {
      await session?.close();
    });

    it('tries other weights, is refused weights that do not add up, records the allocation and reads a letter', async () => {
      await expectPageAccessible(session, paths.list());
      await expectPageAccessible(session, paths.fund(KEY));
      const { page, close } = await openPage(session.browser);
      try {
        await signIn(page, session, officerEmail);
        await page.goto(`${session.baseUrl}${paths.allocation(KEY)}`);
        await expectAccessible(page);
        await page.getByRole('link', { name: 'Try other weights or another retained share' }).click();
        await expectAccessible(page);
        await page.getByLabel('Weight of Recorded crimes (%)').fill('100');
        await page.getByLabel('Weight of Need (%)').fill('0');
        await page.getByRole('button', { name: 'Show the amounts' }).click();
        await page.waitForSelector('[data-testid="what-if"]');
        await expect(page.locator('[data-testid="what-if"]').textContent()).resolves.toContain('+£1.12');
        await expectAccessible(page);
        await page.getByLabel('Weight of Need (%)').fill('10');
        await page.getByRole('button', { name: 'Show the amounts' }).click();
        await page.waitForSelector('.govuk-error-summary');
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
          'The weights must add up to 100; they add up to 110',
        );
        await expectAccessible(page);

        await page.goto(`${session.baseUrl}${paths.allocation(KEY)}`);
        await page.getByRole('button', { name: 'Record this allocation' }).click();
        await page.waitForSelector('[data-testid="recorded"]');
        await expectAccessible(page);
        await page.locator(`a[href="${paths.letter({ ...KEY, area: READING })}"]`).click();
        await page.waitForURL(new RegExp(`${paths.letter({ ...KEY, area: READING })}$`));
        await expect(page.locator('h1').textContent()).resolves.toContain('your allocation for 2025/26');
        await expectAccessible(page);
      } finally {
        await close();
      }
    }, 120_000);
  },
);
