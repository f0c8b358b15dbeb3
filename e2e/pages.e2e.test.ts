import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices, seedDemoData } from '../src/composition.ts';
import { buildTestApp, TEST_URLS } from '../src/kernel/testing/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../src/kernel/testing/test-database.ts';
import { chromiumPath, launchBrowser, openPage } from './browser.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describe.skipIf(!chromiumPath)('public pages in a real browser', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await seedDemoData(database, buildServices(database, TEST_URLS));
    app = await buildTestApp(database);
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
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
    ['API documentation', '/api/docs'],
  ] as const) {
    it(`${name}: axe finds no violations, the scripts run and nothing breaks the security policy`, async () => {
      const { page, close } = await openPage(browser);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().includes('404 (Not Found)'))
          problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      try {
        await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('can be used with a keyboard: the skip link is the first stop and leads to the main content', async () => {
    const { page, close } = await openPage(browser);
    try {
      await page.goto(`${baseUrl}/`);
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
