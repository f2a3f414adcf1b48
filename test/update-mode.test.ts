import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode, testRunDir } from './support.ts';

/** The CLI's exit code and its output, stdout then stderr. */
const cli = (...args: string[]) => runNode(['bin/paimon-interop.mjs', ...args]).then((r) => ({ code: r.code, out: r.stdout + r.stderr }));

describe('run --update on real engines', () => {
  it('fails on stale rows, rewrites them from the engines with --update, then passes', async () => {
    const dir = await testRunDir('update');
    const file = relative(process.cwd(), join(dir, 'stale.yaml'));
    await writeFile(
      file,
      [
        'name: update-me',
        'steps:',
        '  - on: pypaimon',
        '    create-table: { table: t, columns: { id: INT, name: STRING } }',
        '  - on: pypaimon',
        "    insert: { table: t, rows: [[2, b], [1, 'a']] }",
        '  - name: read back # the rows below are stale on purpose',
        '    on: pypaimon',
        '    read: { table: t, order-by: [id] }',
        '    expect:',
        '      ordered: true',
        '      rows: [[1, stale]]',
        '',
      ].join('\n'),
    );
    const reports = join(dir, 'reports');

    const before = await cli('run', file, '--engine', 'pypaimon', '--reports-dir', reports, '--known-issues', join(dir, 'none.yaml'));
    expect(before.code).toBe(1);
    expect(before.out).toContain('- 1 | stale');

    const updated = await cli(
      'run',
      file,
      '--engine',
      'pypaimon',
      '--update',
      '--reports-dir',
      reports,
      '--known-issues',
      join(dir, 'none.yaml'),
    );
    expect(updated.code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# the rows below are stale on purpose');
    expect(text).toMatch(/- \[ 1, a \]\n\s+- \[ 2, b \]/);

    const after = await cli('run', file, '--engine', 'pypaimon', '--reports-dir', reports, '--known-issues', join(dir, 'none.yaml'));
    expect(after.code).toBe(0);
    expect(after.out).toContain('interop: 1 passed, 0 failed, 0 skipped');
  });
});
