import type { WireEntry } from '../catalog/index.ts';
import type { Loc } from '../scenario/index.ts';
import type { StepResult } from './scenario-result.ts';

/** Wire trace lines a failure message shows (the report keeps all, with bodies). */
const WIRE_LINES = 12;

const where = (loc: Loc) => `${loc.file}:${loc.line}:${loc.col}`;

/** One request of a wire trace as reports show it: `GET /v1/…/tables/t -> 200 in 45 ms (python-requests/2.34.2)`. */
export function wireLine(w: WireEntry): string {
  return `${w.method} ${w.path} -> ${w.status || 'no answer'} in ${w.ms} ms${w.client ? ` (${w.client.split(' ')[0]})` : ''}`;
}

/** The message a failing scenario shows: file:line, step, engine, statement, diff, log pointer. */
export function renderStepFailure(scenarioName: string, step: StepResult, logs: Record<string, string> = {}): string {
  const lines = [`scenario '${scenarioName}' failed at step ${step.index + 1} "${step.name}" (${where(step.loc)})`];
  // Engines that hung together share one capture: its digest is shown once.
  const shownEvidence = new Set<string>();
  for (const e of step.engines) {
    if (e.status === 'pass' || e.status === 'skip') continue;
    lines.push(
      `  on ${e.engine}: ${e.status === 'error' ? (e.infrastructure ? 'infrastructure error' : 'environment error') : 'expectation not met'}${e.reason ? ` (${e.reason})` : ''}`,
    );
    if (e.statement) lines.push(`    statement: ${e.statement.length > 500 ? `${e.statement.slice(0, 500)}…` : e.statement}`);
    for (const f of e.failures) {
      lines.push(`    ${f.aspect}: -expected +actual`);
      for (const d of f.diff) lines.push(`      ${d}`);
    }
    const log = e.log ?? logs[e.engine];
    if (log) lines.push(`    log: ${log}`);
    if (e.logTail) lines.push('    log tail:', ...e.logTail.split('\n').map((l) => `      | ${l}`));
    if (e.evidence && shownEvidence.has(e.evidence.dir)) lines.push(`    evidence taken at the hang: as above (${e.evidence.dir})`);
    else if (e.evidence) {
      shownEvidence.add(e.evidence.dir);
      lines.push(
        `    evidence taken at the hang (${e.evidence.files.length} file(s) in ${e.evidence.dir}):`,
        ...e.evidence.digest.map((l) => `      ${l}`),
      );
    }
  }
  for (const d of step.disagreements) {
    lines.push(`  engines disagree (${d.aspect}): -first +other`);
    for (const l of d.diff) lines.push(`      ${l}`);
  }
  if (step.wire?.length) {
    const shown = step.wire.slice(-WIRE_LINES);
    lines.push(
      `  wire: ${step.wire.length} request(s) to the catalog during the step${shown.length < step.wire.length ? `, the last ${shown.length}` : ''} (bodies in raw-results.json)`,
    );
    for (const w of shown) lines.push(`    ${wireLine(w)}`);
  }
  return lines.join('\n');
}
