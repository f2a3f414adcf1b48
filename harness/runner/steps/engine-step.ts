import { EngineUnavailableError, type EngineOutcome, type EngineRequest, type StepContext } from '../../engines/index.ts';
import { hangTimeoutMs, today, type DeviationSite } from '../../known-issues/index.ts';
import { compareAgreement, filterRows, PredicateError, reportedResult, type CanonicalResult, type Predicate } from '../../values/index.ts';
import { logTail } from '../../log-tail.ts';
import { evaluateOutcome, fail } from '../evaluate-step.ts';
import type { StepEngineResult } from '../../verdicts/index.ts';
import { isReadKind, isWriteKind } from '../../scenario/index.ts';
import { stepEngines, stepRequest } from '../step-request.ts';
import { checkInsert } from './check-insert.ts';
import { checkRead } from './check-read.ts';
import { withStatus, type StepHandler, type StepRun } from './step-handler.ts';

/** Requests that change nothing: their engines may run at once. */

type EngineRun = { entry: StepEngineResult; outcome?: EngineOutcome } | { skipped: string };

/**
 * What the harness checked before the engines ran: a problem, or typed columns and the parsed
 * filter; for a column move, the column's current type (Flink's MODIFY restates it).
 */
type Checked = {
  problem?: string;
  columnTypes?: string[] | Record<string, string>;
  rows?: unknown[][];
  where?: Predicate;
  moveType?: string;
};

/**
 * An engine action (portable or SQL) on each engine the step names: outcomes checked against
 * the expectation, then against each other (`agree`). A step that reads, or one every engine is
 * expected to fail (nothing written), runs on its engines at once; a write runs on one engine
 * after the other, so commits keep the order of `on:`.
 */
export const engineStep: StepHandler = async (given) => {
  // A step in a database a create-database step made: its objects are there, sessions stay the scenario's.
  const run =
    given.step.database && given.step.database !== given.database
      ? { ...given, database: given.step.database, scenarioDatabase: given.database }
      : given;
  const { step, ctx, database, base } = run;
  if (step.catalog === 'filesystem' && !ctx.env.features.files) {
    return {
      ...base,
      status: 'skip',
      skippedEngines: stepEngines(step).map((engine) => ({
        engine,
        reason: "the catalog's warehouse is not on this machine (catalog: filesystem needs the local environment)",
      })),
    };
  }
  const portable = step.sql === undefined ? stepRequest(step, '') : undefined;
  const generate = step.insert?.generate;
  const where = portable?.kind === 'read' ? step.read?.where : undefined;
  const checked: Checked =
    portable?.kind === 'insert' && ctx.catalog
      ? await checkInsert(portable, ctx.catalog, database, generate)
      : generate
        ? { problem: 'invalid insert: generated rows need a catalog endpoint' }
        : where !== undefined
          ? await checkRead(where, portable!.kind === 'read' ? portable!.table : '', ctx.catalog, database)
          : portable?.kind === 'alter-table' && portable.change.kind === 'move-column' && ctx.catalog
            ? await moveType(portable.table, portable.change.column, ctx.catalog, database)
            : {};
  const engines = stepEngines(step);
  const atOnce = (portable !== undefined && isReadKind(portable.kind)) || step.expect?.error !== undefined;
  const runs: EngineRun[] = [];
  if (atOnce) runs.push(...(await Promise.all(engines.map((e) => onEngine(run, e, checked)))));
  else for (const e of engines) runs.push(await onEngine(run, e, checked));

  const outcomes: [string, EngineOutcome][] = [];
  runs.forEach((r, i) => {
    if ('skipped' in r) return base.skippedEngines.push({ engine: engines[i]!, reason: r.skipped });
    base.engines.push(r.entry);
    if (r.outcome) outcomes.push([engines[i]!, r.outcome]);
  });
  if (atOnce && base.engines.length > 1) base.enginesAtOnce = true;
  if (step.expect?.agree) {
    const ok = outcomes.filter((o): o is [string, Extract<EngineOutcome, { ok: true }>] => o[1].ok);
    const [ref, ...others] = ok;
    for (const other of ref ? others : []) {
      const cmp = compareAgreement(ref![0], ref![1].result, other[0], other[1].result, step.expect.ordered ?? false);
      if (!cmp.equal) base.disagreements.push(cmp);
    }
  }
  return withStatus(base);
};

/** The moved column's current type (Flink's MODIFY restates it), as the catalog holds it. */
async function moveType(
  table: string,
  column: string,
  catalog: NonNullable<StepRun['ctx']['catalog']>,
  database: string,
): Promise<Checked> {
  const fields = await catalog.tableFields(database, table).catch(() => undefined);
  return { moveType: fields?.find((f) => f.name === column)?.type };
}

/**
 * A known hang here gets the entry's short time limit, so its verdict does not wait out the
 * engine's (hang entries cover steps expected to succeed only: appliesTo).
 */
function hangLimit(ctx: StepRun['ctx'], site: DeviationSite): number | undefined {
  return ctx.knownIssues?.length ? hangTimeoutMs(ctx.knownIssues, site, ctx.today ?? today()) : undefined;
}

/** Statements a report keeps whole; a longer one (a generated insert) keeps its start and its length. */
const REPORTED_STATEMENT_CHARS = 4000;
function reportedStatement(statement: string | undefined): string | undefined {
  if (statement === undefined || statement.length <= REPORTED_STATEMENT_CHARS) return statement;
  return `${statement.slice(0, REPORTED_STATEMENT_CHARS)} … (${statement.length} characters in all)`;
}

/** The engine's request with what the harness checked filled in (insert types and rows, the read's filter, a move's type). */
function checkedRequest(stepped: EngineRequest, checked: Checked): EngineRequest {
  if (stepped.kind === 'insert' && Array.isArray(checked.columnTypes))
    return { ...stepped, columnTypes: checked.columnTypes, rows: checked.rows ?? stepped.rows };
  if (stepped.kind === 'alter-table' && stepped.change.kind === 'move-column' && checked.moveType)
    return { ...stepped, change: { ...stepped.change, type: checked.moveType } };
  if (stepped.kind === 'read' && checked.where)
    return { ...stepped, where: checked.where, columnTypes: Array.isArray(checked.columnTypes) ? undefined : checked.columnTypes };
  return stepped;
}

/**
 * `expect.filtered`: the engine's filtered read must hold exactly the rows of its own unfiltered
 * read that the filter keeps, as the harness evaluates it (three-valued logic): a metamorphic
 * check that needs no expected rows, so pushed-down filters are judged on any data.
 */
async function filteredCheck(
  engine: { execute: (r: EngineRequest, c: StepContext) => Promise<EngineOutcome> },
  request: EngineRequest,
  outcome: EngineOutcome,
  stepCtx: StepContext,
  ordered: boolean,
) {
  if (request.kind !== 'read' || !request.where || !outcome.ok) return [];
  // Every column, so the filter's columns are there whatever the step projects; the model is projected after.
  const { where, limit: _limit, columns, ...unfiltered } = request;
  const full = await engine.execute(unfiltered, stepCtx);
  if (!full.ok)
    return [fail('filtered', 'the unfiltered read of the same table to succeed', `error ${full.error.errorClass}: ${full.error.message}`)];
  try {
    const model = projectColumns(filterRows(full.result, where), columns);
    // An engine that answers no rows without a schema (paimon-rust's SQLContext) agrees with an empty model.
    if (outcome.result.rows.length === 0 && outcome.result.columns.length === 0) {
      return model.rows.length === 0
        ? []
        : [fail('filtered', `${model.rows.length} row(s) of the unfiltered read kept by the harness's filter`, 'no rows')];
    }
    const cmp = compareAgreement(`harness filter of ${request.table}`, model, 'engine', outcome.result, ordered);
    return cmp.equal
      ? []
      : [
          {
            ...cmp,
            aspect: `filtered (the engine's unfiltered read, ${full.result.rows.length} row(s), filtered by the harness: ${model.rows.length} row(s))`,
          },
        ];
  } catch (err) {
    if (!(err instanceof PredicateError)) throw err;
    return [fail('filtered', 'a filter the harness can evaluate on the unfiltered read', err.message)];
  }
}

/** A result's named columns, in that order (all of them without a projection). */
function projectColumns(result: CanonicalResult, columns: string[] | undefined): CanonicalResult {
  if (!columns?.length) return result;
  const at = columns.map((c) => result.columns.findIndex((rc) => rc.name === c));
  if (at.some((i) => i < 0)) throw new PredicateError(`the unfiltered read has no column ${columns[at.findIndex((i) => i < 0)]}`);
  return { columns: at.map((i) => result.columns[i]!), rows: result.rows.map((r) => at.map((i) => r[i]!)) };
}

async function onEngine(
  { step, ctx, database, scenarioDatabase, principal, site, base, catalogOptions }: StepRun,
  engineName: string,
  checked: Checked,
): Promise<EngineRun> {
  const request = checkedRequest(stepRequest(step, engineName), checked);
  // Cross-version cells: writes go to the writer release's clients unless the step says otherwise.
  const onWriter = step.clients === 'writer' || (step.clients === undefined && isWriteKind(request.kind));
  const writerLacks = onWriter ? ctx.env.writer?.unavailable[engineName] : undefined;
  if (writerLacks) return { skipped: writerLacks };
  const engine = (onWriter ? ctx.writeEngines?.get(engineName) : undefined) ?? ctx.engines.get(engineName);
  if (!engine) return { skipped: ctx.env.unavailable[engineName] ?? 'not in this environment' };
  const t = performance.now();
  try {
    const stepCtx: StepContext = {
      database,
      scenarioDatabase,
      principal,
      filesystemWarehouse: step.catalog === 'filesystem' ? ctx.env.features.files?.warehouseRoot : undefined,
      timeoutMs: hangLimit(ctx, { ...site, stepName: base.name, kind: base.kind, expectedError: base.expectedError, engine: engineName }),
      timeZone: step['time-zone'],
      ...(catalogOptions && step.catalog !== 'filesystem' ? { catalogOptions } : {}),
    };
    const outcome: EngineOutcome = checked.problem
      ? {
          ok: false,
          statement: `harness check of ${request.kind} ${request.kind === 'insert' ? 'into' : 'of'} ${database}.${(request as { table: string }).table}`,
          error: { errorClass: 'invalid-argument', exception: 'paimon-interop', message: checked.problem },
        }
      : await engine.execute(request, stepCtx);
    const failures = evaluateOutcome(step.expect, outcome);
    if (step.expect?.filtered) failures.push(...(await filteredCheck(engine, request, outcome, stepCtx, step.expect.ordered ?? false)));
    const entry: StepEngineResult = {
      engine: engineName,
      log: engine.log,
      status: failures.length ? 'fail' : 'pass',
      statement: reportedStatement(outcome.statement),
      // The time the engine spent on the step; waiting for a busy engine is reported apart.
      durationMs: Math.round(performance.now() - t - (outcome.queuedMillis ?? 0)),
      engineMillis: outcome.engineMillis,
      queuedMs: outcome.queuedMillis,
      failures,
      error: outcome.ok ? undefined : outcome.error,
      actual: outcome.ok ? reportedResult(outcome.result) : undefined,
      ...(!outcome.ok && outcome.evidence ? { evidence: outcome.evidence } : {}),
    };
    return { entry, outcome };
  } catch (err) {
    if (!(err instanceof EngineUnavailableError)) throw err;
    const tail = await logTail(engine.log, 12);
    return {
      entry: {
        engine: engineName,
        log: engine.log,
        status: 'error',
        infrastructure: true,
        durationMs: Math.round(performance.now() - t),
        failures: [],
        reason: err.message,
        logTail: tail || undefined,
        ...(err.evidence ? { evidence: err.evidence } : {}),
      },
    };
  }
}
