import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { totals, type CellScenarioResult, type RawResults } from '../verdicts/index.ts';
import type { Reporter } from './reporter.ts';

const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function testcase(s: CellScenarioResult): string {
  const name = s.id.slice(s.id.indexOf('#') + 1);
  const open = `    <testcase classname="${xml(s.file)}" name="${xml(name)}" time="${(s.durationMs / 1000).toFixed(3)}">`;
  const body: string[] = [];
  if (s.status === 'fail')
    body.push(`      <failure message="${xml((s.failure ?? '').split('\n')[0] ?? '')}">${xml(s.failure ?? '')}</failure>`);
  if (s.status === 'error')
    body.push(
      `      <error message="${xml(s.reason ?? 'environment error')}">${xml([s.failure ?? s.reason ?? '', s.harnessError?.stack ?? ''].filter(Boolean).join('\n'))}</error>`,
    );
  if (s.status === 'skip') body.push(`      <skipped message="${xml(s.reason ?? '')}"/>`);
  const known = s.steps.flatMap((st) =>
    st.engines
      .filter((e) => e.known)
      .map((e) => `known deviation ${e.known!.id} on ${e.engine} at step ${st.index + 1}: ${e.known!.reason}`),
  );
  if (known.length) body.push(`      <system-out>${xml(known.join('\n'))}</system-out>`);
  return body.length ? [open, ...body, '    </testcase>'].join('\n') : `${open}</testcase>`;
}

/** JUnit XML (what every CI understands), one testsuite per matrix cell, from the raw results. */
export function renderJUnit(raw: RawResults): string {
  const t = totals(raw);
  const suites = raw.cells.map((cell) => {
    const cases = raw.scenarios.filter((s) => s.cell === cell.id);
    const count = (st: string) => cases.filter((s) => s.status === st).length;
    const time = cases.reduce((a, s) => a + s.durationMs, 0) / 1000;
    return [
      `  <testsuite name="${xml(cell.id)}" tests="${cases.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}" time="${time.toFixed(3)}">`,
      ...cases.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="paimon-interop ${xml(raw.runId)}" tests="${raw.scenarios.length}" failures="${t.fail}" errors="${t.error}" skipped="${t.skip}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export class JUnitReporter implements Reporter {
  async onRunEnd(raw: RawResults, runDir: string): Promise<void> {
    await writeFile(join(runDir, 'junit.xml'), renderJUnit(raw));
  }
}
