import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import type { BaselineDiff } from './baseline-diff.ts';
import { totals, type CellScenarioResult, type RawResults } from '../verdicts/index.ts';
import type { Reporter } from './reporter.ts';
import { upstreamReference } from './upstream-reference.ts';
import { newlyBrokenPairs } from './version-grid.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const cellText = (s: string) => oneLine(s).replace(/\|/g, '\\|');
/** A failure text in the summary; the whole of it stays in matrix.html and raw-results.json. */
const FAILURE_CHARS = 2_500;
/** Failures shown with their diff; the rest are listed by name. */
const FAILURES_SHOWN = 10;

/** `https://github.com/apache/paimon/issues/123` -> `[apache/paimon#123](…)`; `none found` stays; absent: a dash. */
function upstreamLink(upstream: string | undefined): string {
  const ref = upstreamReference(upstream);
  return ref.url ? `[${ref.text}](${ref.url})` : cellText(ref.text);
}

function failureBlock(s: CellScenarioResult): string[] {
  const text = s.failure ?? s.reason ?? '';
  const cut =
    text.length > FAILURE_CHARS
      ? `${text.slice(0, FAILURE_CHARS)}\n… (${text.length} characters in all: matrix.html and raw-results.json have the rest)`
      : text;
  return [`### ${s.id} (${s.cell})`, '', '```diff', cut, '```', ''];
}

/**
 * Markdown for CI job summaries, read in a minute: totals, what changed against the baseline
 * (failures with their diffs first), known deviations grouped by entry (one row each: layer,
 * engines, cells, count, upstream report), skips grouped by reason. Every detail stays in
 * matrix.html and raw-results.json.
 */
export function renderSummary(raw: RawResults, baseline?: BaselineDiff): string {
  const t = totals(raw);
  const lines = [
    `# paimon-interop run ${raw.runId}`,
    '',
    `**${t.pass} passed, ${t.known} passed with known deviations, ${t.fail} failed, ${t.error} errors${t.infrastructure ? ` (${t.infrastructure} of the environment: an engine died, hung or was unreachable)` : ''}, ${t.skip} skipped** of ${raw.scenarios.length} scenario runs in ${raw.cells.length} cell(s).`,
    '',
    '| cell | environment | Paimon | versions |',
    '|---|---|---|---|',
    ...raw.cells.map(
      (c) =>
        `| ${c.id} | ${c.environment} | ${c.writer ? `${c.writer} writes, ${c.paimon} reads` : c.paimon} | ${Object.entries(c.versions)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
    ),
    '',
  ];
  const failed = raw.scenarios.filter((s) => s.status === 'fail' || s.status === 'error');
  const key = (s: CellScenarioResult) => `${s.cell} | ${s.id}`;
  const newly = new Set(baseline?.newlyFailing ?? []);
  if (baseline) {
    lines.push(
      '## Against the baseline',
      '',
      `**${baseline.newlyFailing.length} newly failing, ${baseline.newlyPassing.length} newly passing**, ${baseline.stillFailing.length} still failing, ${baseline.added.length} new, ${baseline.removed.length} removed.`,
      '',
    );
    const pairs = newlyBrokenPairs(raw, baseline.newlyFailing);
    if (pairs.length) lines.push(`**Newly broken writer>reader pairs: ${pairs.join(', ')}.**`, '');
    const newFailures = failed.filter((s) => newly.has(key(s)));
    if (newFailures.length)
      lines.push(
        '### Newly failing',
        '',
        ...newFailures.slice(0, FAILURES_SHOWN).flatMap(failureBlock),
        ...newFailures.slice(FAILURES_SHOWN).map((s) => `- \`${s.id}\` (${s.cell})`),
        '',
      );
    for (const [title, list] of [
      ['Newly passing', baseline.newlyPassing],
      ['Removed', baseline.removed],
    ] as const) {
      if (list.length) lines.push(`### ${title}`, '', ...list.map((k) => `- \`${k}\``), '');
    }
  }
  const other = failed.filter((s) => !newly.has(key(s)));
  if (other.length) {
    lines.push(baseline ? '## Still failing' : '## Failures', '');
    lines.push(...other.slice(0, FAILURES_SHOWN).flatMap(failureBlock));
    if (other.length > FAILURES_SHOWN)
      lines.push(
        `And ${other.length - FAILURES_SHOWN} more (matrix.html has each diff):`,
        '',
        ...other
          .slice(FAILURES_SHOWN)
          .map((s) => `- \`${s.id}\` (${s.cell}): ${cellText((s.failure ?? s.reason ?? '').split('\n')[1] ?? '')}`),
        '',
      );
    for (const s of other.filter((x) => x.harnessError?.stack).slice(0, 3))
      lines.push(`<details><summary>harness stack of ${s.id}</summary>`, '', '```', s.harnessError!.stack!, '```', '', '</details>', '');
  }
  lines.push(...stability(raw));
  const unavailable = raw.cells.flatMap((c) => Object.entries(c.unavailable).map(([e, why]) => `- **${e}** in ${c.id}: ${why}`));
  if (unavailable.length) lines.push('## Engines not in the environment', '', ...unavailable, '');
  lines.push(...knownDeviations(raw), ...skips(raw));
  return lines.join('\n');
}

/** `--repeat`: flaky instances with each run's outcome. */
function stability(raw: RawResults): string[] {
  const repeated = raw.scenarios.find((s) => s.repeat)?.repeat?.outcomes.length;
  if (!repeated) return [];
  const flaky = raw.scenarios.filter((s) => s.repeat?.verdict === 'flaky');
  const lines = [
    `## Stability over ${repeated} runs (--repeat)`,
    '',
    `**${raw.scenarios.filter((s) => s.repeat?.verdict === 'stable-pass').length} stable pass, ${raw.scenarios.filter((s) => s.repeat?.verdict === 'stable-fail').length} stable fail, ${flaky.length} flaky.** A flaky instance is reported from its first failing run; stability.md has every step.`,
    '',
  ];
  for (const s of flaky) {
    lines.push(
      `- \`${s.id}\` (${s.cell}): ${s.repeat!.outcomes.join(' / ')}${s.repeat!.explainedBy ? ` (known issue marked intermittent: ${s.repeat!.explainedBy.join(', ')})` : ''}`,
    );
    for (const st of s.repeat!.flakySteps)
      lines.push(`  - step ${st.index + 1} ${cellText(st.name)} on ${st.engine}: ${st.outcomes.join(' / ')}`);
  }
  return [...lines, ''];
}

/** One row per known-issues entry that held: where, how often, and its upstream report. */
function knownDeviations(raw: RawResults): string[] {
  const byId = new Map<
    string,
    { layer?: string; upstream?: string; engines: Set<string>; cells: Set<string>; scenarios: Set<string>; steps: number }
  >();
  for (const s of raw.scenarios) {
    for (const st of s.steps) {
      for (const e of st.engines) {
        if (!e.known) continue;
        const row = byId.get(e.known.id) ?? {
          layer: e.known.layer,
          upstream: e.known.upstream,
          engines: new Set(),
          cells: new Set(),
          scenarios: new Set(),
          steps: 0,
        };
        row.layer ??= e.known.layer;
        row.upstream ??= e.known.upstream;
        row.engines.add(e.engine);
        row.cells.add(s.cell);
        row.scenarios.add(`${s.cell}\u0000${s.id}`);
        row.steps++;
        byId.set(e.known.id, row);
      }
    }
  }
  if (!byId.size) return [];
  const scenarioRuns = new Set([...byId.values()].flatMap((r) => [...r.scenarios])).size;
  const lines = [
    '## Known deviations',
    '',
    `${byId.size} entries of known-issues.yaml held, in ${scenarioRuns} scenario runs (each entry's reason and evidence: known-issues.yaml and docs/known-issues.md; each step: matrix.html).`,
    '',
    '| known issue | layer | engines | cells | scenario runs | steps | upstream |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [id, r] of [...byId.entries()].sort((a, b) => byteOrder(a[0], b[0]))) {
    lines.push(
      `| ${id} | ${r.layer ?? '—'} | ${[...r.engines].sort().join(', ')} | ${r.cells.size === raw.cells.length && raw.cells.length > 1 ? 'all' : [...r.cells].sort().join(', ')} | ${r.scenarios.size} | ${r.steps} | ${upstreamLink(r.upstream)} |`,
    );
  }
  return [...lines, ''];
}

/** Skipped scenario runs grouped by reason, and runs without some engines grouped by those engines. */
function skips(raw: RawResults): string[] {
  const byReason = new Map<string, CellScenarioResult[]>();
  for (const s of raw.scenarios.filter((x) => x.status === 'skip')) {
    const reason = oneLine(s.reason ?? '');
    byReason.set(reason, [...(byReason.get(reason) ?? []), s]);
  }
  const without = new Map<string, number>();
  for (const s of raw.scenarios.filter((x) => x.status !== 'skip')) {
    const engines = [...new Set(s.steps.flatMap((st) => st.skippedEngines.map((e) => e.engine)))].sort();
    if (engines.length) without.set(engines.join(', '), (without.get(engines.join(', ')) ?? 0) + 1);
  }
  if (!byReason.size && !without.size) return [];
  const lines = ['## Skipped', ''];
  if (byReason.size) {
    lines.push('| reason | scenario runs | for example |', '|---|---|---|');
    for (const [reason, list] of [...byReason.entries()].sort((a, b) => b[1].length - a[1].length || byteOrder(a[0], b[0]))) {
      lines.push(
        `| ${cellText(reason.length > 300 ? `${reason.slice(0, 300)}…` : reason)} | ${list.length} | ${list
          .slice(0, 2)
          .map((s) => `\`${s.id.slice(s.id.indexOf('#') + 1)}\``)
          .join(', ')} |`,
      );
    }
    lines.push('');
  }
  for (const [engines, n] of [...without.entries()].sort((a, b) => b[1] - a[1]))
    lines.push(`- ${n} scenario run(s) ran without ${engines} (not in the environment; see above)`);
  return [...lines, ''];
}

/** Writes summary.md next to the raw results. */
export class SummaryReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string, baseline?: BaselineDiff): Promise<void> {
    await writeFile(join(runDir, 'summary.md'), renderSummary(raw, baseline));
  }
}
