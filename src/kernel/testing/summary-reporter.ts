import type { Reporter, TestModule } from 'vitest/node';
import { findChromium } from './chromium.ts';

/**
 * Ends the run with what was not tested here and why, then one plain line,
 * "Tests: N passed, N failed, N skipped", that any CI reads without knowing Vitest.
 * Errors outside a test count as failures.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    if (!process.env.DATABASE_URL) {
      process.stdout.write(
        '\nPostgreSQL tests skipped: set DATABASE_URL=postgres://… to run them as well.\n',
      );
    }
    if (!findChromium()) {
      process.stdout.write(
        '\nBrowser tests skipped: chromium is not installed. Install it with: sudo apt-get install -y chromium\n',
      );
    }
    process.stdout.write(
      `\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
