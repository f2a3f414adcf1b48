import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawResultsOf, reportedRunDir, runNode, testRunDir } from './support.ts';

describe('a real cross-version cell', () => {
  it('2.0.0>1.4.2: the writer release creates and writes, the reader release appends, alters and compacts, then both read (rolling-upgrade)', async () => {
    const dir = await testRunDir('cross');
    const r = await runNode([
      'bin/paimon-interop.mjs',
      'run',
      'scenarios/upgrade',
      '--cross',
      '2.0.0>1.4.2',
      '--engine',
      'paimon-java,flink',
      '--reports-dir',
      dir,
    ]);
    expect(r.stdout, r.stderr.slice(-3000)).toContain('interop: 1 passed, 0 failed, 0 skipped');
    const raw = await rawResultsOf(dir, r.stdout);
    expect(raw.cells.map((c) => [c.id, c.writer, c.paimon])).toEqual([['local/paimon-2.0.0>1.4.2', '2.0.0', '1.4.2']]);
    expect(raw.cells[0]!.versions).toMatchObject({ 'paimon-java (writer)': '2.0.0', 'paimon-java': '1.4.2' });
    const steps = raw.scenarios[0]!.steps;
    const javaLog = (i: number) => steps[i]!.engines.find((e) => e.engine === 'paimon-java')!.log!;
    // A's steps ran on the 2.0.0 client, B's on 1.4.2's, whatever their kind.
    for (const i of [0, 1, 6]) expect(javaLog(i), steps[i]!.name).toMatch(/paimon-java@2\.0\.0\.log$/);
    for (const i of [2, 4, 7]) expect(javaLog(i), steps[i]!.name).toMatch(/paimon-java\.log$/);
    // The pypaimon readers are not requested here: skipped with the reason, never replaced by another release's.
    expect(steps[6]!.skippedEngines.map((e) => e.engine)).toContain('pypaimon');
    const page = await readFile(join(reportedRunDir(dir, r.stdout), 'matrix.html'), 'utf8');
    expect(page).toMatch(/<td class="pass" data-writer="2\.0\.0" data-reader="1\.4\.2">/);
  }, 900_000);
});
