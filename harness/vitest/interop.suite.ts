/**
 * The vitest boundary: one test per scenario instance, so vitest's filtering (-t), watch mode
 * and reporters apply. Results travel to the reporter in `task.meta.interop`; only here does a
 * failed result become a thrown error.
 */
import { afterAll, inject, test } from 'vitest';
import { SCENARIO_ENGINES, clientReleaseEngines } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { redact } from '../redact.ts';
import { annotateAllure } from './allure-annotations.ts';
import { cellOf } from './vitest-interop-reporter.ts';
import { formatProblem, loadScenarioFile, loadScenarios, ScenarioLoadError, type ScenarioInstance } from '../scenario/index.ts';
import {
  contextForRun,
  crashedResult,
  readLoadedRun,
  runScenario,
  selectInstances,
  updateFromResult,
  type LoadedRun,
} from '../runner/index.ts';
import type { ScenarioResult } from '../verdicts/index.ts';

declare module 'vitest' {
  interface TaskMeta {
    interop?: ScenarioResult;
  }
}

const spec = inject('interopRun');
/** A bare `vitest --project interop` (no CLI): load and validate here. */
async function loadRun(): Promise<LoadedRun> {
  const suite = await loadScenarios(spec.filter.paths, SCENARIO_ENGINES);
  const known = await loadKnownIssues(spec.knownIssuesFile, { clientEngines: clientReleaseEngines() });
  const problems = [...suite.problems, ...known.problems];
  if (problems.length) {
    const sources = new Map([...suite.files.map((f) => [f.file, f.source] as const), [spec.knownIssuesFile, known.source] as const]);
    throw Object.assign(new ScenarioLoadError(problems), {
      message: problems.map((p) => formatProblem(p, sources.get(p.loc.file))).join('\n\n'),
    });
  }
  return { scenarios: suite.scenarios, knownIssues: known.issues };
}

const loaded = spec.loadedRunFile ? await readLoadedRun(spec.loadedRunFile) : await loadRun();

const env = spec.env;
const instances = selectInstances(loaded.scenarios, spec.filter);
const cell = cellOf(spec);
const opened = await contextForRun(spec, loaded.knownIssues, instances, {
  onStepResult: (id, step) => {
    const cells = step.engines
      .map((e) => `${e.engine} ${e.status} ${e.durationMs}ms`)
      .concat(step.skippedEngines.map((e) => `${e.engine} skipped`));
    console.log(`  ${id} step ${step.index + 1} ${step.name}: ${cells.join(', ')}`);
  },
});
afterAll(() => opened.close());
// `--repeat`: each run of the suite names its databases apart (a kept database of run 1 does not meet run 2).
const ctxBase = { ...opened.ctx, cell: spec.attempt && spec.attempt > 1 ? `${cell.id}#${spec.attempt}` : cell.id };
const secrets = opened.secrets;

async function runWithUpdates(instance: ScenarioInstance): Promise<ScenarioResult> {
  let current = instance;
  for (let round = 0; ; round++) {
    const result = await runScenario(current, ctxBase);
    if (!spec.update || result.status !== 'fail' || round >= current.steps.length) return result;
    if (!(await updateFromResult(current, result))) return result;
    console.log(`  ${instance.id}: updated expected rows of step ${result.steps.find((s) => s.status === 'fail')!.index + 1}`);
    const reloaded = await loadScenarioFile(current.scenario.file, SCENARIO_ENGINES);
    if (!reloaded.scenario) return result;
    current = { ...current, scenario: reloaded.scenario, steps: reloaded.scenario.steps };
  }
}

// With --jobs N, up to N instances run at once (vitest's maxConcurrency); each has its own
// database, engines queue or keep a session per scenario, and the reporter restores file order.
const declare = spec.jobs > 1 ? test.concurrent : test;
for (const instance of instances) {
  declare(instance.id, async (ctx) => {
    // Whatever an engine echoed (messages, statements, diffs) leaves the worker redacted.
    const ran = await runWithUpdates(instance).catch((err: unknown) => crashedResult(instance, err));
    const result = JSON.parse(redact(JSON.stringify(ran), secrets)) as ScenarioResult;
    ctx.task.meta.interop = result;
    await annotateAllure(result, cell, env.logs);
    if (result.status === 'skip') ctx.skip(result.reason);
    if (result.status === 'fail' || result.status === 'error') {
      const err = new Error(result.failure ?? result.reason ?? 'scenario failed');
      err.stack = err.message; // the located diff is the whole story; a JS stack would be noise
      throw err;
    }
  });
}
