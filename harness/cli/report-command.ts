import { clientReleaseEngines } from '../engines/index.ts';
import { join } from 'node:path';
import { loadKnownIssues, reapplyKnownIssues, today } from '../known-issues/index.ts';
import { diffWithBaseline, writeReports } from '../reporters/index.ts';
import { mergeRawResults, readRawResults, totals } from '../verdicts/index.ts';
import { out, printProblems, UsageError } from './cli-output.ts';

/**
 * `report`: merge raw results (shards, cells, CI machines) into one, optionally re-apply the
 * known-issues table and compare with a baseline, and render every report into `--out`.
 */
export async function reportCommand(opts: {
  inputs: string[];
  out?: string;
  baseline?: string;
  knownIssuesFile?: string;
  failOn: 'any' | 'new';
}): Promise<number> {
  if (!opts.inputs.length) throw new UsageError('report needs raw results: files or run folders');
  const parts = await Promise.all(
    opts.inputs.map((i) =>
      readRawResults(i).catch((e: Error) => {
        throw new UsageError(e.message);
      }),
    ),
  );
  let raw = mergeRawResults(parts);
  if (opts.knownIssuesFile) {
    const known = await loadKnownIssues(opts.knownIssuesFile, { clientEngines: clientReleaseEngines() });
    if (
      printProblems({
        files: [{ file: opts.knownIssuesFile, source: known.source, problems: [] }],
        scenarios: [],
        problems: known.problems,
      })
    )
      return 1;
    raw = reapplyKnownIssues(raw, known.issues, today());
  }
  const baseline = opts.baseline
    ? diffWithBaseline(
        raw,
        await readRawResults(opts.baseline).catch((e: Error) => {
          throw new UsageError(`--baseline: ${e.message}`);
        }),
      )
    : undefined;
  const dir = opts.out ?? join('reports', `${raw.runId}-merged`);
  await writeReports(raw, dir, { baseline, linkLatest: false });
  const t = totals(raw);
  if (baseline)
    out(
      `against the baseline: ${baseline.newlyFailing.length} newly failing, ${baseline.newlyPassing.length} newly passing, ${baseline.stillFailing.length} still failing`,
    );
  out(`reports: ${dir}`);
  out(`interop: ${t.pass + t.known} passed, ${t.fail + t.error} failed, ${t.skip} skipped`);
  if (opts.failOn === 'new' && baseline) return baseline.newlyFailing.length ? 1 : 0;
  return t.fail + t.error ? 1 : 0;
}
