import { type Browser, chromium } from 'playwright-core';
import { findChromium } from '../src/kernel/testing/chromium.ts';

export const chromiumPath = findChromium();

/** Debian's chromium, headless, with the flags this closed network needs (Playwright gives it a fresh profile). */
export function launchBrowser(): Promise<Browser> {
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

/** A page in its own browser context (axe needs one it can open its own pages in). */
export async function openPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, close: () => context.close() };
}
