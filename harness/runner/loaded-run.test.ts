import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_ENGINES } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { loadScenarios } from '../scenario/index.ts';
import { readLoadedRun, writeLoadedRun } from './loaded-run.ts';

describe('the run loaded once', () => {
  it('every shipped scenario and known issue reaches the suite exactly as the CLI loaded it', async () => {
    const suite = await loadScenarios(['scenarios'], SCENARIO_ENGINES);
    const known = await loadKnownIssues('known-issues.yaml');
    expect(suite.problems).toEqual([]);
    const dir = await mkdtemp(join(tmpdir(), 'loaded-run-'));
    try {
      await writeLoadedRun(join(dir, 'run', 'loaded-run.v8'), { scenarios: suite.scenarios, knownIssues: known.issues });
      const back = await readLoadedRun(join(dir, 'run', 'loaded-run.v8'));
      expect(back.scenarios.length).toBeGreaterThan(30);
      // toStrictEqual compares prototypes and undefined properties too: nothing is lost on the way.
      expect(back).toStrictEqual({ scenarios: suite.scenarios, knownIssues: known.issues });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
