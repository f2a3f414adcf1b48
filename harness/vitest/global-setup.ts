/**
 * Hands the run spec to the suite. The CLI starts the environment itself (clean errors,
 * progress) and passes the spec in an env var; a bare `vitest --project interop` gets a local
 * environment started here and stopped in teardown.
 */
import type { TestProject } from 'vitest/node';
import { startRun } from '../runner/index.ts';
import { RUN_SPEC_ENV, type RunSpec } from '../runner/index.ts';

export default async function setup(project: TestProject) {
  const given = process.env[RUN_SPEC_ENV];
  if (given) {
    project.provide('interopRun', JSON.parse(given) as RunSpec);
    return;
  }
  const run = await startRun({
    env: 'local',
    filter: { paths: ['scenarios'] },
    update: false,
    keepDatabases: false,
    onProgress: (m) => console.error(`[env] ${m}`),
  });
  project.provide('interopRun', run.spec);
  return async () => {
    await run.stop();
  };
}
