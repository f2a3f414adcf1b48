import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { closeConfigProfile, fetchWireTrace, openConfigProfile } from '../catalog/index.ts';
import type { PrincipalCredentials } from '../engines/index.ts';
import { applyKnownIssues, today } from '../known-issues/index.ts';
import { interpolate, STEP_KINDS, type ScenarioInstance, type ScenarioStep } from '../scenario/index.ts';
import { HARNESS_ACTOR, renderStepFailure, withStatus, type ScenarioResult, type StepResult } from '../verdicts/index.ts';
import { withAnyWriter } from './any-writer.ts';
import { skipReason } from './preconditions.ts';
import { cellSite, databaseName, instanceTag, type RunContext } from './run-context.ts';
import { stepFeatures, stepName } from './step-request.ts';
import { runStepKind, STEP_HANDLERS, type StepRun } from './steps/index.ts';

const now = () => performance.now();

/**
 * Runs one scenario instance: creates its database, runs each step on each named engine,
 * checks expectations and agreement, and drops the database again. Returns a result value;
 * only the vitest boundary turns a failed result into a thrown assertion.
 */
export async function runScenario(given: ScenarioInstance, ctx: RunContext): Promise<ScenarioResult> {
  const started = now();
  // Setup writes on `any-writer` go to this cell's first available writer.
  const instance = withAnyWriter(given, ctx);
  const { scenario } = instance;
  const instanceKey = `${instance.id}@${ctx.cell ?? ''}`;
  const database = databaseName(ctx.runId, instanceKey, scenario.name);
  const result: ScenarioResult = {
    id: instance.id,
    name: scenario.name,
    file: scenario.file,
    loc: scenario.loc,
    params: instance.params,
    tags: scenario.tags ?? [],
    ...(scenario.requires?.catalog ? { catalogCapabilities: [...scenario.requires.catalog] } : {}),
    status: 'pass',
    database,
    durationMs: 0,
    steps: [],
  };
  const finish = () => ({ ...result, durationMs: Math.round(now() - started) });
  const skip = (reason: string) => {
    result.status = 'skip';
    result.reason = reason;
    return finish();
  };

  const reason = skipReason(instance, ctx);
  if (reason) return skip(reason);
  const config = scenario['catalog-config'];
  const wireProxy = ctx.env.features.wireProxy;
  // The kinds the scenario has steps of, with their steps: their handlers' afterSteps and teardown.
  const kinds = STEP_KINDS.filter((k) => instance.steps.some((s) => s.kind === k)).map((kind) => ({
    kind,
    handler: STEP_HANDLERS[kind],
    steps: instance.steps.filter((s) => s.kind === kind),
  }));
  const traceEveryStep = kinds.some((k) => k.handler.traceEveryStep);

  const scratch = join(ctx.env.scratchRoot, database);
  await mkdir(scratch, { recursive: true });
  // Steps may add variables for later steps (mark-time).
  const vars: Record<string, string | number | boolean> = { db: database, run: ctx.runId, scratch, instance: instanceTag(instanceKey) };

  try {
    await ctx.catalog?.createDatabase(database);
  } catch (err) {
    result.status = 'error';
    result.reason = `could not create database ${database}: ${(err as Error).message}`;
    result.failure = result.reason;
    return finish();
  }

  let current: ScenarioStep | undefined;
  try {
    // The scenario's catalog configuration: its engines open the catalog at an address of its own.
    const catalogOptions = config
      ? {
          ...(config.client ?? {}),
          uri: await openConfigProfile(ctx.env.features.wireProxy!, database, { defaults: config.defaults, overrides: config.overrides }),
        }
      : undefined;
    const principals = {
      ...(scenario.principals && ctx.authority ? ctx.authority.register(database, interpolate(scenario.principals, vars)) : {}),
      ...ctx.env.principals,
    };
    const site = { scenarioName: scenario.name, instanceId: instance.id, params: instance.params, ...cellSite(ctx) };
    for (const raw of instance.steps) {
      current = raw;
      const step = { ...interpolate(raw, vars), loc: raw.loc, index: raw.index } as ScenarioStep;
      const stepStarted = Date.now();
      const ran = await runStep(step, ctx, database, principals, vars, site, catalogOptions);
      const stepResult = ctx.knownIssues?.length ? withStatus(applyKnownIssues(ran, site, ctx.knownIssues, ctx.today ?? today())) : ran;
      // Failing steps keep their trace as evidence; in a scenario that injects faults every step
      // does, since how a client got through the fault (a retry, a wait) is the finding.
      if (
        wireProxy &&
        (stepResult.status === 'fail' || stepResult.status === 'error' || (traceEveryStep && !STEP_HANDLERS[raw.kind].traceEveryStep))
      ) {
        const wire = await fetchWireTrace(wireProxy, database, stepStarted, Date.now()).catch(() => []);
        if (wire.length) stepResult.wire = wire;
      }
      result.steps.push(stepResult);
      ctx.hooks?.onStepResult?.(instance.id, stepResult);
      if (stepResult.status === 'fail' || stepResult.status === 'error') {
        result.status = stepResult.status;
        result.failure = renderStepFailure(scenario.name, stepResult, ctx.env.logs);
        break;
      }
      if (stoppedByKnownError(stepResult, step)) {
        // Later steps build on this one (a write that did not happen): running them would report
        // the known deviation again as unrelated failures.
        result.reason = `stopped after step ${step.index + 1} "${stepResult.name}": every engine failed as a known deviation (${[...new Set(stepResult.engines.map((e) => e.known?.id))].join(', ')})`;
        break;
      }
    }
    // Every step ran to the end (not stopped by a failure or a known error): kinds that set
    // something up judge it now (each injected fault was met, as asked).
    for (const { handler, steps } of result.status === 'pass' && !result.reason ? kinds : []) {
      const ran = await handler.afterSteps?.({ ctx, database, steps, vars, nextIndex: result.steps.length, loc: scenario.loc });
      if (!ran) continue;
      const judged = ctx.knownIssues?.length ? withStatus(applyKnownIssues(ran, site, ctx.knownIssues, ctx.today ?? today())) : ran;
      result.steps.push(judged);
      ctx.hooks?.onStepResult?.(instance.id, judged);
      if (judged.status === 'fail') {
        result.status = 'fail';
        result.failure = renderStepFailure(scenario.name, judged, ctx.env.logs);
      }
    }
    if (result.status === 'pass' && result.steps.some((s) => s.status === 'known')) result.status = 'known';
    if (result.status === 'pass' && result.steps.every((s) => s.status === 'skip')) {
      result.status = 'skip';
      result.reason =
        'every step was skipped: ' +
        [...new Set(result.steps.flatMap((s) => s.skippedEngines.map((e) => `${e.engine}: ${e.reason}`)))].join('; ');
    }
  } catch (err) {
    const at = current
      ? ` at step ${current.index + 1} "${stepName(current)}" (${current.loc.file}:${current.loc.line}:${current.loc.col})`
      : '';
    Object.assign(result, harnessErrorFields(scenario.name, err, at));
  } finally {
    ctx.authority?.unregister(database);
    for (const { handler, steps } of kinds)
      await handler.teardown?.({ ctx, database, steps, vars, nextIndex: result.steps.length, loc: scenario.loc }).catch(() => undefined);
    if (wireProxy && config) await closeConfigProfile(wireProxy, database).catch(() => undefined);
    await Promise.allSettled([...ctx.engines.values(), ...(ctx.writeEngines?.values() ?? [])].map((e) => e.endScenario?.(database)));
    if (!ctx.keepDatabases) {
      // The scenario's own database, and those its engines created (named under it: ${db}…).
      const made = instance.steps.filter((s) => s['create-database']).map((s) => interpolate(s['create-database']!, vars).name);
      for (const name of [database, ...new Set(made)]) {
        await ctx.catalog?.dropDatabase(name).catch((err: Error) => {
          result.reason = `${result.reason ? `${result.reason}; ` : ''}cleanup of ${name} failed: ${err.message}`;
        });
      }
    }
  }
  return finish();
}

/**
 * A defect of the harness itself (not of an engine) stopped a scenario: it still ends in the
 * results, as an error counted in the totals, with the stack kept for the report (not the console).
 */
function harnessErrorFields(
  scenarioName: string,
  err: unknown,
  at = '',
): Pick<ScenarioResult, 'status' | 'reason' | 'failure' | 'harnessError'> {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    status: 'error',
    reason: `harness error${at}: ${e.message}`,
    failure: `scenario '${scenarioName}' stopped by a harness error${at}: ${e.name}: ${e.message} (the stack is in the report)`,
    harnessError: { message: `${e.name}: ${e.message}`, stack: e.stack },
  };
}

/**
 * A step expected to succeed that failed with an error on every engine, each failure a known
 * deviation: nothing the later steps rely on was done.
 */
function stoppedByKnownError(result: StepResult, step: ScenarioStep): boolean {
  if (step.expect?.error !== undefined || result.status !== 'known') return false;
  const ran = result.engines.filter((e) => e.status !== 'skip');
  return ran.length > 0 && ran.every((e) => e.status === 'known' && e.error !== undefined);
}

/** The result of an instance whose run never produced one (it threw before or outside its steps). */
export function crashedResult(instance: ScenarioInstance, err: unknown): ScenarioResult {
  const { scenario } = instance;
  const base = {
    id: instance.id,
    name: scenario.name,
    file: scenario.file,
    loc: scenario.loc,
    params: instance.params,
    tags: scenario.tags ?? [],
    database: '',
    durationMs: 0,
    steps: [],
  };
  return { ...base, ...harnessErrorFields(scenario.name, err) };
}

/** One step: `as:` resolved to its principal, then the handler of the step's kind. */
async function runStep(
  step: ScenarioStep,
  ctx: RunContext,
  database: string,
  principals: Record<string, PrincipalCredentials>,
  vars: Record<string, string | number | boolean>,
  site: StepRun['site'],
  catalogOptions?: Record<string, string>,
): Promise<StepResult> {
  const base: StepResult = {
    index: step.index,
    name: stepName(step),
    loc: step.loc,
    ...stepFeatures(step),
    status: 'pass',
    engines: [],
    disagreements: [],
    skippedEngines: [],
  };
  const principal = step.as === undefined ? undefined : principals[step.as];
  if (step.as !== undefined && !principal) {
    return {
      ...base,
      status: 'error',
      engines: [
        {
          ...HARNESS_ACTOR,
          status: 'error',
          durationMs: 0,
          failures: [],
          reason: `principal '${step.as}' has no credentials in this environment`,
        },
      ],
    };
  }
  return runStepKind({ step, ctx, database, principal, base, vars, site, catalogOptions });
}
