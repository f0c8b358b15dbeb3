import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase } from '../src/kernel/testing/demo-snapshot.ts';
import type { TestDatabase } from '../src/kernel/testing/test-database.ts';
import {
  type BrowserSession,
  chromiumPath,
  expectPageAccessible,
  openPage,
  startBrowserSession,
} from './browser.ts';

describe.skipIf(!chromiumPath)('public pages in a real browser', () => {
  let database: TestDatabase;
  let session: BrowserSession;

  beforeAll(async () => {
    database = await createDemoTestDatabase();
    session = await startBrowserSession(database);
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const [name, path] of [
    ['home', '/'],
    ['accessibility statement', '/accessibility'],
    ['privacy notice', '/privacy'],
    ['page not found', '/no-such-page'],
    ['sign in', '/sign-in'],
    ['forgotten password', '/password/forgot'],
    ['plans', '/plans'],
    ['a plan', '/plans/thames-valley-2024-2029'],
    ['a priority', '/plans/thames-valley-2024-2029/priorities/PC1'],
    ['plan versions', '/plans/thames-valley-2024-2029/versions'],
    ['coverage report', '/plans/thames-valley-2017-2021/coverage'],
    ['statutory calendar', '/calendar'],
    ['delivery plans', '/delivery'],
    ['a delivery plan', '/delivery/thames-valley-2017-2021/1/force'],
    ['a delivery action', '/delivery/thames-valley-2017-2021/1/force/actions/TVP-RAPE'],
    ['aims and actions', '/delivery/thames-valley-2017-2021/1/opcc/aims'],
    ['delivery actions at risk', '/delivery/at-risk'],
    ['a measure with delivery actions marked', '/scorecard/measures/PC1.M1'],
    ['money', '/money'],
    ['a precept year with its vote', '/precepts/thames-valley-pcc/2017-18'],
    ['a budget year with its monitoring', '/budgets/thames-valley-pcc/2017-18'],
    ['confirmation hearings', '/appointments'],
    ['an office’s confirmation hearings', '/appointments/thames-valley-pcc'],
    ['a confirmation hearing with its vote', '/appointments/thames-valley-pcc/1'],
    ['a fund', '/funds/community-safety-fund'],
    ['a formula allocation', '/funds/community-safety-fund/allocations/2017-18'],
    ['API documentation', '/api/docs'],
  ] as const) {
    it(`${name}: axe finds no violations, the scripts run and nothing breaks the security policy`, async () => {
      await expectPageAccessible(session, path);
    });
  }

  it('can be used with a keyboard: the skip link is the first stop and leads to the main content', async () => {
    const { page, close } = await openPage(session.browser);
    try {
      await page.goto(`${session.baseUrl}/`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      expect(focused).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    } finally {
      await close();
    }
  });
});
