import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import type { BaselineDiff } from './baseline-diff.ts';
import { totals, wireLine, type CellScenarioResult, type RawResults, type StepEngineResult } from '../verdicts/index.ts';
import { areaOf, columnsOf, engineStatus, type MatrixStatus } from './matrix-columns.ts';
import { MATRIX_CSS, MATRIX_SCRIPT } from './matrix-page.ts';
import type { Reporter } from './reporter.ts';
import { upstreamReference } from './upstream-reference.ts';
import { newlyBrokenPairs, versionGrid } from './version-grid.ts';

export { engineStatus } from './matrix-columns.ts';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const LABEL: Record<MatrixStatus, string> = { pass: 'pass', known: 'known', fail: 'FAIL', error: 'ERROR', skip: 'skip', none: '–' };
/** A scenario run's row status for the filters: an error counts as a failure. */
const rowStatus = (s: CellScenarioResult) => (s.status === 'error' ? 'fail' : s.status);
/** Areas open on the page: those with failures, or all of them in a small run. */
const OPEN_ALL_UP_TO = 40;
/** Lines of a known deviation's diff shown in its details (the first step it held on). */
const KNOWN_DIFF_LINES = 20;

interface Page {
  raw: RawResults;
  columns: { cell: string; column: string }[];
  newly: Set<string>;
  /** Scenario run (cell + id) -> anchor of its details section. */
  anchors: Map<string, string>;
  /** Cells whose heading already carries its anchor (the version grid links to the first). */
  anchoredCells: Set<string>;
}

const runKey = (s: { cell: string; id: string }) => `${s.cell} | ${s.id}`;

/**
 * One self-contained HTML page for people: totals and what changed against the baseline on top,
 * the failing scenario runs first, then every scenario grouped by area (collapsible, with counts);
 * per matrix cell a column for the catalog (REST steps), one per engine and one for the harness's
 * own checks; filters by status and column; every failing or known cell links to its details
 * (the failure text, known deviations with their upstream report, the wire trace, log links).
 * `runDir`: where the page is written, so log links are relative to it.
 */
export function renderHtmlMatrix(raw: RawResults, baseline?: BaselineDiff, runDir?: string): string {
  const page: Page = {
    raw,
    columns: raw.cells.flatMap((c) => columnsOf(raw, c.id).map((column) => ({ cell: c.id, column }))),
    newly: new Set(baseline?.newlyFailing ?? []),
    anchors: new Map(),
    anchoredCells: new Set(),
  };
  raw.scenarios.filter((s) => s.status !== 'pass' && s.status !== 'skip').forEach((s, i) => page.anchors.set(runKey(s), `d${i + 1}`));
  const t = totals(raw);
  const failing = raw.scenarios
    .filter((s) => s.status === 'fail' || s.status === 'error')
    .sort((a, b) => Number(page.newly.has(runKey(b))) - Number(page.newly.has(runKey(a))) || byteOrder(a.id, b.id));
  const areas = [...new Set(raw.scenarios.map(areaOf))].sort(byteOrder);
  const repeated = raw.scenarios.find((s) => s.repeat)?.repeat?.outcomes.length;
  const flakyCount = raw.scenarios.filter((s) => s.repeat?.verdict === 'flaky').length;
  const allColumns = [...new Set(page.columns.map((c) => c.column))];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>paimon-interop ${html(raw.runId)}</title>
<style>${MATRIX_CSS}</style></head><body>
<header>
<h1>paimon-interop compatibility matrix</h1>
<p class="totals"><span class="pass">${t.pass} passed</span><span class="known">${t.known} passed with known deviations</span><span class="fail">${t.fail + t.error} failed${t.infrastructure ? ` (${t.infrastructure} of the environment)` : ''}</span><span class="skip">${t.skip} skipped</span> of ${raw.scenarios.length} scenario runs in ${raw.cells.length} cell(s)${repeated ? `; ${repeated} runs each (--repeat): ${flakyCount} flaky` : ''}.</p>
${baseline ? `<p id="baseline"><b>Against the baseline: ${baseline.newlyFailing.length} newly failing, ${baseline.newlyPassing.length} newly passing</b>, ${baseline.stillFailing.length} still failing, ${baseline.added.length} new, ${baseline.removed.length} removed.</p>` : ''}
<p>Run <code>${html(raw.runId)}</code>, ${html(raw.startedAt)} – ${html(raw.finishedAt)}. ${raw.cells
    .map(
      (c) =>
        `<b>${html(c.id)}</b>: ${html(
          Object.entries(c.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        )}`,
    )
    .join('; ')}.</p>
<p class="legend"><span style="background:#d1f7d6">pass</span><span style="background:#fff3bf">known deviation</span><span style="background:#ffd6d6">fail</span><span style="background:#eceff1">skip</span>${baseline ? '<span style="outline:3px solid #cf222e">newly failing</span>' : ''}${flakyCount ? '<span style="outline:3px dashed #8250df">flaky (--repeat)</span>' : ''} <i>catalog</i>: REST steps judged on the catalog itself; <i>harness</i>: the harness's own checks (files on disk, the wire proxy, access control).</p>
</header>
<nav class="filters">Show: ${['pass', 'known', 'fail', 'skip'].map((s) => `<label><input type="checkbox" data-status="${s}" checked> ${s}</label>`).join('')} | Columns: ${allColumns.map((c) => `<label><input type="checkbox" data-column="${html(c)}" checked> ${html(c)}</label>`).join('')} | <button type="button" data-areas="open">open every area</button> <button type="button" data-areas="close">close every area</button></nav>
${failing.length ? `<section id="attention"><h2>Needs attention: ${failing.length} failing scenario run(s)${page.newly.size ? `, newly failing first` : ''}</h2>\n${table(page, failing, 'attention')}</section>` : '<p id="attention">No failing scenario run.</p>'}
${renderGrid(raw, baseline)}<h2>Scenarios by area</h2>
<div id="matrix-areas">
${areas.map((area) => areaSection(page, area)).join('\n')}
</div>
<h2>Details</h2>
${details(page, runDir)}
<script>${MATRIX_SCRIPT}</script>
</body></html>
`;
}

function areaSection(page: Page, area: string): string {
  const runs = page.raw.scenarios.filter((s) => areaOf(s) === area);
  const count = (st: string) => runs.filter((s) => rowStatus(s) === st).length;
  const counts = (['pass', 'known', 'fail', 'skip'] as const)
    .filter((st) => count(st))
    .map((st) => `${count(st)} ${st}`)
    .join(', ');
  const open = count('fail') > 0 || page.raw.scenarios.length <= OPEN_ALL_UP_TO;
  return `<details class="area" data-area="${html(area)}"${open ? ' open' : ''}><summary>${html(area)} — ${runs.length} scenario run(s): ${counts}</summary>\n${table(page, runs, area)}</details>`;
}

/** A table of scenario runs: one row per scenario id, a column per cell and actor. */
function table(page: Page, runs: CellScenarioResult[], id: string): string {
  const ids = [...new Set(runs.map((s) => s.id))];
  const cellHeads = page.raw.cells
    .map((c) => {
      const anchor = page.anchoredCells.has(c.id) ? '' : ` id="${html(cellAnchor(c.id))}"`;
      page.anchoredCells.add(c.id);
      return `<th data-cell-head="${html(c.id)}"${anchor} colspan="${page.columns.filter((x) => x.cell === c.id).length}">${html(c.id)}</th>`;
    })
    .join('');
  const columnHeads = page.columns
    .map(
      (c) =>
        `<th data-cell="${html(c.cell)}" data-engine="${html(c.column)}"${c.column === 'catalog' || c.column === 'harness' ? ' class="actor"' : ''}>${html(c.column)}</th>`,
    )
    .join('');
  const rows = ids.map((sid) => {
    const byCell = new Map(runs.filter((s) => s.id === sid).map((s) => [s.cell, s]));
    const worstRow = [...byCell.values()]
      .map(rowStatus)
      .sort((a, b) => ['pass', 'skip', 'known', 'fail'].indexOf(b) - ['pass', 'skip', 'known', 'fail'].indexOf(a))[0]!;
    // Within an area the folder goes without saying: the file and the instance name the row.
    const shown = sid.replace(/^(?:[^#]*\/)?([^/#]+#)/, '$1');
    return `<tr data-scenario="${html(sid)}" data-status="${worstRow}"><th scope="row" title="${html(sid)}">${html(shown)}</th>${page.columns.map(({ cell, column }) => matrixCell(page, byCell.get(cell), cell, column)).join('')}</tr>`;
  });
  return `<table class="matrix" data-table="${html(id)}"><thead><tr><th rowspan="2">scenario</th>${cellHeads}</tr><tr>${columnHeads}</tr></thead>\n<tbody>${rows.join('\n')}</tbody></table>`;
}

function matrixCell(page: Page, s: CellScenarioResult | undefined, cell: string, column: string): string {
  const st: MatrixStatus = s ? engineStatus(s, column) : 'none';
  let label = html(LABEL[st]);
  const anchor = s && page.anchors.get(runKey(s));
  if (anchor && (st === 'fail' || st === 'error' || st === 'known')) label = `<a href="#${anchor}">${label}</a>`;
  // `--repeat`: a cell whose steps on this column changed verdict between runs.
  const flakySteps = s?.repeat?.flakySteps.filter((x) => x.engine === column) ?? [];
  if (flakySteps.length) label += ` <small>flaky ${html(flakySteps[0]!.outcomes.join('/'))}</small>`;
  const title =
    s?.status === 'skip'
      ? ` title="${html(s.reason ?? '')}"`
      : flakySteps.length
        ? ` title="${html(flakySteps.map((x) => `step ${x.index + 1} ${x.name}: ${x.outcomes.join(' / ')}`).join('; '))}"`
        : '';
  const isNew = s && page.newly.has(runKey(s)) && (st === 'fail' || st === 'error') ? ' new' : '';
  return `<td class="${st}${isNew}${flakySteps.length ? ' flaky' : ''}"${page.raw.cells.length > 1 ? ` data-cell="${html(cell)}"` : ''} data-engine="${html(column)}"${title}>${label}</td>`;
}

/** One section per failing or known scenario run: its failure text, known deviations, wire trace and log links. */
function details(page: Page, runDir?: string): string {
  const out: string[] = [];
  for (const s of page.raw.scenarios) {
    const anchor = page.anchors.get(runKey(s));
    if (!anchor) continue;
    const parts = [`<section class="detail" id="${anchor}"><h3>${html(s.id)} — ${html(s.cell)} — ${html(s.status)}</h3>`];
    if (s.failure ?? (s.status === 'error' ? s.reason : undefined)) parts.push(`<pre>${html(s.failure ?? s.reason ?? '')}</pre>`);
    // Each known deviation once per scenario run: where it held, its reason, and what the engine did the first time.
    const known = new Map<string, { known: NonNullable<StepEngineResult['known']>; where: string[]; actual: string[] }>();
    for (const st of s.steps) {
      for (const e of st.engines.filter((x) => x.known)) {
        const k = known.get(e.known!.id) ?? { known: e.known!, where: [], actual: e.failures.flatMap((f) => f.diff) };
        k.where.push(`step ${st.index + 1} on ${e.engine}`);
        known.set(e.known!.id, k);
      }
    }
    if (known.size) {
      parts.push('<ul>');
      for (const [id, k] of known) {
        const actual =
          k.actual.length > KNOWN_DIFF_LINES ? [...k.actual.slice(0, KNOWN_DIFF_LINES), `… (${k.actual.length} lines)`] : k.actual;
        parts.push(
          `<li>known deviation <b>${html(id)}</b>${k.known.layer ? ` (layer ${html(k.known.layer)})` : ''}, upstream: ${linkHtml(k.known.upstream)}; ${html(k.where.join(', '))} — ${html(k.known.reason)}${actual.length ? `<pre>${html(actual.join('\n'))}</pre>` : ''}</li>`,
        );
      }
      parts.push('</ul>');
    }
    for (const st of s.steps.filter((x) => x.wire?.length && (x.status === 'fail' || x.status === 'error'))) {
      parts.push(
        `<details><summary>wire trace of step ${st.index + 1} (${st.wire!.length} request(s) to the catalog)</summary><pre>${html(st.wire!.map(wireLine).join('\n'))}</pre></details>`,
      );
    }
    const logs = [
      ...new Set(
        s.steps.flatMap((st) =>
          st.engines
            .filter((e) => e.status === 'fail' || e.status === 'error')
            .flatMap((e) => (e.log ? [`${e.engine}\u0000${e.log}`] : [])),
        ),
      ),
    ];
    if (logs.length)
      parts.push(
        `<p>Logs: ${logs
          .map((l) => {
            const [engine, path] = l.split('\u0000') as [string, string];
            const href = runDir && !relative(runDir, path).startsWith('..') ? relative(runDir, path) : `file://${path}`;
            return `<a href="${html(href)}">${html(engine)}</a>`;
          })
          .join(', ')}</p>`,
      );
    parts.push('</section>');
    out.push(parts.join('\n'));
  }
  return out.join('\n') || '<p>No failures and no known deviations.</p>';
}

const linkHtml = (upstream: string | undefined) => {
  const ref = upstreamReference(upstream);
  return ref.url ? `<a href="${html(ref.url)}">${html(ref.text)}</a>` : html(ref.text);
};

const cellAnchor = (cell: string) => `cell-${cell.replace(/[^A-Za-z0-9.]+/g, '-')}`;

/** Writer releases down, reader releases across, each square colored by its worst scenario. */
function renderGrid(raw: RawResults, baseline?: BaselineDiff): string {
  const grid = versionGrid(raw);
  if (!grid.squares.length) return '';
  const broken = new Set(newlyBrokenPairs(raw, baseline?.newlyFailing ?? []));
  const rows = grid.writers.map((w) => {
    const tds = grid.readers.map((r) => {
      const sq = grid.squares.find((s) => s.writer === w && s.reader === r);
      if (!sq) return '<td class="none">–</td>';
      const c = sq.counts;
      const text = `${c.pass + c.known} passed${c.known ? ` (${c.known} known)` : ''}${c.fail + c.error ? `, ${c.fail + c.error} failed` : ''}${c.skip ? `, ${c.skip} skipped` : ''}`;
      const isNew = broken.has(`${w}>${r}`) ? ' new' : '';
      return `<td class="${sq.status}${isNew}" data-writer="${html(w)}" data-reader="${html(r)}"><a href="#${html(cellAnchor(sq.cell))}">${html(text)}</a></td>`;
    });
    return `<tr><th scope="row">${html(w)}</th>${tds.join('')}</tr>`;
  });
  return `<h2>Versions: written by (rows) × read by (columns)</h2>
<table id="version-grid"><thead><tr><th>writer \\ reader</th>${grid.readers.map((r) => `<th>${html(r)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
`;
}

export class HtmlMatrixReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string, baseline?: BaselineDiff): Promise<void> {
    await writeFile(join(runDir, 'matrix.html'), renderHtmlMatrix(raw, baseline, runDir));
  }
}
