import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawResults } from './raw-results.ts';
import { totals } from './raw-results.ts';
import type { Reporter } from './reporter.ts';

/** Markdown summary of a run: totals, every skip with its reason, every failure with its diff. */
export function renderSummary(raw: RawResults): string {
  const t = totals(raw);
  const lines = [
    `# paimon-interop run ${raw.runId}`,
    '',
    `Environment **${raw.cell.environment}**, Paimon **${raw.cell.paimon}** — ${Object.entries(raw.cell.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    `**${t.pass} passed, ${t.known} passed with known deviations, ${t.fail} failed, ${t.error} errors, ${t.skip} skipped** of ${raw.scenarios.length} scenarios.`,
    '',
  ];
  const unavailable = Object.entries(raw.unavailable);
  if (unavailable.length) {
    lines.push('## Engines not in this environment', '', ...unavailable.map(([e, why]) => `- **${e}**: ${why}`), '');
  }
  const failed = raw.scenarios.filter((s) => s.status === 'fail' || s.status === 'error');
  if (failed.length) {
    lines.push('## Failures', '');
    for (const s of failed) lines.push(`### ${s.id}`, '', '```diff', s.failure ?? s.reason ?? '', '```', '');
  }
  const known = raw.scenarios.flatMap((s) => s.steps.flatMap((st) => st.engines.filter((e) => e.known).map((e) => ({ s, st, e }))));
  if (known.length) {
    lines.push('## Known deviations', '', '| scenario | step | engine | known issue | reason | actual |', '|---|---|---|---|---|---|');
    for (const { s, st, e } of known) {
      const actual = e.failures.flatMap((f) => f.diff.filter((d) => d.startsWith('+'))).join(' ').replace(/\|/g, '\\|');
      lines.push(`| \`${s.id}\` | ${st.index + 1} ${st.name} | ${e.engine} | ${e.known!.id} | ${e.known!.reason.replace(/\s+/g, ' ').trim()} | ${actual} |`);
    }
    lines.push('');
  }
  const skipped = raw.scenarios.filter((s) => s.status === 'skip');
  const partial = raw.scenarios.filter((s) => s.status !== 'skip' && s.steps.some((st) => st.skippedEngines.length));
  if (skipped.length || partial.length) {
    lines.push('## Skipped', '');
    for (const s of skipped) lines.push(`- \`${s.id}\`: ${s.reason}`);
    for (const s of partial) {
      const engines = [...new Set(s.steps.flatMap((st) => st.skippedEngines.map((e) => e.engine)))];
      lines.push(`- \`${s.id}\` ran without ${engines.join(', ')} (not in this environment)`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes summary.md next to the raw results. */
export class SummaryReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string): Promise<void> {
    await writeFile(join(runDir, 'summary.md'), renderSummary(raw));
  }
}
