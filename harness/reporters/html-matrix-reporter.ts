import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import type { BaselineDiff } from './baseline-diff.ts';
import type { CellScenarioResult, RawResults } from '../verdicts/index.ts';
import type { Reporter } from './reporter.ts';
import { newlyBrokenPairs, versionGrid } from './version-grid.ts';

export type MatrixStatus = 'pass' | 'known' | 'fail' | 'error' | 'skip' | 'none';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const RANK: MatrixStatus[] = ['none', 'skip', 'pass', 'known', 'fail', 'error'];
const worst = (a: MatrixStatus, b: MatrixStatus) => (RANK.indexOf(a) >= RANK.indexOf(b) ? a : b);

/** What one engine did in one scenario run: the worst of its steps; `skip` when it was dropped. */
export function engineStatus(s: CellScenarioResult, engine: string): MatrixStatus {
  if (s.status === 'skip') return 'skip';
  let out: MatrixStatus = 'none';
  for (const st of s.steps) {
    for (const e of st.engines) if (e.engine === engine) out = worst(out, e.status === 'skip' ? 'skip' : e.status);
    if (st.skippedEngines.some((x) => x.engine === engine)) out = worst(out, 'skip');
    if (st.disagreements.some((d) => d.aspect.split(' ')[1]?.split('~').includes(engine))) out = worst(out, 'fail');
  }
  return out;
}

/** Engines that appear in a cell's results, in a stable order. */
function enginesOf(raw: RawResults, cell: string): string[] {
  const set = new Set<string>();
  for (const s of raw.scenarios.filter((x) => x.cell === cell)) {
    for (const st of s.steps) {
      for (const e of st.engines) if (!['catalog', 'harness', 'access-control'].includes(e.engine)) set.add(e.engine);
      for (const e of st.skippedEngines) set.add(e.engine);
    }
  }
  return [...set].sort();
}

const LABEL: Record<MatrixStatus, string> = { pass: 'pass', known: 'known', fail: 'FAIL', error: 'ERROR', skip: 'skip', none: '–' };

/**
 * One self-contained HTML page: scenarios down, matrix cells (Paimon version x engine) across,
 * colored by status; every failing or known cell links to its diff further down the page.
 */
export function renderHtmlMatrix(raw: RawResults, baseline?: BaselineDiff): string {
  const columns = raw.cells.flatMap((c) => enginesOf(raw, c.id).map((engine) => ({ cell: c.id, engine })));
  const ids = [...new Set(raw.scenarios.map((s) => s.id))].sort(byteOrder);
  const details: string[] = [];
  const newly = new Set(baseline?.newlyFailing ?? []);
  const rows = ids.map((id) => {
    const cells = columns.map(({ cell, engine }) => {
      const s = raw.scenarios.find((x) => x.id === id && x.cell === cell);
      const st: MatrixStatus = s ? engineStatus(s, engine) : 'none';
      let label = html(LABEL[st]);
      if (s && (st === 'fail' || st === 'error' || st === 'known')) {
        const anchor = `d${details.length + 1}`;
        const text = st === 'known' ? s.steps.flatMap((x) => x.engines.filter((e) => e.engine === engine && e.known).map((e) => `${e.known!.id}: ${e.known!.reason}\n${e.failures.flatMap((f) => f.diff).join('\n')}`)).join('\n\n') : (s.failure ?? s.reason ?? '');
        details.push(`<section id="${anchor}"><h3>${html(id)} — ${html(cell)} — ${html(engine)}</h3><pre>${html(text)}</pre></section>`);
        label = `<a href="#${anchor}">${label}</a>`;
      }
      // `--repeat`: a cell whose steps on this engine changed verdict between runs.
      const flakySteps = s?.repeat?.flakySteps.filter((x) => x.engine === engine) ?? [];
      const flaky = flakySteps.length ? ` flaky` : '';
      if (flaky) label += ` <small>flaky ${html(flakySteps[0]!.outcomes.join('/'))}</small>`;
      const title = s?.status === 'skip' ? ` title="${html(s.reason ?? '')}"` : flaky ? ` title="${html(flakySteps.map((x) => `step ${x.index + 1} ${x.name}: ${x.outcomes.join(' / ')}`).join('; '))}"` : '';
      const isNew = newly.has(`${cell} | ${id}`) && (st === 'fail' || st === 'error') ? ' new' : '';
      return `<td class="${st}${isNew}${flaky}" data-cell="${html(cell)}" data-engine="${html(engine)}"${title}>${label}</td>`;
    });
    return `<tr data-scenario="${html(id)}"><th scope="row">${html(id)}</th>${cells.join('')}</tr>`;
  });
  const cellHeads = raw.cells.map((c) => `<th id="${html(cellAnchor(c.id))}" colspan="${enginesOf(raw, c.id).length}">${html(c.id)}</th>`).join('');
  const engineHeads = columns.map((c) => `<th>${html(c.engine)}</th>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>paimon-interop ${html(raw.runId)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:24px;color:#1b1f24}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:center}
th[scope=row]{text-align:left;font-weight:normal;font-family:monospace;font-size:12px}
td.pass{background:#d1f7d6}td.known{background:#fff3bf}td.fail,td.error{background:#ffd6d6;font-weight:bold}
td.skip{background:#eceff1;color:#57606a}td.none{color:#8c959f}td.new{outline:3px solid #cf222e}td.flaky{outline:3px dashed #8250df}
td a{color:inherit}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px}
</style></head><body>
<h1>paimon-interop compatibility matrix</h1>
<p>Run <code>${html(raw.runId)}</code>, ${html(raw.startedAt)} – ${html(raw.finishedAt)}. ${raw.cells.map((c) => `<b>${html(c.id)}</b>: ${html(Object.entries(c.versions).map(([k, v]) => `${k} ${v}`).join(', '))}`).join('; ')}.</p>
<p class="legend"><span class="pass" style="background:#d1f7d6">pass</span><span style="background:#fff3bf">known deviation</span><span style="background:#ffd6d6">fail</span><span style="background:#eceff1">skip</span>${baseline ? '<span style="outline:3px solid #cf222e">newly failing</span>' : ''}${raw.scenarios.some((s) => s.repeat?.verdict === 'flaky') ? `<span style="outline:3px dashed #8250df">flaky over ${raw.scenarios.find((s) => s.repeat)!.repeat!.outcomes.length} runs (--repeat)</span>` : ''}</p>
${renderGrid(raw, baseline)}<table id="matrix"><thead><tr><th rowspan="2">scenario</th>${cellHeads}</tr><tr>${engineHeads}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<h2>Details</h2>
${details.join('\n') || '<p>No failures and no known deviations.</p>'}
</body></html>
`;
}

const cellAnchor = (cell: string) => `cell-${cell.replace(/[^A-Za-z0-9.]+/g, '-')}`;

/** Writer releases down, reader releases across, each square colored by its worst scenario, linking to its column. */
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
<h2>Scenarios</h2>
`;
}

export class HtmlMatrixReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string, baseline?: BaselineDiff): Promise<void> {
    await writeFile(join(runDir, 'matrix.html'), renderHtmlMatrix(raw, baseline));
  }
}
