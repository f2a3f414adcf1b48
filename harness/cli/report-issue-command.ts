import { clientReleaseEngines } from '../engines/index.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { loadKnownIssues } from '../known-issues/index.ts';
import { readablePath } from '../package-root.ts';
import { renderIssueReport } from '../reporters/index.ts';
import { readRawResults } from '../verdicts/index.ts';
import { out, printProblems, UsageError } from './cli-output.ts';

/**
 * `report-issue <known-issue-id>`: a bug report, ready to file with the project that owns the
 * deviation, from a run where the entry held (default: reports/latest) and the scenario file.
 */
export async function reportIssueCommand(opts: { id?: string; from?: string; out?: string; knownIssuesFile: string }): Promise<number> {
  if (!opts.id)
    throw new UsageError(
      'report-issue needs a known-issues entry id: paimon-interop report-issue <id> [--from reports/<run>] [--out file.md]',
    );
  const known = await loadKnownIssues(opts.knownIssuesFile, { clientEngines: clientReleaseEngines() });
  if (
    printProblems({ files: [{ file: opts.knownIssuesFile, source: known.source, problems: [] }], scenarios: [], problems: known.problems })
  )
    return 1;
  const entry = known.issues.find((k) => k.id === opts.id);
  if (!entry) {
    const near = known.issues
      .filter((k) => k.id.includes(opts.id!.split('-')[0]!))
      .map((k) => k.id)
      .slice(0, 5);
    throw new UsageError(`${opts.knownIssuesFile} has no entry '${opts.id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
  }
  const from = opts.from ?? 'reports/latest';
  const raw = await readRawResults(from).catch((e: Error) => {
    throw new UsageError(`--from: ${e.message} (a run folder or raw-results.json; run the suite first)`);
  });
  const holding = raw.scenarios.filter((s) => s.steps.some((st) => st.engines.some((e) => e.known?.id === entry.id)));
  if (!holding.length) {
    const where = entry.scenario ? ` (it covers ${[entry.scenario].flat().join(', ')})` : '';
    throw new UsageError(
      `'${entry.id}' held in no scenario run of ${from}${where}: run its scenario first, then report-issue again with --from <that run>`,
    );
  }
  // The smallest evidence: the scenario run with the fewest steps up to the finding.
  const result = [...holding].sort((a, b) => a.steps.length - b.steps.length)[0]!;
  const cell = raw.cells.find((c) => c.id === result.cell)!;
  const scenarioSource = await readFile(readablePath(result.file), 'utf8').catch(() => `# ${result.file} is not readable here`);
  const report = renderIssueReport({ entry, result, cell, scenarioSource });
  if (opts.out) {
    await writeFile(opts.out, report);
    out(`report-issue: ${opts.out} (from ${result.id} in ${result.cell})`);
  } else out(report);
  return 0;
}
