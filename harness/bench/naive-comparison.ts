import { CatalogClient } from '../catalog/index.ts';
import { createEngine, type Engine, type OneShotRunner } from '../engines/index.ts';
import type { StartedEnvironment } from '../environment/index.ts';
import { checkInsert, databaseName, runScenario, stepEngines, stepRequest } from '../runner/index.ts';
import { interpolate, isEngineKind, type ScenarioInstance, type ScenarioStep } from '../scenario/index.ts';
import { quantile } from './bench-stats.ts';

/** One scenario run by the harness and, beside it, the way a user would script it: one process per statement. */
export interface NaiveComparison {
  scenario: string;
  engines: string[];
  /** Engine statements each way (steps × the engines above that run them). */
  statements: number;
  harnessMs: number;
  harnessStatus: string;
  naiveMs: number;
  /** naiveMs / harnessMs. */
  ratio: number;
  /** Per engine: the median wall time of one statement in its own process. */
  perStatement: { engine: string; statements: number; medianMs: number }[];
  /** Statements of the naive run that did not end as the scenario expects (with why). */
  failures: string[];
}

/** Engine steps of the instance, with `${db}` and the other runtime variables filled in. */
function engineSteps(instance: ScenarioInstance, vars: Record<string, string | number | boolean>): ScenarioStep[] {
  return instance.steps
    .filter((s) => isEngineKind(s.kind))
    .map((raw) => ({ ...interpolate(raw, vars), loc: raw.loc, index: raw.index }) as ScenarioStep);
}

/**
 * Runs `instance` on `engines` (each with a one-shot way in `env.oneShot`) twice against the same
 * running environment: through the harness (long-lived gateway and SQL Gateway sessions), then one
 * fresh process per statement in a database of its own. Both wall times exclude the environment's
 * start; the naive one includes every process start, as a script's would.
 */
export async function compareNaive(
  instance: ScenarioInstance,
  env: StartedEnvironment,
  engines: readonly string[],
  runId: string,
): Promise<NaiveComparison> {
  const oneShot: Record<string, OneShotRunner> = Object.fromEntries(engines.map((e) => [e, env.oneShot?.[e]]).filter(([, r]) => r));
  const used = Object.keys(oneShot);
  const catalog = new CatalogClient(env.catalog);
  const context = { catalog: env.catalog, runId };
  const adapters = new Map<string, Engine>(
    env.engines.filter((e) => used.includes(e.engine)).map((e) => [e.engine, createEngine(e, context)]),
  );
  const unavailable = {
    ...env.unavailable,
    ...Object.fromEntries(
      env.engines.filter((e) => !used.includes(e.engine)).map((e) => [e.engine, 'left out of the naive comparison (no one-shot way)']),
    ),
  };

  const t0 = performance.now();
  // The harness side of the comparison: the scenario on the same engines, without the wire proxy (the naive side has none either).
  const { stop: _stop, oneShot: _oneShot, ...descriptor } = env;
  const result = await runScenario(instance, {
    runId,
    env: { ...descriptor, unavailable, features: { files: env.features.files } },
    engines: adapters,
    catalog,
  });
  const harnessMs = Math.round(performance.now() - t0);
  await Promise.allSettled([...adapters.values()].map((a) => a.close?.()));

  const database = databaseName(`${runId}n`, instance.id, instance.scenario.name);
  const steps = engineSteps(instance, { db: database, run: runId, scratch: env.scratchRoot, instance: 'naive' });
  const times = new Map<string, number[]>(used.map((e) => [e, []]));
  const failures: string[] = [];
  const t1 = performance.now();
  await catalog.createDatabase(database);
  try {
    for (const step of steps) {
      for (const engine of stepEngines(step).filter((e) => used.includes(e))) {
        const base = stepRequest(step, engine);
        const checked = base.kind === 'insert' ? await checkInsert(base, catalog, database, step.insert?.generate) : undefined;
        const request = base.kind === 'insert' ? { ...base, columnTypes: checked?.columnTypes, rows: checked?.rows ?? base.rows } : base;
        const r = await oneShot[engine]!(request, database);
        times.get(engine)!.push(r.wallMs);
        const expectsError = step.expect?.error !== undefined;
        if (r.ok === expectsError)
          failures.push(
            `step ${step.index + 1} on ${engine}: ${expectsError ? 'succeeded where the scenario expects an error' : r.detail}`,
          );
      }
    }
  } finally {
    await catalog.dropDatabase(database).catch(() => undefined);
  }
  const naiveMs = Math.round(performance.now() - t1);
  const perStatement = [...times.entries()].map(([engine, t]) => ({
    engine,
    statements: t.length,
    medianMs: Math.round(
      quantile(
        [...t].sort((a, b) => a - b),
        0.5,
      ),
    ),
  }));
  return {
    scenario: instance.id,
    engines: used,
    statements: perStatement.reduce((n, p) => n + p.statements, 0),
    harnessMs,
    harnessStatus: result.status,
    naiveMs,
    ratio: harnessMs > 0 ? Math.round((naiveMs / harnessMs) * 10) / 10 : 0,
    perStatement,
    failures,
  };
}
