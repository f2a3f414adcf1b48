import type { Totals } from '../verdicts/index.ts';
import type { EngineTimes } from './bench-stats.ts';
import type { NaiveComparison } from './naive-comparison.ts';
import type { PeakRss } from './process-sampler.ts';

/** One run of the suite within the benchmark. */
export interface BenchRun {
  jobs: number;
  runDir?: string;
  exit: number;
  totals?: Totals;
  wallMs: number;
  startupMs: number;
  suiteMs: number;
  stopMs: number;
  /** Sum of the time the engines report for their statements (measured step time where they report none). */
  engineTimeMs: number;
  /** (wall − engine time) / wall. */
  overheadRatio: number;
}

/** bench.json: everything `paimon-interop bench` measured in one invocation. */
export interface BenchReport {
  format: 'paimon-interop/bench@1';
  startedAt: string;
  machine: { cores: number; memoryGiB: number; node: string };
  paths: string[];
  instances: number;
  runs: BenchRun[];
  /** Wall time of the `--jobs 1` run over the `--jobs N` one: whole run, and the suite alone. */
  speedup: { wall: number; suite: number };
  /** The two runs reached the same verdict on every step of every instance (known issues marked intermittent aside). */
  identicalVerdicts: boolean;
  /** Instances whose verdicts differ between the runs, with each differing step's outcomes (--jobs 1 / --jobs N). */
  verdictChanges: { scenario: string; steps: string[] }[];
  /** Differ where a known issue marked intermittent held in one run only: not a `--jobs` effect. */
  intermittent: string[];
  /** Same verdicts, different content (rows, messages, wire traces) once timings and per-run names are set aside (withoutTimings). */
  contentChanges: { scenario: string; where: string[] }[];
  /** Statement times per engine, from the sequential run. */
  engines: EngineTimes[];
  /** Time to ready per started process, from the sequential run. */
  startup: { component: string; readyMs: number }[];
  peakRss: PeakRss[];
  naive?: NaiveComparison | { error: string };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (r: number) => `${Math.round(r * 100)} %`;

/** bench.md: the figures as Markdown tables. */
export function renderBench(b: BenchReport): string {
  const [seq, par] = b.runs;
  const lines = [
    `# paimon-interop bench, ${b.startedAt}`,
    '',
    `${b.instances} scenario instances from ${b.paths.join(', ')} on ${b.machine.cores} cores, ${b.machine.memoryGiB} GiB, Node ${b.machine.node}.`,
    '',
    '| run | wall | environment start | suite | stop | engine time | harness overhead | verdicts |',
    '|---|---|---|---|---|---|---|---|',
    ...b.runs.map(
      (r) =>
        `| --jobs ${r.jobs} | ${s(r.wallMs)} | ${s(r.startupMs)} | ${s(r.suiteMs)} | ${s(r.stopMs)} | ${s(r.engineTimeMs)} | ${r.jobs === 1 ? pct(r.overheadRatio) : '— (engines overlap)'} | ${r.totals ? `${r.totals.pass + r.totals.known} passed, ${r.totals.fail} failed, ${r.totals.error} errors, ${r.totals.skip} skipped` : `exit ${r.exit}`} |`,
    ),
    '',
  ];
  if (seq && par) {
    lines.push(
      `**--jobs ${par.jobs} over --jobs 1: ${b.speedup.wall.toFixed(2)}× on the whole run (${pct(1 - par.wallMs / seq.wallMs)} less wall time), ${b.speedup.suite.toFixed(2)}× on the suite alone.** Verdicts ${
        b.identicalVerdicts
          ? 'identical'
          : `CHANGED in ${b.verdictChanges.length} scenario(s): ${b.verdictChanges
              .slice(0, 10)
              .map((v) => `${v.scenario} (${v.steps.join('; ')})`)
              .join(', ')}`
      }${b.intermittent.length ? `; ${b.intermittent.length} scenario(s) differ only where a known issue marked intermittent held in one run: ${b.intermittent.join(', ')}` : ''}; content ${
        b.contentChanges.length
          ? `differs with the same verdicts in ${b.contentChanges.length} scenario(s): ${b.contentChanges
              .slice(0, 10)
              .map((c) => `${c.scenario} (${c.where.join(', ')})`)
              .join('; ')}`
          : 'identical apart from timings'
      }.`,
      '',
    );
  }
  lines.push(
    'Engine time: what the engines report per statement, summed over steps (a step whose engines run at once counts its slowest engine). Harness overhead = (wall − engine time) / wall of the sequential run: environment start, statement transport, result comparison, vitest, reports.',
    '',
  );
  lines.push(
    '## Statement time per engine (--jobs 1)',
    '',
    '| engine | statements | median | p95 | engine-reported total |',
    '|---|---|---|---|---|',
  );
  for (const e of b.engines) lines.push(`| ${e.engine} | ${e.statements} | ${e.medianMs} ms | ${e.p95Ms} ms | ${s(e.engineReportedMs)} |`);
  lines.push('', '## Startup per component (--jobs 1)', '', '| component | ready after |', '|---|---|');
  for (const c of b.startup) lines.push(`| ${c.component} | ${s(c.readyMs)} |`);
  lines.push(
    '',
    '## Peak RSS per process (whole bench)',
    '',
    'The largest single process of each component (a JVM under its start script counts as the JVM); unmanaged: processes the bench started itself (the one-process-per-statement runs). Processes under 8 MiB (shell utilities of start scripts) are left out here, kept in bench.json.',
    '',
    '| component | peak RSS |',
    '|---|---|',
  );
  for (const p of b.peakRss.filter((x) => x.peakMiB >= 8)) lines.push(`| ${p.component} | ${p.peakMiB} MiB |`);
  lines.push('');
  if (b.naive && 'error' in b.naive) lines.push('## One process per statement', '', `Not measured: ${b.naive.error}`, '');
  else if (b.naive) {
    const n = b.naive;
    lines.push(
      "## One process per statement (a user's script) beside the harness",
      '',
      `\`${n.scenario}\` on ${n.engines.join(', ')}: ${n.statements} statements.`,
      '',
      '| way | wall | per statement (median) |',
      '|---|---|---|',
      `| harness (long-lived gateways, SQL Gateway sessions) | ${s(n.harnessMs)} | ${Math.round(n.harnessMs / Math.max(1, n.statements))} ms (mean) |`,
      `| one process per statement | ${s(n.naiveMs)} | ${n.perStatement.map((p) => `${p.engine} ${p.medianMs} ms`).join(', ')} |`,
      '',
      `**One process per statement takes ${n.ratio}× the harness's time.** Harness verdict: ${n.harnessStatus}; naive statements not as expected: ${n.failures.length ? n.failures.join('; ') : 'none'}.`,
      '',
    );
  }
  return lines.join('\n');
}
