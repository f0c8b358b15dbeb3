import type { Reporter, TestModule } from 'vitest/node';
import { findChromium } from './chromium.ts';

/**
 * Ends the run with what was not tested here and why, then one plain line,
 * "Tests: N passed, N failed, N skipped", that any CI reads without knowing Vitest.
 * A file that fails outside its tests, and an unhandled error, each count as one failure.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedTests++;
        else counts.skipped++;
      }
      // A file that failed outside any test (a hook, an import) counts once, even though its tests were skipped.
      counts.failed += module.state() === 'failed' && failedTests === 0 ? 1 : failedTests;
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
