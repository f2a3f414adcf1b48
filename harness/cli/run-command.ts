import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { fetchWireTally } from '../catalog/index.ts';
import { tallyOperations } from '../conformance/index.ts';
import { EnvironmentError, type ConnectorJars } from '../environment/index.ts';
import { clientReleaseEngines, SCENARIO_ENGINES, wireClientFamilies } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { diffWithBaseline, writeReports, type BaselineDiff } from '../reporters/index.ts';
import {
  defaultJobs,
  newRunId,
  RUN_JOBS_ENV,
  RUN_SPEC_ENV,
  selectInstances,
  startRun,
  writeLoadedRun,
  type RunFilter,
} from '../runner/index.ts';
import {
  combineRepeats,
  compareRunResults,
  mergeRawResults,
  readRawResults,
  renderRunComparison,
  totals,
  type RawResults,
  type RunComparison,
} from '../verdicts/index.ts';
import { InteropVitestReporter } from '../vitest/index.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { loadScenarios } from '../scenario/index.ts';
import { err, nothingSelected, out, printEnvironmentError, printProblems, UsageError } from './cli-output.ts';
import { planCells, resolveSourceVersions, type Cell } from './version-args.ts';

export interface RunOptions {
  env: string;
  /** `1.4.2`, `1.3.1,1.4.2` or `all`; default: the newest row of the version table. */
  paimon?: string;
  /** Writer>reader cells: `A>B[,C>D]`, or `all` (every ordered pair of the --paimon rows, or of the table). */
  cross?: string;
  /** The catalog server's Paimon version for every cell (a separate axis from the clients'). */
  catalogPaimon?: string;
  /** `--catalog java|python`: which reference implementation of the REST catalog server the local environment starts. */
  catalogServer?: string;
  filter: RunFilter;
  update: boolean;
  keep: boolean;
  /** Scenario instances in flight at once (`--jobs`; default from cores and memory); `--update` always runs one at a time. */
  jobs?: number;
  /** `--repeat N`: run the selected instances N times on each cell's environment and judge their stability. */
  repeat?: number;
  reportsDir?: string;
  knownIssuesFile: string;
  configFile?: string;
  /** The user's own connector jars (`--spark-connector`, `--flink-connector`). */
  connectors?: ConnectorJars;
  /** `--env docker`: official images or those built here (`images build`). */
  images?: 'official' | 'local';
  /** `--capabilities a,b`: what the catalog claims (default: the config's list, else the release's specification). */
  capabilities?: string[];
  baseline?: string;
  failOn: 'any' | 'new';
}

/** Where one cell's time went: environment start, the suite, the stop. */
export interface CellTiming {
  cell: string;
  startupMs: number;
  suiteMs: number;
  stopMs: number;
}

/** What a run produced, for `run` (its exit code) and `bench` (results and timings). */
export interface RunOutcome {
  exit: number;
  raw?: RawResults;
  runDir?: string;
  timings: CellTiming[];
}

/**
 * Runs the suite in one cell: start the environment, run vitest (`--repeat N`: N times, one run
 * after the other, on the same environment), stop. No results on an environment error.
 */
async function runCell(
  opts: RunOptions,
  runId: string,
  cell: Cell,
  loadedRunFile: string,
): Promise<{ raws: RawResults[]; collectErrors: string[]; timing?: CellTiming }> {
  let run: Awaited<ReturnType<typeof startRun>>;
  const t0 = Date.now();
  const label = `${cell.writer ? `${cell.writer} writes, ` : ''}Paimon ${cell.paimon ?? 'default'}${cell.catalogRelease ? ` on a ${cell.catalogRelease} catalog` : ''}`;
  try {
    run = await startRun({
      env: opts.env,
      paimonVersion: cell.paimon,
      writerVersion: cell.writer,
      catalogRelease: cell.catalogRelease,
      catalogServer: opts.catalogServer === 'python' ? 'python' : undefined,
      engines: opts.filter.engines,
      filter: opts.filter,
      update: opts.update,
      keepDatabases: opts.keep,
      jobs: opts.update ? 1 : (opts.jobs ?? defaultJobs()),
      knownIssuesFile: opts.knownIssuesFile,
      loadedRunFile,
      reportsDir: opts.reportsDir,
      runId,
      configFile: opts.configFile,
      connectors: opts.connectors,
      images: opts.images,
      capabilities: opts.capabilities,
      onProgress: (m) => err(`[env] ${m}`),
    });
  } catch (e) {
    if (e instanceof EnvironmentError) {
      printEnvironmentError(e);
      return { raws: [], collectErrors: [] };
    }
    throw e;
  }
  const startupMs = Date.now() - t0;
  err(
    `[env] ${label} ready in ${(startupMs / 1000).toFixed(1)}s: ${run.spec.env.engines.map((e) => `${e.engine} ${e.version ?? ''}`.trim()).join(', ') || 'no engines'}`,
  );
  for (const [engine, why] of Object.entries(run.spec.env.unavailable)) err(`[env] ${engine} unavailable: ${why}`);
  const repeat = opts.repeat ?? 1;
  const reporters: InteropVitestReporter[] = [];
  const t1 = Date.now();
  let t2 = t1;
  try {
    const allureReporter: [string, Record<string, unknown>] = [
      'allure-vitest/reporter',
      { resultsDir: join(run.spec.runDir, 'allure-results') },
    ];
    const jobs = run.spec.jobs;
    err(`[run] ${jobs} scenario instance(s) at a time${jobs > 1 ? ' (--jobs 1 runs them one after the other)' : ''}`);
    for (let attempt = 1; attempt <= repeat; attempt++) {
      const spec = repeat > 1 ? { ...run.spec, attempt } : run.spec;
      const reporter = new InteropVitestReporter(spec);
      reporters.push(reporter);
      if (repeat > 1) err(`[run] run ${attempt} of ${repeat} (--repeat)`);
      process.env[RUN_SPEC_ENV] = JSON.stringify(spec);
      process.env[RUN_JOBS_ENV] = String(spec.jobs);
      // The tool's own config and suite, wherever it is installed and whatever folder it runs in.
      const vitest = await startVitest('test', [], {
        config: join(PACKAGE_ROOT, 'vitest.config.ts'),
        root: PACKAGE_ROOT,
        project: ['interop'],
        watch: false,
        reporters: [reporter, allureReporter],
        passWithNoTests: true,
      });
      await vitest?.close();
      if (reporter.collectErrors.length || !reporter.raw) break;
    }
  } finally {
    t2 = Date.now();
    delete process.env[RUN_SPEC_ENV];
    delete process.env[RUN_JOBS_ENV];
    // Which operations the engines and the harness used, before the proxy goes with the environment.
    const wireProxy = run.spec.env.features.wireProxy;
    const tally = wireProxy ? await fetchWireTally(wireProxy).catch(() => undefined) : undefined;
    const operations = tally && tallyOperations(tally, wireClientFamilies());
    for (const r of reporters) if (operations && r.raw) for (const c of r.raw.cells) c.operations = operations;
    await run.stop();
  }
  const raws = reporters.flatMap((r) => (r.raw ? [r.raw] : []));
  return {
    raws,
    collectErrors: reporters.flatMap((r) => r.collectErrors),
    timing: { cell: label, startupMs, suiteMs: t2 - t1, stopMs: Date.now() - t2 },
  };
}

/**
 * `run`: validate, then for each matrix cell start the environment, run the suite in vitest
 * and stop everything; merge the cells' raw results and render every report from them.
 * Exit 0 when nothing failed (or, with --fail-on new, nothing newly failed), 1 on failures,
 * 2 when an environment could not start.
 */
export async function runCommand(opts: RunOptions): Promise<number> {
  return (await executeRun(opts)).exit;
}

/** `run` without the exit: also the results, the run folder and each cell's timings. */
export async function executeRun(opts: RunOptions): Promise<RunOutcome> {
  const timings: CellTiming[] = [];
  const suite = await loadScenarios(opts.filter.paths, SCENARIO_ENGINES);
  const known = await loadKnownIssues(opts.knownIssuesFile, { clientEngines: clientReleaseEngines() });
  if (
    printProblems({
      ...suite,
      problems: [...suite.problems, ...known.problems],
      files: [...suite.files, { file: opts.knownIssuesFile, source: known.source, problems: [] }],
    })
  )
    return { exit: 1, timings };
  if (!selectInstances(suite.scenarios, opts.filter).length) {
    err(`paimon-interop: ${nothingSelected(suite.scenarios.length, opts.filter)}`);
    return { exit: 1, timings };
  }
  const cells = planCells(await resolveSourceVersions(opts.paimon), opts.cross, opts.catalogPaimon);
  const baselineRaw = opts.baseline
    ? await readRawResults(opts.baseline).catch((e: Error) => {
        throw new UsageError(`--baseline: ${e.message}`);
      })
    : undefined;

  const runId = newRunId();
  // Loaded and validated once: every cell's suite reads this instead of the YAML files.
  const loadedRunFile = resolve(opts.reportsDir ?? 'reports', runId, 'loaded-run.v8');
  await writeLoadedRun(loadedRunFile, { scenarios: suite.scenarios, knownIssues: known.issues });
  // Per cell, one raw result per run of the suite (`--repeat`).
  const parts: RawResults[][] = [];
  let envFailed = false;
  for (const cell of cells) {
    const r = await runCell(opts, runId, cell, loadedRunFile);
    if (r.timing) timings.push(r.timing);
    for (const e of r.collectErrors) err(e);
    if (r.collectErrors.length) return { exit: 1, timings };
    if (r.raws.length) parts.push(r.raws);
    else envFailed = true;
  }
  if (!parts.length) return { exit: 2, timings };

  const runDir = `${opts.reportsDir ?? 'reports'}/${runId}`;
  const repeat = opts.repeat ?? 1;
  let raw: RawResults;
  let comparison: RunComparison | undefined;
  if (repeat > 1) {
    const runs = Array.from({ length: Math.max(...parts.map((p) => p.length)) }, (_, k) =>
      mergeRawResults(parts.flatMap((p) => (p[k] ? [p[k]!] : []))),
    );
    comparison = compareRunResults(runs, new Set(known.issues.filter((k) => k.intermittent).map((k) => k.id)));
    raw = combineRepeats(runs, comparison);
  } else raw = mergeRawResults(parts.map((p) => p[0]!));
  const baseline: BaselineDiff | undefined = baselineRaw && diffWithBaseline(raw, baselineRaw);
  await writeReports(raw, runDir, { baseline });
  if (comparison) {
    await writeFile(join(runDir, 'stability.json'), `${JSON.stringify(comparison, null, 2)}\n`);
    await writeFile(
      join(runDir, 'stability.md'),
      `# Stability over ${comparison.runs} runs (--repeat)\n\n${renderRunComparison(comparison)}\n`,
    );
  }

  const t = totals(raw);
  out('');
  for (const s of raw.scenarios.filter((x) => x.status === 'skip')) out(`skipped [${s.cell}] ${s.id}: ${s.reason}`);
  for (const s of raw.scenarios)
    for (const st of s.steps)
      for (const e of st.engines.filter((x) => x.known))
        out(`known deviation [${s.cell}] ${s.id} step ${st.index + 1} on ${e.engine}: ${e.known!.id}`);
  if (baseline)
    out(
      `against the baseline: ${baseline.newlyFailing.length} newly failing, ${baseline.newlyPassing.length} newly passing, ${baseline.stillFailing.length} still failing`,
    );
  if (comparison) printStability(comparison);
  out(`reports: ${runDir} (summary.md, matrix.html, junit.xml, engines.md, raw-results.json${comparison ? ', stability.md' : ''})`);
  out(
    `interop: ${t.pass + t.known} passed, ${t.fail + t.error - t.infrastructure} failed, ${t.skip} skipped${t.infrastructure ? `, ${t.infrastructure} stopped by an infrastructure error (exit 2)` : ''}`,
  );
  return { exit: envFailed ? 2 : verdictExitCode(raw, opts.failOn === 'new' ? baseline : undefined), raw, runDir, timings };
}

/** `--repeat`: the stability of the run on the console, flaky instances step by step. */
function printStability(comparison: RunComparison): void {
  const count = (v: string) => comparison.instances.filter((i) => i.verdict === v).length;
  out(
    `repeat: ${comparison.runs} runs: ${count('stable-pass')} stable pass, ${count('stable-fail')} stable fail, ${count('flaky')} flaky (stability.md)`,
  );
  for (const f of comparison.instances.filter((i) => i.verdict === 'flaky')) {
    out(
      `flaky [${f.cell}] ${f.id}: ${f.outcomes.join(' / ')}${f.explainedBy ? ` (known issue marked intermittent: ${f.explainedBy.join(', ')})` : ''}`,
    );
    for (const s of f.flakySteps) out(`  step ${s.index + 1} "${s.name}" on ${s.engine}: ${s.outcomes.join(' / ')}`);
  }
  for (const e of comparison.neverFired)
    out(`intermittent known issue ${e.id} never held in ${comparison.runs} runs (applied at ${e.sites.length} site(s))`);
  for (const e of comparison.everyRun) out(`intermittent known issue ${e.id} held in every run at ${e.sites.length} site(s)`);
}

/**
 * 2 when an engine's process died, hung or was unreachable during the run (the verdicts are
 * incomplete: an environment error, whatever else failed); else 1 when any scenario failed or
 * ended in an error (or, against a baseline, newly failed); else 0.
 */
export function verdictExitCode(raw: RawResults, baseline?: BaselineDiff): number {
  const t = totals(raw);
  if (t.infrastructure > 0) return 2;
  if (baseline) return baseline.newlyFailing.length ? 1 : 0;
  return t.fail + t.error > 0 ? 1 : 0;
}
