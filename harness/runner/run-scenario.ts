import { mkdir } from 'node:fs/promises';
import { satisfies } from 'semver';
import { join } from 'node:path';
import { closeConfigProfile, fetchWireTrace, openConfigProfile, RETRY_AFTER_SECONDS, setWireFault, wireFaultStates } from '../catalog/index.ts';
import { claimSourceText } from '../conformance/index.ts';
import { ENGINE_CAPABILITIES, type PrincipalCredentials } from '../engines/index.ts';
import { applyKnownIssues, today } from '../known-issues/index.ts';
import { ANY_WRITER, interpolate, type ScenarioInstance, type ScenarioStep } from '../scenario/index.ts';
import { renderStepFailure } from '../verdicts/index.ts';
import { withAnyWriter } from './any-writer.ts';
import { cellSite, databaseName, instanceTag, type RunContext } from './run-context.ts';
import { withStatus, type ScenarioResult, type StepResult } from '../verdicts/index.ts';
import { stepEngines, stepFeatures, stepKind, stepName, WRITE_KINDS } from './step-request.ts';
import { catalogPermission, runStepKind, type StepRun } from './steps/index.ts';

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

  // `requires: { engines: [${merger}] }` names the engine of this matrix cell.
  const missing = interpolate(scenario.requires?.engines ?? [], instance.params).filter((e) => !ctx.engines.has(e));
  if (missing.length) {
    return skip(missing.map((e) => `requires ${e}: ${ctx.unavailable.get(e) ?? 'not in this environment'}`).join('; '));
  }
  // A step that writes (or runs SQL) on engines this cell lacks, and on no other, would leave later
  // steps without their table: the scenario is not this cell's to judge, and says why.
  const stranded = instance.steps.find((s) => (stepKind(s) === 'sql' || WRITE_KINDS.has(stepKind(s))) && stepEngines(s).length > 0 && stepEngines(s).every((e) => !ctx.engines.has(e)));
  if (stranded) return skip(`step ${stranded.index + 1} runs on ${stepEngines(stranded).map((e) => `${e} (${e === ANY_WRITER ? 'no engine of this cell can write' : ctx.unavailable.get(e) ?? 'not in this environment'})`).join(', ')} only`);
  // Cross-version cells: a scenario that writes with a client the writer's release lacks is not
  // this cell's to judge (its writes would have to come from another version).
  const onWriter = (s: ScenarioStep) => s.clients !== 'reader' && WRITE_KINDS.has(stepKind(s));
  const writerLacks = [...new Set(instance.steps.filter(onWriter).flatMap(stepEngines))].filter((e) => ctx.writeUnavailable?.has(e));
  if (writerLacks.length) return skip(writerLacks.map((e) => `writes on ${e}: ${ctx.writeUnavailable!.get(e)}`).join('; '));
  const range = scenario.requires?.paimon;
  const outside = range === undefined ? [] : [ctx.paimonVersion, ctx.writerPaimonVersion].filter((v): v is string => v !== undefined && !satisfies(v, range, { includePrerelease: true }));
  if (outside.length) return skip(`requires Paimon ${range}; this cell runs ${outside.join(' and ')}`);
  const lacking = (scenario.requires?.capabilities ?? []).filter((c) => ![...ctx.engines.keys()].some((e) => ENGINE_CAPABILITIES[e]?.includes(c)));
  if (lacking.length) return skip(lacking.map((c) => `requires an engine with ${c}; none here has it (${[...ctx.engines.keys()].join(', ') || 'no engines'})`).join('; '));
  const unclaimed = (scenario.requires?.catalog ?? []).filter((c) => ctx.catalogClaim && !ctx.catalogClaim.claimed.includes(c));
  if (unclaimed.length) return skip(`exercises ${unclaimed.join(', ')}, which the catalog does not claim (${claimSourceText(ctx.catalogClaim!.source)})`);
  if (instance.steps.some((s) => s['catalog-deny']) && !ctx.catalogAdmin) return skip("makes the catalog itself deny access: needs the Java reference server's authorization hooks (local environment, --catalog java)");
  const injectsFaults = instance.steps.some((s) => s.fault);
  if (injectsFaults && !ctx.wireTrace) return skip('injects faults through the wire proxy in front of the catalog; this environment has none (local and external have one)');
  const config = scenario['catalog-config'];
  if (config && !ctx.wireTrace) return skip("gives its clients a catalog configuration through the wire proxy in front of the catalog; this environment has none (local and external have one)");
  const runnable = instance.steps.some((s) => s.rest !== undefined || stepEngines(s).some((e) => ctx.engines.has(e)));
  if (!runnable) {
    const absent = [...new Set(instance.steps.flatMap(stepEngines))];
    return skip(`no engine of this scenario is available (${absent.map((e) => `${e}: ${ctx.unavailable.get(e) ?? 'absent'}`).join('; ')})`);
  }

  const scratch = join(ctx.scratchRoot, database);
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
    const catalogOptions = config ? { ...(config.client ?? {}), uri: await openConfigProfile(ctx.wireTrace!, database, { defaults: config.defaults, overrides: config.overrides }) } : undefined;
    const principals = { ...(scenario.principals && ctx.authority ? ctx.authority.register(database, interpolate(scenario.principals, vars)) : {}), ...ctx.principals };
    const site = { scenarioName: scenario.name, instanceId: instance.id, params: instance.params, ...cellSite(ctx) };
    for (const raw of instance.steps) {
      current = raw;
      const step = { ...interpolate(raw, vars), loc: raw.loc, index: raw.index } as ScenarioStep;
      const stepStarted = Date.now();
      const ran = await runStep(step, ctx, database, principals, vars, site, catalogOptions);
      const stepResult = ctx.knownIssues?.length ? withStatus(applyKnownIssues(ran, site, ctx.knownIssues, ctx.today ?? today())) : ran;
      // Failing steps keep their trace as evidence; in a scenario that injects faults every step
      // does, since how a client got through the fault (a retry, a wait) is the finding.
      if (ctx.wireTrace && (stepResult.status === 'fail' || stepResult.status === 'error' || (injectsFaults && !raw.fault))) {
        const wire = await fetchWireTrace(ctx.wireTrace, database, stepStarted, Date.now()).catch(() => []);
        if (wire.length) stepResult.wire = wire;
      }
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
    // Every step ran to the end (not stopped by a failure or a known error): each fault must have
    // been met, and a throttled client must have waited as Retry-After asked.
    if (result.status === 'pass' && !result.reason && ctx.wireTrace && injectsFaults) {
      const ran = await faultsMetStep(ctx, database, result.steps.length, scenario.loc);
      const met = ctx.knownIssues?.length ? withStatus(applyKnownIssues(ran, site, ctx.knownIssues, ctx.today ?? today())) : ran;
      result.steps.push(met);
      ctx.hooks?.onStepResult?.(instance.id, met);
      if (met.status === 'fail') {
        result.status = 'fail';
        result.failure = renderStepFailure(scenario.name, met, ctx.logs);
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
    if (ctx.wireTrace && injectsFaults) await setWireFault(ctx.wireTrace, { clear: database }).catch(() => undefined);
    if (ctx.wireTrace && config) await closeConfigProfile(ctx.wireTrace, database).catch(() => undefined);
    // Denials in the catalog end with the scenario, so its database can be dropped.
    for (const denied of ctx.catalogAdmin ? instance.steps.filter((s) => s['catalog-deny']) : []) {
      await catalogPermission(ctx, false, database, interpolate(denied['catalog-deny']!, vars).table).catch(() => undefined);
    }
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
 * The scenario's faults as the wire proxy saw them met: a rule with turns left means the client
 * never made the request, and a pass would prove nothing about resilience; a `throttled` fault
 * followed by a retry sooner than its Retry-After means the client did not wait as asked
 * (RFC 9110 §10.2.3; Paimon's Java client honours it).
 */
async function faultsMetStep(ctx: RunContext, database: string, index: number, loc: StepResult['loc']): Promise<StepResult> {
  const states = await wireFaultStates(ctx.wireTrace!, database);
  const failures = [
    ...states.filter((f) => f.left > 0).map((f) => ({ equal: false, aspect: 'fault', diff: [`- ${f.kind} met by a ${f.method} request matching ${f.path}`, `+ never met (${f.left} turn(s) left): no such request reached the catalog`] })),
    ...states.flatMap((f) => f.earlyRetriesMs.map((ms) => ({ equal: false, aspect: 'retry-after', diff: [`- the ${f.method} request matching ${f.path} retried no sooner than ${RETRY_AFTER_SECONDS} s after its 429 (Retry-After: ${RETRY_AFTER_SECONDS})`, `+ retried after ${ms} ms`] }))),
  ];
  const statement = states.map((f) => `${f.kind} on ${f.method} ${f.path}`).join('; ');
  return { index, name: 'every injected fault was met as asked', loc, status: failures.length ? 'fail' : 'pass', engines: [{ engine: 'wire-proxy', status: failures.length ? 'fail' : 'pass', statement, durationMs: 0, failures }], disagreements: [], skippedEngines: [] };
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

/** One step: `as:` resolved to its principal, then the handler of the step's kind. */
async function runStep(step: ScenarioStep, ctx: RunContext, database: string, principals: Record<string, PrincipalCredentials>, vars: Record<string, string | number | boolean>, site: StepRun['site'], catalogOptions?: Record<string, string>): Promise<StepResult> {
  const base: StepResult = { index: step.index, name: stepName(step), loc: step.loc, ...stepFeatures(step), status: 'pass', engines: [], disagreements: [], skippedEngines: [] };
  const principal = step.as === undefined ? undefined : principals[step.as];
  if (step.as !== undefined && !principal) {
    return { ...base, status: 'error', engines: [{ engine: 'harness', status: 'error', durationMs: 0, failures: [], reason: `principal '${step.as}' has no credentials in this environment` }] };
  }
  return runStepKind({ step, ctx, database, principal, base, vars, site, catalogOptions });
}
