import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../harness/bench/index.ts';
import { provisionDefault, testRunDir } from './support.ts';

const run = promisify(execFile);

describe('paimon-interop bench', () => {
  it('measures --jobs 1 and --jobs 2 in one invocation, checks the reports agree, and runs one scenario one process per statement', async () => {
    await provisionDefault();
    const dir = await testRunDir('bench');
    const r = await run(
      process.execPath,
      [
        'bin/paimon-interop.mjs',
        'bench',
        'test/fixtures/bench',
        '--jobs',
        '2',
        '--naive',
        'test/fixtures/bench/two-writes.yaml#bench-two-writes',
        '--reports-dir',
        dir,
      ],
      { maxBuffer: 64 * 2 ** 20 },
    );
    const benchDir = /bench: (\S+)\/bench\.json/.exec(r.stdout)![1]!;
    const b = JSON.parse(await readFile(join(benchDir, 'bench.json'), 'utf8')) as BenchReport;
    expect(b.runs.map((x) => [x.jobs, x.exit, x.totals?.pass])).toEqual([
      [1, 0, 2],
      [2, 0, 2],
    ]);
    expect(b.identicalVerdicts).toBe(true);
    expect(b.verdictChanges).toEqual([]);
    expect(b.contentChanges).toEqual([]);
    for (const x of b.runs) expect(x.wallMs).toBeGreaterThanOrEqual(x.startupMs + x.suiteMs);
    expect(b.runs[0]!.overheadRatio).toBeGreaterThan(0);
    expect(b.runs[0]!.overheadRatio).toBeLessThan(1);
    expect(b.speedup.wall).toBeGreaterThan(0);
    expect(b.engines).toContainEqual(expect.objectContaining({ engine: 'pypaimon', statements: 5 }));
    expect(b.startup.map((s) => s.component)).toEqual(expect.arrayContaining(['catalog', 'pypaimon']));
    const rss = new Map(b.peakRss.map((p) => [p.component, p.peakMiB]));
    for (const c of ['catalog', 'pypaimon', 'harness: CLI']) expect(rss.get(c), c).toBeGreaterThan(10);
    // Naive: a fresh python per pypaimon statement, all as the scenario expects, slower than the harness.
    expect(b.naive).toMatchObject({
      scenario: 'test/fixtures/bench/two-writes.yaml#bench-two-writes',
      engines: ['pypaimon'],
      statements: 4,
      harnessStatus: 'pass',
      failures: [],
    });
    const naive = b.naive as Extract<BenchReport['naive'], { ratio: number }>;
    expect(naive.ratio).toBeGreaterThan(1);
    const md = await readFile(join(benchDir, 'bench.md'), 'utf8');
    expect(md).toContain('| --jobs 1 |');
    expect(md).toMatch(/--jobs 2 over --jobs 1: [\d.]+×/);
    expect(md).toContain('Verdicts identical; content identical apart from timings.');
    expect(md).toContain('One process per statement takes');
    expect(r.stdout).toContain('| pypaimon | 5 |');
  }, 600_000);
});
