import { startVitest } from 'vitest/node';
import { EnvironmentError } from '../environment/index.ts';
import { KNOWN_ENGINES } from '../engines/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { InteropVitestReporter, SummaryReporter, totals } from '../reporters/index.ts';
import { RUN_SPEC_ENV, type RunFilter } from '../runner/run-spec.ts';
import { startRun } from '../runner/start-run.ts';
import { loadScenarios } from '../scenario/index.ts';
import { err, out, printEnvironmentError, printProblems } from './cli-output.ts';

export interface RunOptions {
  env: string;
  paimon?: string;
  filter: RunFilter;
  update: boolean;
  keep: boolean;
  reportsDir?: string;
  knownIssuesFile: string;
  configFile?: string;
}

/**
 * `run`: validate the scenarios, start the environment, run the suite in vitest, write the
 * reports, stop everything. Exit 0 when nothing failed, 1 on failures, 2 on environment errors.
 */
export async function runCommand(opts: RunOptions): Promise<number> {
  const suite = await loadScenarios(opts.filter.paths, { knownEngines: KNOWN_ENGINES });
  const known = await loadKnownIssues(opts.knownIssuesFile);
  if (printProblems({ ...suite, problems: [...suite.problems, ...known.problems], files: [...suite.files, { file: opts.knownIssuesFile, source: known.source, problems: [] }] })) return 1;

  let run: Awaited<ReturnType<typeof startRun>>;
  const t0 = Date.now();
  try {
    run = await startRun({
      env: opts.env,
      paimonVersion: opts.paimon,
      engines: opts.filter.engines,
      filter: opts.filter,
      update: opts.update,
      keepDatabases: opts.keep,
      knownIssuesFile: opts.knownIssuesFile,
      reportsDir: opts.reportsDir,
      configFile: opts.configFile,
      onProgress: (m) => err(`[env] ${m}`),
    });
  } catch (e) {
    if (e instanceof EnvironmentError) {
      printEnvironmentError(e);
      return 2;
    }
    throw e;
  }
  err(`[env] ready in ${((Date.now() - t0) / 1000).toFixed(1)}s: ${run.spec.env.engines.map((e) => `${e.engine} ${e.version ?? ''}`.trim()).join(', ') || 'no engines'}`);
  for (const [engine, why] of Object.entries(run.spec.env.unavailable)) err(`[env] ${engine} unavailable: ${why}`);

  const reporter = new InteropVitestReporter(run.spec, [new SummaryReporter()]);
  try {
    process.env[RUN_SPEC_ENV] = JSON.stringify(run.spec);
    const vitest = await startVitest('test', [], {
      config: 'vitest.config.ts',
      project: ['interop'],
      watch: false,
      reporters: [reporter],
      passWithNoTests: true,
    });
    await vitest?.close();
  } finally {
    delete process.env[RUN_SPEC_ENV];
    await run.stop();
  }
  for (const e of reporter.collectErrors) err(e);
  if (!reporter.raw) return 1;
  const t = totals(reporter.raw);
  if (reporter.collectErrors.length) return 1;
  out(`summary: ${run.spec.runDir}/summary.md`);
  return t.fail + t.error > 0 ? 1 : 0;
}
