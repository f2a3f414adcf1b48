import { defineConfig } from 'vitest/config';
import { RUN_JOBS_ENV } from './harness/runner/run-spec.ts';

/** `--jobs` of the run the CLI started, else 1. */
function interopJobs(): number {
  const jobs = Number(process.env[RUN_JOBS_ENV] ?? 1);
  return Number.isInteger(jobs) && jobs > 0 ? jobs : 1;
}

/**
 * Three projects: `unit` (fast, no engines), `e2e` (starts the real local environment) and
 * `interop` (the scenario suite; normally driven by `paimon-interop run`).
 */
export default defineConfig({
  test: {
    projects: [
      // Some unit tests start a process (the CLI, git): 5 s, vitest's default, timed out on a
      // loaded 2-core machine; a test that hangs still ends within a minute.
      { test: { name: 'unit', include: ['harness/**/*.test.ts', 'containers/**/*.test.ts', 'scripts/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 1_200_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'interop',
          include: ['harness/vitest/interop.suite.ts'],
          globalSetup: ['harness/vitest/global-setup.ts'],
          // allure-vitest: steps, parameters, labels and attachments from inside each test.
          setupFiles: ['allure-vitest/setup'],
          testTimeout: 900_000,
          hookTimeout: 1_200_000,
          // One worker holds the engines; --jobs scenario instances run concurrently inside it.
          fileParallelism: false,
          maxConcurrency: interopJobs(),
        },
      },
    ],
  },
});
