import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (fast, no engines), `e2e` (starts the real local environment) and
 * `interop` (the scenario suite; normally driven by `paimon-interop run`).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['harness/**/*.test.ts', 'containers/**/*.test.ts'] } },
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
          include: ['harness/runner/vitest/interop.suite.ts'],
          globalSetup: ['harness/runner/vitest/global-setup.ts'],
          // allure-vitest: steps, parameters, labels and attachments from inside each test.
          setupFiles: ['allure-vitest/setup'],
          testTimeout: 900_000,
          hookTimeout: 1_200_000,
          // One worker: scenarios share the engines' sessions; parallelism is per database.
          fileParallelism: false,
        },
      },
    ],
  },
});
