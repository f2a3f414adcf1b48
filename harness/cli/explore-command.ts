import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { anyWriterOrder, clientReleaseEngines, ENGINE_CAPABILITIES } from '../engines/index.ts';
import { caseSource, explore, exploreKnownIssues, renderFindings, scenarioCaseRunner } from '../explore/index.ts';
import { loadKnownIssues } from '../known-issues/index.ts';
import { redact } from '../redact.ts';
import { contextForRun, newRunId, startRun } from '../runner/index.ts';
import { err, out, printProblems, UsageError } from './cli-output.ts';
import { planCells, resolveSourceVersions } from './version-args.ts';
import { durationMs } from './duration-arg.ts';

export interface ExploreCommandOptions {
  seed?: string;
  budget?: string;
  paimon?: string;
  /** One writer>reader pair: tables written by A's clients, read by B's (on B's catalog). */
  cross?: string;
  jobs?: string;
  engines?: string[];
  env: string;
  configFile?: string;
  reportsDir?: string;
  knownIssuesFile: string;
  keep: boolean;
}

/** The engines explore writes and reads with: every engine that writes (the registry's writers; Spark joins where present). */
const EXPLORE_ENGINES = anyWriterOrder();

/** `10m`, `90s`, `1h` as milliseconds. */
export function parseBudget(text: string): number {
  const ms = durationMs(text.trim(), 'smh');
  if (ms === undefined) throw new UsageError(`--budget takes a duration such as 90s, 10m or 1h (got '${text}')`);
  return ms;
}

/**
 * `explore`: generated differential cases against one environment for a time budget; new
 * disagreements are shrunk and written as replayable scenarios with findings.md. Exit 0 with no
 * new finding, 1 with one or more, 2 when the environment could not start.
 */
export async function exploreCommand(opts: ExploreCommandOptions): Promise<number> {
  const seed = opts.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(opts.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed takes a whole number (got '${opts.seed}')`);
  const budgetMs = parseBudget(opts.budget ?? '10m');
  if (opts.paimon?.includes(',') || opts.paimon === 'all') throw new UsageError('--paimon: explore runs one row at a time (one version)');
  if (opts.cross !== undefined && opts.paimon !== undefined)
    throw new UsageError('explore takes --paimon V or --cross A>B, not both (a cross cell names its reader version)');
  const cells = planCells(await resolveSourceVersions(opts.paimon), opts.cross);
  if (cells.length !== 1) throw new UsageError(`--cross: explore runs one writer>reader pair at a time (got ${cells.length})`);
  const cell = cells[0]!;
  const jobs = opts.jobs === undefined ? 1 : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 8) throw new UsageError(`--jobs takes a whole number from 1 to 8 (got '${opts.jobs}')`);
  const known = await loadKnownIssues(opts.knownIssuesFile, { clientEngines: clientReleaseEngines() });
  if (
    printProblems({ scenarios: [], problems: known.problems, files: [{ file: opts.knownIssuesFile, source: known.source, problems: [] }] })
  )
    return 1;

  const exploreId = `explore-${newRunId()}`;
  const dir = resolve(opts.reportsDir ?? 'reports', exploreId);
  const casesDir = join(dir, 'cases');
  await mkdir(casesDir, { recursive: true });
  const wanted = opts.engines?.length ? opts.engines : EXPLORE_ENGINES;
  const run = await startRun({
    env: opts.env,
    paimonVersion: cell.paimon,
    writerVersion: cell.writer,
    engines: wanted,
    filter: { paths: [] },
    update: false,
    keepDatabases: opts.keep,
    jobs,
    knownIssuesFile: opts.knownIssuesFile,
    reportsDir: opts.reportsDir,
    runId: exploreId.replace(/^explore-/, ''),
    configFile: opts.configFile,
    onProgress: (m) => err(`[env] ${m}`),
  });
  const opened = await contextForRun(run.spec, exploreKnownIssues(known.issues), []);
  try {
    const engines = [...opened.ctx.engines.keys()].filter((e) => wanted.includes(e));
    const writers = engines.filter((e) => ENGINE_CAPABILITIES[e]?.includes('writes'));
    if (!writers.length)
      throw new UsageError(
        `explore needs an engine that writes; this environment has ${engines.join(', ') || 'none'} of ${wanted.join(', ')}`,
      );
    const versions = `Paimon ${cell.writer ? `${cell.writer} writers > ` : ''}${run.spec.env.paimonVersion ?? 'default'}${
      run.spec.env.versions
        ? ` (${Object.entries(run.spec.env.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
        : ''
    }`;
    err(
      `[explore] ${versions}; seed ${seed}; ${jobs} job(s); budget ${(budgetMs / 1000).toFixed(0)} s; writers ${writers.join(', ')}; readers ${engines.join(', ')}`,
    );
    const runnerOpts = {
      ctx: opened.ctx,
      exploreEntries: known.issues.filter((i) => i.explore !== undefined),
      tag: exploreId.slice(-4),
      origin: `seed ${seed}`,
      readers: engines,
      creator: writers.includes('paimon-java') ? 'paimon-java' : writers[0]!,
    };
    const runCase = scenarioCaseRunner(runnerOpts);
    // One line per case run: how it ended, in how long, which known deviations it met.
    const caseLog = createWriteStream(join(dir, 'cases.jsonl'));
    const outcome = await explore({
      seed,
      budgetMs,
      jobs,
      writers,
      runCase,
      onCase: (p) => {
        const known = [...new Set(p.result.steps.flatMap((s) => s.engines.flatMap((e) => (e.known ? [e.known.id] : []))))];
        err(
          `[explore] ${p.cases} case(s), ${p.findings} finding(s), ${(p.cases / Math.max(p.elapsedMs / 60_000, 1 / 60)).toFixed(1)}/min; ${p.result.name}${p.shrinking ? ' (shrinking)' : ''} ${p.result.status} in ${(p.result.durationMs / 1000).toFixed(1)} s${p.signature ? `: ${p.signature}` : known.length ? ` (${known.join(', ')})` : ''}`,
        );
        const step = p.result.steps.find((s) => s.status !== 'pass' && s.status !== 'skip');
        const detail = step?.engines
          .filter((e) => e.status !== 'pass' && e.status !== 'skip')
          .map((e) => `${e.engine}: ${(e.error?.message ?? e.failures[0]?.diff.join(' ') ?? '').slice(0, 160)}`);
        caseLog.write(
          `${redact(JSON.stringify({ case: p.result.name, shrinking: p.shrinking, status: p.result.status, durationMs: p.result.durationMs, signature: p.signature, known, step: step?.name, detail, steps: p.result.steps.length }), opened.secrets)}\n`,
        );
      },
    });
    await new Promise<void>((done) => caseLog.end(done));
    const caseFiles = new Map<string, string>();
    for (const [i, f] of outcome.findings.entries()) {
      const name = `finding-${i + 1}`;
      const file = join(casesDir, `${name}.yaml`);
      await writeFile(file, redact(caseSource(f.minimal, `explore-${exploreId.slice(-4)}-${name}`, runnerOpts), opened.secrets));
      caseFiles.set(f.signature, relative(process.cwd(), file));
    }
    const md = renderFindings({ exploreId, seed, versions, engines, outcome, caseFiles });
    await writeFile(join(dir, 'findings.md'), redact(md, opened.secrets));
    await writeFile(
      join(dir, 'explore.json'),
      redact(
        JSON.stringify(
          {
            exploreId,
            seed,
            budgetMs,
            versions,
            engines,
            cases: outcome.cases,
            elapsedMs: outcome.elapsedMs,
            repeats: outcome.repeats,
            unsupported: outcome.unsupported,
            statuses: outcome.statuses,
            stepsByEngine: outcome.stepsByEngine,
            findings: outcome.findings.map((f) => ({
              signature: f.signature,
              runs: f.runs,
              shrinks: f.shrinks,
              seed: f.seed,
              path: f.path,
              case: caseFiles.get(f.signature),
            })),
          },
          null,
          2,
        ),
        opened.secrets,
      ),
    );
    out(
      `explore: ${outcome.cases} case(s) in ${(outcome.elapsedMs / 1000).toFixed(0)} s, ${outcome.findings.length} new finding(s); report: ${relative(process.cwd(), join(dir, 'findings.md'))}`,
    );
    return outcome.findings.length ? 1 : 0;
  } finally {
    await opened.close();
    await run.stop();
  }
}
