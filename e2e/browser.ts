import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../src/domains/accounts/accounts.testing.ts';
import { findChromium } from '../src/kernel/testing/chromium.ts';
import { buildTestApp } from '../src/kernel/testing/test-app.ts';
import type { TestDatabase } from '../src/kernel/testing/test-database.ts';

export const chromiumPath = findChromium();

/** WCAG 2.2 A and AA, and axe's best practices. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Debian's chromium, headless, with the flags this closed network needs (Playwright gives it a fresh profile). */
function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('chromium is not installed');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface BrowserSession {
  baseUrl: string;
  browser: Browser;
  app: FastifyInstance;
  /** Closes the browser, the app and the database. */
  close(): Promise<void>;
}

/** Serves the app on the database at a loopback port and starts a browser to visit it. */
export async function startBrowserSession(database: TestDatabase): Promise<BrowserSession> {
  const app = await buildTestApp(database);
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  return {
    baseUrl,
    browser,
    app,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** A page in its own browser context, so that no cookie (a session) passes from one test to the next. */
export async function openPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Once the page's scripts have run, axe finds no WCAG 2.2 AA or best-practice violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'));
  // axe-core run in the page as @axe-core/playwright's legacy mode runs it (every frame given axe, the same
  // rules), but its 580 kB script sent once per page: the builder sends it two or three times a check and opens
  // a blank page for its final step, which made each check take twice as long.
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axe.source);
  }
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    WCAG_TAGS,
  );
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Collects script errors and security-policy refusals on a page (a 404 for a favicon is not one). */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('404 (Not Found)'))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Opens `path` in a fresh page: axe finds nothing, no script fails and nothing breaks the security policy. */
export async function expectPageAccessible(session: BrowserSession, path: string): Promise<void> {
  const { page, close } = await openPage(session.browser);
  const problems = watchProblems(page);
  try {
    await page.goto(`${session.baseUrl}${path}`, { waitUntil: 'load' });
    await expectAccessible(page);
    expect(problems).toEqual([]);
  } finally {
    await close();
  }
}

/** Fills a GOV.UK date input, found by its fieldset's legend, with day, month and year. */
export async function fillDate(page: Page, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** Signs in on the page with the test password (accounts made by createTestUser have no second factor yet). */
export async function signIn(page: Page, session: BrowserSession, email: string): Promise<void> {
  await page.goto(`${session.baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
