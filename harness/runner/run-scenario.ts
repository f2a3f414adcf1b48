import { mkdir } from 'node:fs/promises';
import { satisfies } from 'semver';
import { join } from 'node:path';
import { ENGINE_CAPABILITIES, EngineUnavailableError, type EngineOutcome, type PrincipalCredentials } from '../engines/index.ts';
import { checkInsert } from './check-insert.ts';
import { applyKnownIssues, today } from '../known-issues/index.ts';
import { compareAgreement } from '../results/index.ts';
import { interpolate, type ScenarioInstance, type ScenarioStep } from '../scenario/index.ts';
import { evaluateOutcome, evaluateRest } from './evaluate-step.ts';
import { listFiles } from './list-files.ts';
import { renderStepFailure } from './render-failure.ts';
import { databaseName, type RunContext } from './run-context.ts';
import type { ScenarioResult, StepEngineResult, StepResult } from './scenario-result.ts';
import { stepEngines, stepFeatures, stepName, stepRequest } from './step-request.ts';

const now = () => performance.now();

/** Requests that write; in cross-version mode they run on the writer version's engines. */
const WRITES = new Set(['create-table', 'insert', 'alter-table', 'drop-table']);

/**
 * Runs one scenario instance: creates its database, runs each step on each named engine,
 * checks expectations and agreement, and drops the database again. Returns a result value;
 * only the vitest boundary turns a failed result into a thrown assertion.
 */
export async function runScenario(instance: ScenarioInstance, ctx: RunContext): Promise<ScenarioResult> {
  const started = now();
  const { scenario } = instance;
  const database = databaseName(ctx.runId, `${instance.id}@${ctx.cell ?? ''}`, scenario.name);
  const result: ScenarioResult = {
    id: instance.id,
    name: scenario.name,
    file: scenario.file,
    loc: scenario.loc,
    params: instance.params,
    tags: scenario.tags ?? [],
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

  // `requires: { engines: [${merger}] }` names the engine of this matrix cell.
  const missing = interpolate(scenario.requires?.engines ?? [], instance.params).filter((e) => !ctx.engines.has(e));
  if (missing.length) {
    return skip(missing.map((e) => `requires ${e}: ${ctx.unavailable.get(e) ?? 'not in this environment'}`).join('; '));
  }
  const range = scenario.requires?.paimon;
  const outside = range === undefined ? [] : [ctx.paimonVersion, ctx.writerPaimonVersion].filter((v): v is string => v !== undefined && !satisfies(v, range, { includePrerelease: true }));
  if (outside.length) return skip(`requires Paimon ${range}; this cell runs ${outside.join(' and ')}`);
  const lacking = (scenario.requires?.capabilities ?? []).filter((c) => ![...ctx.engines.keys()].some((e) => ENGINE_CAPABILITIES[e]?.includes(c)));
  if (lacking.length) return skip(lacking.map((c) => `requires an engine with ${c}; none here has it (${[...ctx.engines.keys()].join(', ') || 'no engines'})`).join('; '));
  const runnable = instance.steps.some((s) => s.rest !== undefined || stepEngines(s).some((e) => ctx.engines.has(e)));
  if (!runnable) {
    const absent = [...new Set(instance.steps.flatMap(stepEngines))];
    return skip(`no engine of this scenario is available (${absent.map((e) => `${e}: ${ctx.unavailable.get(e) ?? 'absent'}`).join('; ')})`);
  }

  const scratch = join(ctx.scratchRoot, database);
  await mkdir(scratch, { recursive: true });
  const vars = { db: database, run: ctx.runId, scratch };

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
    const principals = { ...(scenario.principals && ctx.authority ? ctx.authority.register(database, interpolate(scenario.principals, vars)) : {}), ...ctx.principals };
    for (const raw of instance.steps) {
      current = raw;
      const step = { ...interpolate(raw, vars), loc: raw.loc, index: raw.index } as ScenarioStep;
      const ran = await runStep(step, ctx, database, principals);
      const site = { scenarioName: scenario.name, instanceId: instance.id, params: instance.params, paimon: ctx.paimonVersion };
      const stepResult = ctx.knownIssues?.length ? withStatus(applyKnownIssues(ran, site, ctx.knownIssues, ctx.today ?? today())) : ran;
      result.steps.push(stepResult);
      ctx.hooks?.onStepResult?.(instance.id, stepResult);
      if (stepResult.status === 'fail' || stepResult.status === 'error') {
        result.status = stepResult.status;
        result.failure = renderStepFailure(scenario.name, stepResult, ctx.logs);
        break;
      }
      if (stoppedByKnownError(stepResult, step)) {
        // Later steps build on this one (a write that did not happen): running them would report
        // the known deviation again as unrelated failures.
        result.reason = `stopped after step ${step.index + 1} "${stepResult.name}": every engine failed as a known deviation (${[...new Set(stepResult.engines.map((e) => e.known?.id))].join(', ')})`;
        break;
      }
    }
    if (result.status === 'pass' && result.steps.some((s) => s.status === 'known')) result.status = 'known';
    if (result.status === 'pass' && result.steps.every((s) => s.status === 'skip')) {
      result.status = 'skip';
      result.reason = 'every step was skipped: ' + [...new Set(result.steps.flatMap((s) => s.skippedEngines.map((e) => `${e.engine}: ${e.reason}`)))].join('; ');
    }
  } catch (err) {
    const at = current ? ` at step ${current.index + 1} "${stepName(current)}" (${current.loc.file}:${current.loc.line}:${current.loc.col})` : '';
    Object.assign(result, harnessErrorFields(scenario.name, err, at));
  } finally {
    ctx.authority?.unregister(database);
    if (!ctx.keepDatabases) {
      await ctx.catalog?.dropDatabase(database).catch((err: Error) => {
        result.reason = `${result.reason ? `${result.reason}; ` : ''}cleanup of ${database} failed: ${err.message}`;
      });
    }
  }
  return finish();
}

/**
 * A defect of the harness itself (not of an engine) stopped a scenario: it still ends in the
 * results, as an error counted in the totals, with the stack kept for the report (not the console).
 */
export function harnessErrorFields(scenarioName: string, err: unknown, at = ''): Pick<ScenarioResult, 'status' | 'reason' | 'failure' | 'harnessError'> {
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
export function stoppedByKnownError(result: StepResult, step: ScenarioStep): boolean {
  if (step.expect?.error !== undefined || result.status !== 'known') return false;
  const ran = result.engines.filter((e) => e.status !== 'skip');
  return ran.length > 0 && ran.every((e) => e.status === 'known' && e.error !== undefined);
}

/** The result of an instance whose run never produced one (it threw before or outside its steps). */
export function crashedResult(instance: ScenarioInstance, err: unknown): ScenarioResult {
  const { scenario } = instance;
  const base = { id: instance.id, name: scenario.name, file: scenario.file, loc: scenario.loc, params: instance.params, tags: scenario.tags ?? [], database: '', durationMs: 0, steps: [] };
  return { ...base, ...harnessErrorFields(scenario.name, err) };
}

async function runStep(step: ScenarioStep, ctx: RunContext, database: string, principals: Record<string, PrincipalCredentials>): Promise<StepResult> {
  const base: StepResult = { index: step.index, name: stepName(step), loc: step.loc, ...stepFeatures(step), status: 'pass', engines: [], disagreements: [], skippedEngines: [] };
  const principal = step.as === undefined ? undefined : principals[step.as];
  if (step.as !== undefined && !principal) {
    return { ...base, status: 'error', engines: [{ engine: 'harness', status: 'error', durationMs: 0, failures: [], reason: `principal '${step.as}' has no credentials in this environment` }] };
  }
  if (step.rest) {
    const t = now();
    if (!ctx.catalog) {
      return { ...base, status: 'skip', skippedEngines: [{ engine: 'catalog', reason: 'no catalog endpoint' }] };
    }
    try {
      const path = await ctx.catalog.resource(step.rest.path);
      const client = principal ? ctx.catalog.as(principal) : ctx.catalog;
      const reply = await client.raw(step.rest.method, path, step.rest.body);
      const failures = evaluateRest(step.expect, reply.status, reply.body);
      base.engines.push({ engine: 'catalog', status: failures.length ? 'fail' : 'pass', statement: `${step.rest.method} ${path}`, durationMs: Math.round(now() - t), failures });
    } catch (err) {
      base.engines.push({ engine: 'catalog', status: 'error', durationMs: Math.round(now() - t), failures: [], reason: (err as Error).message });
    }
    return withStatus(base);
  }

  if (step['list-files']) {
    const t = now();
    const result = await listFiles(step['list-files'].path);
    const failures = evaluateOutcome(step.expect, { ok: true, result });
    base.engines.push({ engine: 'harness', status: failures.length ? 'fail' : 'pass', statement: `list files under ${step['list-files'].path}`, durationMs: Math.round(now() - t), failures, actual: result });
    return withStatus(base);
  }

  const change = step.grant ?? step.revoke;
  if (change) {
    const verb = step.grant ? 'grant' : 'revoke';
    if (!ctx.authority) return { ...base, status: 'skip', skippedEngines: [{ engine: 'access-control', reason: `${verb} needs the reference access-control layer; this catalog manages its own grants` }] };
    const ok = ctx.authority[verb](database, change.principal, { privilege: change.privilege, on: change.on });
    base.engines.push({ engine: 'access-control', status: ok ? 'pass' : 'error', statement: `${verb} ${change.privilege} on ${change.on} ${step.grant ? 'to' : 'from'} ${change.principal}`, durationMs: 0, failures: [], reason: ok ? undefined : `unknown principal ${change.principal}` });
    return withStatus(base);
  }

  const outcomes: [string, EngineOutcome][] = [];
  const portable = step.sql === undefined ? stepRequest(step, '') : undefined;
  const checked = portable?.kind === 'insert' && ctx.catalog ? await checkInsert(portable, ctx.catalog, database) : {};
  const invalid = checked.problem;
  for (const engineName of stepEngines(step)) {
    const stepped = stepRequest(step, engineName);
    const request = stepped.kind === 'insert' && checked.columnTypes ? { ...stepped, columnTypes: checked.columnTypes } : stepped;
    const engine = (WRITES.has(request.kind) ? ctx.writeEngines?.get(engineName) : undefined) ?? ctx.engines.get(engineName);
    if (!engine) {
      base.skippedEngines.push({ engine: engineName, reason: ctx.unavailable.get(engineName) ?? 'not in this environment' });
      continue;
    }
    const t = now();
    let entry: StepEngineResult;
    try {
      const outcome: EngineOutcome = invalid
        ? { ok: false, statement: `harness check of ${request.kind} into ${database}.${(request as { table: string }).table}`, error: { errorClass: 'invalid-argument', exception: 'paimon-interop', message: invalid } }
        : await engine.execute(request, { database, principal });
      const failures = evaluateOutcome(step.expect, outcome);
      entry = {
        engine: engineName,
        log: engine.log,
        status: failures.length ? 'fail' : 'pass',
        statement: outcome.statement,
        durationMs: Math.round(now() - t),
        engineMillis: outcome.engineMillis,
        failures,
        error: outcome.ok ? undefined : outcome.error,
        actual: outcome.ok ? outcome.result : undefined,
      };
      outcomes.push([engineName, outcome]);
    } catch (err) {
      if (!(err instanceof EngineUnavailableError)) throw err;
      entry = { engine: engineName, log: engine.log, status: 'error', durationMs: Math.round(now() - t), failures: [], reason: err.message };
    }
    base.engines.push(entry);
  }
  if (step.expect?.agree) {
    const ok = outcomes.filter((o): o is [string, Extract<EngineOutcome, { ok: true }>] => o[1].ok);
    const [ref, ...others] = ok;
    for (const other of ref ? others : []) {
      const cmp = compareAgreement(ref![0], ref![1].result, other[0], other[1].result, step.expect.ordered ?? false);
      if (!cmp.equal) base.disagreements.push(cmp);
    }
  }
  return withStatus(base);
}

export function withStatus(step: StepResult): StepResult {
  const statuses = step.engines.map((e) => e.status);
  if (statuses.includes('error')) step.status = 'error';
  else if (statuses.includes('fail') || step.disagreements.length) step.status = 'fail';
  else if (statuses.length === 0) step.status = 'skip';
  else if (statuses.includes('known')) step.status = 'known';
  else step.status = 'pass';
  return step;
}
