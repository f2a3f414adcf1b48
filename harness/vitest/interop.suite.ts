/**
 * The vitest boundary: one test per scenario instance, so vitest's filtering (-t), watch mode
 * and reporters apply. Results travel to the reporter in `task.meta.interop`; only here does a
 * failed result become a thrown error.
 */
import { afterAll, inject, test } from 'vitest';
import { AccessControlProxy } from '../access-control/index.ts';
import { CatalogClient } from '../catalog/index.ts';
import { createEngine, SCENARIO_ENGINES } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { redact } from '../redact.ts';
import { annotateAllure } from './allure-annotations.ts';
import { cellOf } from './vitest-interop-reporter.ts';
import { formatProblem, loadScenarioFile, loadScenarios, ScenarioLoadError, type ScenarioInstance } from '../scenario/index.ts';
import { crashedResult, environmentSecrets, readLoadedRun, runPrefix, runScenario, selectInstances, updateFromResult, type LoadedRun } from '../runner/index.ts';
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
  const known = await loadKnownIssues(spec.knownIssuesFile);
  const problems = [...suite.problems, ...known.problems];
  if (problems.length) {
    const sources = new Map([...suite.files.map((f) => [f.file, f.source] as const), [spec.knownIssuesFile, known.source] as const]);
    throw Object.assign(new ScenarioLoadError(problems), { message: problems.map((p) => formatProblem(p, sources.get(p.loc.file))).join('\n\n') });
  }
  return { scenarios: suite.scenarios, knownIssues: known.issues };
}

const loaded = spec.loadedRunFile ? await readLoadedRun(spec.loadedRunFile) : await loadRun();

const env = spec.env;
const instances = selectInstances(loaded.scenarios, spec.filter);
// The harness's own catalog calls (and the access-control layer's) pass the wire proxy too, so
// they are in a failing step's trace; engines keep the environment's address (a remote engine
// cannot reach a loopback proxy).
const tracedCatalog = env.wireTrace ? { ...env.catalog, uri: env.wireTrace.url } : env.catalog;
// Principal-scoped scenarios act through the reference access-control layer, unless the
// environment brings real principals (a vendor's catalog).
let authority: AccessControlProxy | undefined;
if (!env.principals && instances.some((i) => i.scenario.principals)) {
  authority = await new AccessControlProxy(tracedCatalog).start();
  afterAll(() => authority?.stop());
}
const secrets = environmentSecrets(env);
const engineContext = { catalog: env.catalog, runId: spec.runId };
const engines = new Map(env.engines.map((e) => [e.engine, createEngine(e, engineContext)]));
const writeEngines = env.writerEngines && new Map(env.writerEngines.map((e) => [e.engine, createEngine(e, engineContext)]));
afterAll(async () => {
  await Promise.allSettled([...engines.values(), ...(writeEngines?.values() ?? [])].map((e) => e.close?.()));
});
const cell = cellOf(spec);
const catalog = new CatalogClient(tracedCatalog);
const ctxBase = {
  runId: spec.runId,
  cell: cell.id,
  paimonVersion: env.paimonVersion,
  writerPaimonVersion: spec.writerVersion,
  clientVersions: env.versions,
  catalogServer: env.catalogServer,
  catalogPaimonVersion: env.catalogVersion,
  wireTrace: env.wireTrace,
  catalogClaim: env.catalogClaim,
  catalogAdmin: env.catalogAdmin,
  engines,
  writeEngines,
  writeUnavailable: env.writerUnavailable && new Map(Object.entries(env.writerUnavailable)),
  unavailable: new Map(Object.entries(env.unavailable)),
  catalog,
  principals: env.principals,
  authority,
  scratchRoot: env.scratchRoot,
  fileInspector: env.fileInspector,
  warehouseRoot: env.warehouseRoot,
  keepDatabases: spec.keepDatabases,
  logs: env.logs,
  knownIssues: loaded.knownIssues,
  hooks: {
    onStepResult: (id: string, step: ScenarioResult['steps'][number]) => {
      const cells = step.engines.map((e) => `${e.engine} ${e.status} ${e.durationMs}ms`).concat(step.skippedEngines.map((e) => `${e.engine} skipped`));
      console.log(`  ${id} step ${step.index + 1} ${step.name}: ${cells.join(', ')}`);
    },
  },
};

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

// Whatever a failed scenario left under this run's prefix goes at the end; nothing else is touched.
afterAll(async () => {
  if (spec.keepDatabases) return;
  for (const db of await catalog.listDatabases().catch(() => [])) {
    if (db.startsWith(`${runPrefix(spec.runId)}_`)) await catalog.dropDatabase(db).catch(() => undefined);
  }
});

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
