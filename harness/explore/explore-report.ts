import type { ScenarioResult } from '../verdicts/index.ts';
import type { ExploreOutcome, Finding } from './explore-loop.ts';

/** What a finding's failing step showed: each failing engine's first lines of difference. */
function findingDiff(result: ScenarioResult): string[] {
  const step = result.steps.find((s) => s.status === 'fail' || s.status === 'error');
  if (!step) return [result.failure ?? result.reason ?? ''];
  const lines = [`step ${step.index + 1} "${step.name}"`];
  for (const e of step.engines.filter((x) => x.status === 'fail' || x.status === 'error')) {
    lines.push(`  on ${e.engine}${e.statement ? `: ${e.statement.slice(0, 300)}` : ''}`);
    for (const f of e.failures) lines.push(`    ${f.aspect}:`, ...f.diff.slice(0, 12).map((d) => `      ${d.slice(0, 400)}`));
  }
  if (step.wire?.length) lines.push(`  wire: ${step.wire.length} request(s) to the catalog during the step (in the case's raw result)`);
  return lines;
}

export interface ExploreReportInput {
  exploreId: string;
  seed: number;
  versions: string;
  engines: string[];
  outcome: ExploreOutcome;
  /** Where each finding's minimal case was saved, by signature. */
  caseFiles: ReadonlyMap<string, string>;
}

/** findings.md: one section per new signature, with the minimal case to replay and its diff. */
export function renderFindings(input: ExploreReportInput): string {
  const { outcome } = input;
  const perMinute = outcome.elapsedMs > 0 ? (outcome.cases / (outcome.elapsedMs / 60_000)).toFixed(1) : '0';
  const out = [
    `# explore ${input.exploreId}`,
    '',
    `Seed ${input.seed}, ${input.versions}, engines ${input.engines.join(', ')}: ${outcome.cases} case(s) in ${(outcome.elapsedMs / 1000).toFixed(0)} s (${perMinute} per minute), ${outcome.findings.length} new finding(s); a found signature met again ${outcome.repeats} time(s). Known deviations (known-issues.yaml, by engine and signature) are not findings.`,
    '',
    `Cases by outcome: ${
      Object.entries(outcome.statuses)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }. Steps run per engine: ${
      Object.entries(outcome.stepsByEngine)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }.`,
    '',
  ];
  const unsupported = Object.entries(outcome.unsupported);
  if (unsupported.length) {
    out.push(
      'Answers `unsupported` (what an engine does not offer; not findings): ',
      '',
      ...unsupported.map(([sig, n]) => `- ${sig}: ${n} case(s)`),
      '',
    );
  }
  if (!outcome.findings.length) out.push('No new finding.');
  outcome.findings.forEach((f: Finding, i) => {
    const file = input.caseFiles.get(f.signature);
    out.push(
      `## ${i + 1}. ${f.signature}`,
      '',
      `- found after ${f.runs} case(s) of its round, shrunk in ${f.shrinks} more failing run(s) (fast-check seed ${f.seed}${f.path ? `, path ${f.path}` : ''})`,
      `- minimal case: ${f.minimal.table.columns.length} column(s), ${f.minimal.ops.filter((o) => o.kind === 'insert').length} insert(s) of ${f.minimal.ops.flatMap((o) => (o.kind === 'insert' ? o.rows : [])).length} row(s), ${f.minimal.ops.filter((o) => o.kind === 'read').length} read(s)`,
      ...(file ? [`- replay: \`node bin/paimon-interop.mjs run ${file}\``] : []),
      '',
      '```',
      ...findingDiff(f.result),
      '```',
      '',
    );
  });
  out.push(
    '## What to do with a finding',
    '',
    'Replay the case with `run`. A real deviation becomes a scenario (copy the case into scenarios/, name its steps) and an entry of known-issues.yaml with its layer, evidence and a `signature` that matches the diff above, so explore reports it no more; a harness defect is fixed in the harness.',
    '',
  );
  return out.join('\n');
}
