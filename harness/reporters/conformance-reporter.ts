import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawResults } from '../verdicts/index.ts';
import { conformanceReport, conformancePassed, type CellConformance, type ConformanceReport } from './conformance-report.ts';
import type { Reporter } from './reporter.ts';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const md = (s: string) => oneLine(s).replace(/\|/g, '\\|');
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const scenarioName = (id: string) => id.slice(id.indexOf('#') + 1);

const MARK: Record<string, string> = {
  pass: '✅ pass',
  known: '🟡 known deviation',
  fail: '❌ fail',
  'not exercised': '⚪ not exercised',
  'not claimed': '— not claimed',
};

/** `200×3, 404×1` */
const statusList = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([s, n]) => `${s === '0' ? 'no answer' : s}×${n}`)
    .join(', ');

function cellMarkdown(c: CellConformance): string[] {
  const covered = c.endpoints.filter((e) => e.covered).length;
  const lines = [
    `## ${c.cell}`,
    '',
    `- Catalog: ${c.catalogServer} at ${c.catalog}`,
    `- Specification: Paimon ${c.paimon} (${c.endpoints.length} operations); claimed capabilities: ${c.claimSource}`,
    `- Endpoint coverage: **${covered} of ${c.endpoints.length}** operations were called by the harness or a client`,
    '',
    '### Capabilities',
    '',
    '| capability | verdict | scenarios | what it covers |',
    '|---|---|---|---|',
    ...c.capabilities.map(
      (r) =>
        `| ${r.capability} | ${MARK[r.verdict]} | ${r.scenarios.map((s) => `${scenarioName(s.id)}: ${s.status}${s.known.length ? ` (${s.known.join(', ')})` : ''}`).join('<br>') || '—'} | ${md(r.description)} |`,
    ),
    '',
    '### Endpoints',
    '',
    '| operation | request | since | capability | answers by client |',
    '|---|---|---|---|---|',
    ...c.endpoints.map(
      (e) =>
        `| ${e.covered ? '' : '**not covered:** '}${e.operation} | \`${e.method} ${e.path}\` | ${e.since} | ${e.capability} | ${
          Object.entries(e.byClient)
            .map(([client, st]) => `${client}: ${statusList(st)}`)
            .join('<br>') || '—'
        } |`,
    ),
    '',
  ];
  if (c.knownDeviations.length)
    lines.push('### Known deviations', '', ...c.knownDeviations.map((d) => `- **${d.id}**: ${md(d.reason)}`), '');
  if (c.outsideSpecification.length)
    lines.push(
      '### Requests outside the specification',
      '',
      ...c.outsideSpecification.map((o) => `- \`${o.operation}\` → ${o.status} (${o.client}) ×${o.count}`),
      '',
    );
  return lines;
}

/** The conformance report as Markdown: a page a vendor can publish. */
function renderConformanceMarkdown(report: ConformanceReport): string {
  return [
    `# Paimon REST catalog conformance — run ${report.runId}`,
    '',
    `**${conformancePassed(report) ? 'Conformant' : 'Not conformant'}**: ${conformancePassed(report) ? 'every claimed capability passed, or failed only where a recorded known deviation explains it' : 'a claimed capability failed, or no scenario exercised it'}. Produced by paimon-interop from real clients (pypaimon, Paimon Java, paimon-rust, Flink) and direct REST calls; every answer of a \`rest\` step was checked against the specification's response schema.`,
    '',
    ...report.cells.flatMap(cellMarkdown),
  ].join('\n');
}

/** The same report as one self-contained HTML page. */
function renderConformanceHtml(report: ConformanceReport): string {
  const color: Record<string, string> = {
    pass: '#d4f7d4',
    known: '#fff3c4',
    fail: '#ffd6d6',
    'not exercised': '#eee',
    'not claimed': '#fafafa',
  };
  const cells = report.cells.map((c) => {
    const caps = c.capabilities
      .map(
        (r) =>
          `<tr><td>${html(r.capability)}</td><td style="background:${color[r.verdict]}">${html(MARK[r.verdict]!)}</td><td>${r.scenarios.map((s) => html(`${scenarioName(s.id)}: ${s.status}${s.known.length ? ` (${s.known.join(', ')})` : ''}`)).join('<br>') || '—'}</td><td>${html(r.description)}</td></tr>`,
      )
      .join('\n');
    const eps = c.endpoints
      .map(
        (e) =>
          `<tr${e.covered ? '' : ' style="background:#ffd6d6"'}><td>${html(e.operation)}</td><td><code>${html(`${e.method} ${e.path}`)}</code></td><td>${html(e.since)}</td><td>${html(e.capability)}</td><td>${
            Object.entries(e.byClient)
              .map(([client, st]) => html(`${client}: ${statusList(st)}`))
              .join('<br>') || 'not covered'
          }</td></tr>`,
      )
      .join('\n');
    const known = c.knownDeviations.map((d) => `<li><b>${html(d.id)}</b>: ${html(oneLine(d.reason))}</li>`).join('\n');
    return `<h2>${html(c.cell)}</h2>
<p>Catalog: ${html(c.catalogServer)} at ${html(c.catalog)}<br>Specification: Paimon ${html(c.paimon)}; claimed: ${html(c.claimSource)}<br>Endpoints covered: ${c.endpoints.filter((e) => e.covered).length} of ${c.endpoints.length}</p>
<h3>Capabilities</h3><table><tr><th>capability</th><th>verdict</th><th>scenarios</th><th>what it covers</th></tr>
${caps}</table>
<h3>Endpoints</h3><table><tr><th>operation</th><th>request</th><th>since</th><th>capability</th><th>answers by client</th></tr>
${eps}</table>${known ? `\n<h3>Known deviations</h3><ul>${known}</ul>` : ''}`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Paimon REST catalog conformance ${html(report.runId)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}code{font-size:90%}</style></head><body>
<h1>Paimon REST catalog conformance — run ${html(report.runId)}</h1>
<p><b>${conformancePassed(report) ? 'Conformant' : 'Not conformant'}</b></p>
${cells.join('\n')}
</body></html>
`;
}

/**
 * Writes conformance.json, conformance.md and conformance.html when the run held scenarios that
 * exercise catalog capabilities (`requires.catalog`); other runs get none.
 */
export class ConformanceReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string): Promise<void> {
    if (!raw.scenarios.some((s) => s.catalogCapabilities?.length)) return;
    const report = conformanceReport(raw);
    await writeFile(join(runDir, 'conformance.json'), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(join(runDir, 'conformance.md'), `${renderConformanceMarkdown(report)}\n`);
    await writeFile(join(runDir, 'conformance.html'), renderConformanceHtml(report));
  }
}
