import { defineConfig } from 'vitest/config';

/** What both projects share: a database-backed test may wait on PGlite or PostgreSQL for a while. */
const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    globalSetup: ['src/kernel/testing/global-setup.ts'],
    reporters: ['default', './src/kernel/testing/summary-reporter.ts'],
    // Two groups, one after the other. Unit and database files run two at a time (Vitest's default on 2 cores
    // is one worker, leaving the second core mostly idle). Browser files then run one at a time, alone: Chromium
    // beside two PGlite workers on 2 cores made browser tests time out. The projects do not extend this config,
    // so the global setup runs once.
    projects: [
      {
        test: {
          ...shared,
          name: 'unit-and-database',
          include: ['src/**/*.test.ts'],
          maxWorkers: 2,
          // Each worker imports the app's modules once rather than once per file (import was ~25% of the run).
          // Safe because no test mocks a module, stubs a global or sets process.env: state lives in the
          // services and databases each file builds.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
