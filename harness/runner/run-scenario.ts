import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { closeConfigProfile, fetchWireTrace, openConfigProfile } from '../catalog/index.ts';
import type { PrincipalCredentials } from '../engines/index.ts';
import { applyKnownIssues, today } from '../known-issues/index.ts';
import { interpolate, STEP_KINDS, type ScenarioInstance, type ScenarioStep } from '../scenario/index.ts';
import { HARNESS_ACTOR, renderStepFailure, withStatus, type ScenarioResult, type StepResult } from '../verdicts/index.ts';
import { withAnyWriter } from './any-writer.ts';
import { skipReason } from './preconditions.ts';
import { cellSite, contextAdapters, databaseName, instanceTag, type RunContext } from './run-context.ts';
import { stepFeatures, stepName } from './step-request.ts';
import { runStepKind, STEP_HANDLERS, type ScenarioEnd, type StepKindHandler, type StepRun } from './steps/index.ts';

const now = () => performance.now();

/** One scenario instance while it runs: where, with what, and its result so far. */
interface ScenarioRun {
  instance: ScenarioInstance;
  ctx: RunContext;
  database: string;
  /** The scenario's variables; steps may add one for later steps (mark-time). */
  vars: Record<string, string | number | boolean>;
  site: StepRun['site'];
  result: ScenarioResult;
  /** The kinds the scenario has steps of, with their steps: their handlers' afterSteps and teardown. */
  kinds: { handler: StepKindHandler; steps: ScenarioStep[] }[];
}

/**
 * Runs one scenario instance: creates its database, runs each step on each named engine,
 * checks expectations and agreement, and drops the database again. Returns a result value;
 * only the vitest boundary turns a failed result into a thrown assertion.
 */
export async function runScenario(given: ScenarioInstance, ctx: RunContext): Promise<ScenarioResult> {
  const started = now();
  // Setup writes on `any-writer` go to this cell's first available writer.
  const instance = withAnyWriter(given, ctx);
  const instanceKey = `${instance.id}@${ctx.cell ?? ''}`;
  const database = databaseName(ctx.runId, instanceKey, instance.scenario.name);
  const result = newResult(instance, database);
  const finish = () => ({ ...result, durationMs: Math.round(now() - started) });

  const reason = skipReason(instance, ctx);
  if (reason) {
    Object.assign(result, { status: 'skip', reason });
    return finish();
  }
  const scratch = join(ctx.env.scratchRoot, database);
  await mkdir(scratch, { recursive: true });
  const vars = { db: database, run: ctx.runId, scratch, instance: instanceTag(instanceKey) };
  try {
    await ctx.catalog?.createDatabase(database);
  } catch (err) {
    const failure = `could not create database ${database}: ${(err as Error).message}`;
    Object.assign(result, { status: 'error', reason: failure, failure });
    return finish();
  }
  const site = { scenarioName: instance.scenario.name, instanceId: instance.id, params: instance.params, ...cellSite(ctx) };
  const kinds = STEP_KINDS.flatMap((kind) => {
    const steps = instance.steps.filter((s) => s.kind === kind);
    return steps.length ? [{ handler: STEP_HANDLERS[kind], steps }] : [];
  });
  const run: ScenarioRun = { instance, ctx, database, vars, site, result, kinds };
  try {
    await runSteps(run);
    // Every step ran to the end (not stopped by a failure or a known error): kinds that set
    // something up judge it now (each injected fault was met, as asked).
    if (result.status === 'pass' && !result.reason) await judgeAfterSteps(run);
    settleStatus(result);
  } finally {
    await endScenario(run);
  }
  return finish();
}

/** What names an instance in its result: its id, its scenario's name, file and tags, its parameters. */
function instanceFields(instance: ScenarioInstance) {
  const { scenario } = instance;
  return {
    id: instance.id,
    name: scenario.name,
    file: scenario.file,
    loc: scenario.loc,
    params: instance.params,
    tags: scenario.tags ?? [],
  };
}

function newResult(instance: ScenarioInstance, database: string): ScenarioResult {
  const { scenario } = instance;
  return {
    ...instanceFields(instance),
    ...(scenario.requires?.catalog ? { catalogCapabilities: [...scenario.requires.catalog] } : {}),
    status: 'pass',
    database,
    durationMs: 0,
    steps: [],
  };
}

/** A step's result with the known deviations it matches marked known. */
function judged(run: ScenarioRun, ran: StepResult): StepResult {
  const { ctx } = run;
  return ctx.knownIssues?.length ? withStatus(applyKnownIssues(ran, run.site, ctx.knownIssues, ctx.today ?? today())) : ran;
}

/** A judged step recorded; a failing one sets the scenario's status and failure text. */
function record(run: ScenarioRun, step: StepResult): StepResult {
  const { ctx, result } = run;
  result.steps.push(step);
  ctx.hooks?.onStepResult?.(run.instance.id, step);
  if (step.status === 'fail' || step.status === 'error') {
    result.status = step.status;
    result.failure = renderStepFailure(run.instance.scenario.name, step, ctx.env.logs);
  }
  return step;
}

/** The scenario's steps in order, until one fails or every engine failed one as a known deviation; a defect of the harness ends it as an error. */
async function runSteps(run: ScenarioRun): Promise<void> {
  const { instance, ctx, database, vars, result } = run;
  const { scenario } = instance;
  const wireProxy = ctx.env.features.wireProxy;
  const traceEveryStep = run.kinds.some((k) => k.handler.traceEveryStep);
  let current: ScenarioStep | undefined;
  try {
    // The scenario's catalog configuration: its engines open the catalog at an address of its own.
    const config = scenario['catalog-config'];
    const catalogOptions = config
      ? {
          ...(config.client ?? {}),
          uri: await openConfigProfile(wireProxy!, database, { defaults: config.defaults, overrides: config.overrides }),
        }
      : undefined;
    const principals = {
      ...(scenario.principals && ctx.authority ? ctx.authority.register(database, interpolate(scenario.principals, vars)) : {}),
      ...ctx.env.principals,
    };
    for (const raw of instance.steps) {
      current = raw;
      const step = { ...interpolate(raw, vars), loc: raw.loc, index: raw.index } as ScenarioStep;
      const stepStarted = Date.now();
      const ran = judged(run, await runStep(step, ctx, database, principals, vars, run.site, catalogOptions));
      // Failing steps keep their trace as evidence; in a scenario that injects faults every step
      // does, since how a client got through the fault (a retry, a wait) is the finding.
      const failing = ran.status === 'fail' || ran.status === 'error';
      if (wireProxy && (failing || (traceEveryStep && !STEP_HANDLERS[raw.kind].traceEveryStep))) {
        const wire = await fetchWireTrace(wireProxy, database, stepStarted, Date.now()).catch(() => []);
        if (wire.length) ran.wire = wire;
      }
      const recorded = record(run, ran);
      if (recorded.status === 'fail' || recorded.status === 'error') return;
      if (stoppedByKnownError(recorded, step)) {
        // Later steps build on this one (a write that did not happen): running them would report
        // the known deviation again as unrelated failures.
        result.reason = `stopped after step ${step.index + 1} "${recorded.name}": every engine failed as a known deviation (${[...new Set(recorded.engines.map((e) => e.known?.id))].join(', ')})`;
        return;
      }
    }
  } catch (err) {
    const at = current
      ? ` at step ${current.index + 1} "${stepName(current)}" (${current.loc.file}:${current.loc.line}:${current.loc.col})`
      : '';
    Object.assign(result, harnessErrorFields(scenario.name, err, at));
  }
}

/** The scenario at its end as a kind's afterSteps and teardown see it, with that kind's steps. */
function scenarioEnd(run: ScenarioRun, steps: readonly ScenarioStep[]): ScenarioEnd {
  return {
    ctx: run.ctx,
    database: run.database,
    steps,
    vars: run.vars,
    nextIndex: run.result.steps.length,
    loc: run.instance.scenario.loc,
  };
}

/** One more judged step per kind that asks for it (afterSteps), after the scenario's last. */
async function judgeAfterSteps(run: ScenarioRun): Promise<void> {
  const { result } = run;
  try {
    for (const { handler, steps } of run.kinds) {
      const ran = await handler.afterSteps?.(scenarioEnd(run, steps));
      if (ran) record(run, judged(run, ran));
    }
  } catch (err) {
    Object.assign(result, harnessErrorFields(run.instance.scenario.name, err));
  }
}

/** A scenario that ran to the end passed, matched known deviations only, or skipped every step. */
function settleStatus(result: ScenarioResult): void {
  if (result.status !== 'pass') return;
  if (result.steps.some((s) => s.status === 'known')) result.status = 'known';
  else if (result.steps.every((s) => s.status === 'skip')) {
    result.status = 'skip';
    result.reason = `every step was skipped: ${[...new Set(result.steps.flatMap((s) => s.skippedEngines.map((e) => `${e.engine}: ${e.reason}`)))].join('; ')}`;
  }
}

/** Whatever happened: the kinds undo what they did, the engines end their sessions, the scenario's databases go. */
async function endScenario(run: ScenarioRun): Promise<void> {
  const { instance, ctx, database, vars, result } = run;
  ctx.authority?.unregister(database);
  for (const { handler, steps } of run.kinds) await handler.teardown?.(scenarioEnd(run, steps)).catch(() => undefined);
  const wireProxy = ctx.env.features.wireProxy;
  if (wireProxy && instance.scenario['catalog-config']) await closeConfigProfile(wireProxy, database).catch(() => undefined);
  await Promise.allSettled(contextAdapters(ctx).map((e) => e.endScenario?.(database)));
  if (ctx.keepDatabases) return;
  // The scenario's own database, and those its engines created (named under it: ${db}…).
  const made = instance.steps.flatMap((s) => (s.kind === 'create-database' ? [interpolate(s['create-database'], vars).name] : []));
  for (const name of [database, ...new Set(made)]) {
    await ctx.catalog?.dropDatabase(name).catch((err: Error) => {
      result.reason = `${result.reason ? `${result.reason}; ` : ''}cleanup of ${name} failed: ${err.message}`;
    });
  }
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
  return { ...instanceFields(instance), database: '', durationMs: 0, steps: [], ...harnessErrorFields(instance.scenario.name, err) };
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
