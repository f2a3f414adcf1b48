import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BaselineDiff } from './baseline-diff.ts';
import { totals, type RawResults } from '../verdicts/index.ts';
import type { Reporter } from './reporter.ts';
import { newlyBrokenPairs } from './version-grid.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const cellText = (s: string) => oneLine(s).replace(/\|/g, '\\|');

/** Markdown summary for CI job summaries: totals, regressions against a baseline, failures, known deviations, skips. */
export function renderSummary(raw: RawResults, baseline?: BaselineDiff): string {
  const t = totals(raw);
  const lines = [
    `# paimon-interop run ${raw.runId}`,
    '',
    `**${t.pass} passed, ${t.known} passed with known deviations, ${t.fail} failed, ${t.error} errors${t.infrastructure ? ` (${t.infrastructure} of the environment: an engine died, hung or was unreachable)` : ''}, ${t.skip} skipped** of ${raw.scenarios.length} scenario runs in ${raw.cells.length} cell(s).`,
    '',
    '| cell | environment | Paimon | versions |',
    '|---|---|---|---|',
    ...raw.cells.map((c) => `| ${c.id} | ${c.environment} | ${c.writer ? `${c.writer} writes, ${c.paimon} reads` : c.paimon} | ${Object.entries(c.versions).map(([k, v]) => `${k} ${v}`).join(', ')} |`),
    '',
  ];
  if (baseline) {
    lines.push('## Against the baseline', '', `**${baseline.newlyFailing.length} newly failing, ${baseline.newlyPassing.length} newly passing**, ${baseline.stillFailing.length} still failing, ${baseline.added.length} new, ${baseline.removed.length} removed.`, '');
    const pairs = newlyBrokenPairs(raw, baseline.newlyFailing);
    if (pairs.length) lines.push(`**Newly broken writer>reader pairs: ${pairs.join(', ')}.**`, '');
    for (const [title, list] of [['Newly failing', baseline.newlyFailing], ['Newly passing', baseline.newlyPassing], ['Removed', baseline.removed]] as const) {
      if (list.length) lines.push(`### ${title}`, '', ...list.map((k) => `- \`${k}\``), '');
    }
  }
  const repeated = raw.scenarios.find((s) => s.repeat)?.repeat?.outcomes.length;
  if (repeated) {
    const flaky = raw.scenarios.filter((s) => s.repeat?.verdict === 'flaky');
    lines.push(`## Stability over ${repeated} runs (--repeat)`, '', `**${raw.scenarios.filter((s) => s.repeat?.verdict === 'stable-pass').length} stable pass, ${raw.scenarios.filter((s) => s.repeat?.verdict === 'stable-fail').length} stable fail, ${flaky.length} flaky.** A flaky instance is reported from its first failing run; stability.md has every step.`, '');
    for (const s of flaky) {
      lines.push(`- \`${s.id}\` (${s.cell}): ${s.repeat!.outcomes.join(' / ')}${s.repeat!.explainedBy ? ` (known issue marked intermittent: ${s.repeat!.explainedBy.join(', ')})` : ''}`);
      for (const st of s.repeat!.flakySteps) lines.push(`  - step ${st.index + 1} ${cellText(st.name)} on ${st.engine}: ${st.outcomes.join(' / ')}`);
    }
    lines.push('');
  }
  const unavailable = raw.cells.flatMap((c) => Object.entries(c.unavailable).map(([e, why]) => `- **${e}** in ${c.id}: ${why}`));
  if (unavailable.length) lines.push('## Engines not in the environment', '', ...unavailable, '');
  const failed = raw.scenarios.filter((s) => s.status === 'fail' || s.status === 'error');
  if (failed.length) {
    lines.push('## Failures', '');
    for (const s of failed) {
      lines.push(`### ${s.id} (${s.cell})`, '', '```diff', s.failure ?? s.reason ?? '', '```', '');
      if (s.harnessError?.stack) lines.push('<details><summary>harness stack</summary>', '', '```', s.harnessError.stack, '```', '', '</details>', '');
    }
  }
  const known = raw.scenarios.flatMap((s) => s.steps.flatMap((st) => st.engines.filter((e) => e.known).map((e) => ({ s, st, e }))));
  if (known.length) {
    lines.push('## Known deviations', '', '| scenario | cell | step | engine | known issue | reason | actual |', '|---|---|---|---|---|---|---|');
    for (const { s, st, e } of known) {
      const actual = e.failures.flatMap((f) => f.diff.filter((d) => d.startsWith('+'))).join(' ');
      lines.push(`| \`${s.id}\` | ${s.cell} | ${st.index + 1} ${cellText(st.name)} | ${e.engine} | ${e.known!.id} | ${cellText(e.known!.reason)} | ${cellText(actual)} |`);
    }
    lines.push('');
  }
  const skipped = raw.scenarios.filter((s) => s.status === 'skip');
  const partial = raw.scenarios.filter((s) => s.status !== 'skip' && s.steps.some((st) => st.skippedEngines.length));
  if (skipped.length || partial.length) {
    lines.push('## Skipped', '');
    for (const s of skipped) lines.push(`- \`${s.id}\` (${s.cell}): ${oneLine(s.reason ?? '')}`);
    for (const s of partial) {
      const engines = [...new Set(s.steps.flatMap((st) => st.skippedEngines.map((e) => e.engine)))];
      lines.push(`- \`${s.id}\` (${s.cell}) ran without ${engines.join(', ')} (not in the environment)`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes summary.md next to the raw results. */
export class SummaryReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string, baseline?: BaselineDiff): Promise<void> {
    await writeFile(join(runDir, 'summary.md'), renderSummary(raw, baseline));
  }
}
