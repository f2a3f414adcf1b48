import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { compareNaive, engineTimeMs, engineTimes, ProcessSampler, renderBench, type BenchReport, type BenchRun } from '../bench/index.ts';
import { SCENARIO_ENGINES, clientReleaseEngines } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { providerFor } from '../environment/index.ts';
import { ManagedProcess } from '../processes/index.ts';
import { defaultJobs, newRunId, selectInstances, stepEngines } from '../runner/index.ts';
import { expandScenario, loadScenarios } from '../scenario/index.ts';
import { compareRunResults, totals, type RawResults } from '../verdicts/index.ts';
import { err, out, printProblems } from './cli-output.ts';
import { executeRun, type RunOutcome } from './run-command.ts';

export interface BenchOptions {
  paths: string[];
  /** The parallel run's --jobs; default from cores and memory. */
  jobs?: number;
  /** The scenario instance run one process per statement beside the harness. */
  naive: string;
  reportsDir?: string;
  knownIssuesFile: string;
}

/** The seed flow the naive comparison runs by default: Flink SQL writes, pypaimon and Flink read. */
export const DEFAULT_NAIVE = 'scenarios/seed-flows/doris-guide-users-samples.yaml#doris-guide-users-samples[writer=flink]';

function benchRun(jobs: number, outcome: RunOutcome, wallMs: number): BenchRun {
  const timing = outcome.timings[0] ?? { startupMs: 0, suiteMs: 0, stopMs: 0 };
  const engineMs = outcome.raw ? engineTimeMs(outcome.raw) : 0;
  return {
    jobs,
    runDir: outcome.runDir,
    exit: outcome.exit,
    totals: outcome.raw && totals(outcome.raw),
    wallMs,
    startupMs: timing.startupMs,
    suiteMs: timing.suiteMs,
    stopMs: timing.stopMs,
    engineTimeMs: engineMs,
    overheadRatio: wallMs > 0 ? Math.round(((wallMs - engineMs) / wallMs) * 1000) / 1000 : 0,
  };
}

/**
 * `bench`: the suite with --jobs N, then with --jobs 1, in this one invocation (same machine,
 * same caches); then one seed scenario the naive way beside the harness. Peak RSS is sampled
 * throughout. Writes bench.json and bench.md under reports/<bench-id>/. Exit 0, 1 when the two
 * runs' reports differ, 2 when an environment failed.
 */
export async function benchCommand(opts: BenchOptions): Promise<number> {
  const suite = await loadScenarios(opts.paths, SCENARIO_ENGINES);
  if (printProblems(suite)) return 1;
  const instances = selectInstances(suite.scenarios, {}).length;
  const parallel = opts.jobs ?? defaultJobs();
  if (parallel < 2) err('[bench] --jobs is 1 on this machine: the parallel run repeats the sequential one');
  const benchId = `bench-${newRunId()}`;
  const dir = resolve(opts.reportsDir ?? 'reports', benchId);
  await mkdir(dir, { recursive: true });
  const sampler = new ProcessSampler().start();
  const startedAt = new Date().toISOString();
  const runs: BenchRun[] = [];
  const raws: RawResults[] = [];
  let startup: BenchReport['startup'] = [];
  // The parallel run goes first: the sequential one then meets the warmer caches, so the speed-up
  // measured is, if anything, understated.
  for (const [i, jobs] of [parallel, 1].entries()) {
    err(`[bench] ${i + 1}/3: the suite with --jobs ${jobs} (${instances} instances)`);
    const firstProcess = ManagedProcess.started.length;
    const t0 = performance.now();
    const outcome = await executeRun({
      env: 'local',
      filter: { paths: opts.paths },
      update: false,
      keep: false,
      jobs,
      reportsDir: join(dir, 'runs'),
      knownIssuesFile: opts.knownIssuesFile,
      failOn: 'any',
    });
    runs.push(benchRun(jobs, outcome, Math.round(performance.now() - t0)));
    if (outcome.raw) raws.push(outcome.raw);
    if (jobs === 1) startup = ManagedProcess.started.slice(firstProcess).map(({ component, readyMs }) => ({ component, readyMs }));
    if (!outcome.raw) {
      err(`[bench] the --jobs ${jobs} run produced no results (exit ${outcome.exit}); stopping`);
      await sampler.stop();
      return 2;
    }
  }
  const [par, seq] = runs as [BenchRun, BenchRun];
  const [parRaw, seqRaw] = raws as [RawResults, RawResults];
  const known = await loadKnownIssues(opts.knownIssuesFile, { clientEngines: clientReleaseEngines() });
  // The same comparison as `run --repeat`: verdict changes apart from content that differs.
  const comparison = compareRunResults([seqRaw, parRaw], new Set(known.issues.filter((k) => k.intermittent).map((k) => k.id)));
  const flaky = comparison.instances.filter((i) => i.verdict === 'flaky');
  const key = (i: { cell: string; id: string }) => `${i.cell} ${i.id}`;

  err(`[bench] 3/3: ${opts.naive} through the harness, then one process per statement`);
  const naive = await runNaive(opts, join(dir, 'naive')).catch((e: Error) => ({ error: e.message }));
  const peakRss = await sampler.stop();

  const report: BenchReport = {
    format: 'paimon-interop/bench@1',
    startedAt,
    machine: { cores: availableParallelism(), memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.versions.node },
    paths: opts.paths,
    instances,
    runs: [seq, par],
    speedup: { wall: Math.round((seq.wallMs / par.wallMs) * 100) / 100, suite: Math.round((seq.suiteMs / par.suiteMs) * 100) / 100 },
    identicalVerdicts: flaky.every((i) => i.explainedBy),
    verdictChanges: flaky
      .filter((i) => !i.explainedBy)
      .map((i) => ({ scenario: key(i), steps: i.flakySteps.map((s) => `step ${s.index + 1} on ${s.engine}: ${s.outcomes.join(' / ')}`) })),
    intermittent: flaky.filter((i) => i.explainedBy).map(key),
    contentChanges: comparison.instances.filter((i) => i.content.length).map((i) => ({ scenario: key(i), where: i.content })),
    engines: engineTimes(seqRaw),
    startup,
    peakRss,
    naive,
  };
  await writeFile(join(dir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = renderBench(report);
  await writeFile(join(dir, 'bench.md'), md);
  out('');
  out(md);
  out(`bench: ${join(dir, 'bench.json')} and bench.md`);
  // A measurement, not a verdict: 2 when an environment failed, 1 when --jobs changed a verdict.
  if (runs.some((r) => r.exit === 2)) return 2;
  return report.identicalVerdicts ? 0 : 1;
}

/** The naive comparison on a local environment of its own with the engines the instance needs. */
async function runNaive(opts: BenchOptions, runDir: string) {
  const [file] = opts.naive.split('#');
  const loaded = await loadScenarios([file!], SCENARIO_ENGINES);
  const instance = loaded.scenarios.flatMap(expandScenario).find((i) => i.id === opts.naive);
  if (!instance) throw new Error(`no scenario instance '${opts.naive}' (see paimon-interop list ${file})`);
  const provider = await providerFor('local');
  const engines = [...new Set(instance.steps.flatMap(stepEngines))];
  const env = await provider.start({ runDir, engines, onProgress: (m) => err(`[env] ${m}`) });
  try {
    const oneShot = Object.keys(env.oneShot ?? {});
    if (!oneShot.length) throw new Error(`none of ${engines.join(', ')} offers a one-shot way here`);
    return await compareNaive(instance, env, oneShot, newRunId());
  } finally {
    await env.stop();
  }
}
