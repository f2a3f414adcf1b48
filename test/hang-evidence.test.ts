import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunComparison } from '../harness/verdicts/index.ts';
import { descendants, rawResultsOf, reportedRunDir, testRunDir } from './support.ts';

/** The reference catalog's JVM among the CLI's descendants (the Java reference server runs CatalogLauncher). */
const catalogJvm = (root: number) => descendants(root).find((p) => /\bjava\b.*\bCatalogLauncher\b/.test(p.args))?.pid;

const count = (text: string, re: RegExp) => text.match(new RegExp(re, 'g'))?.length ?? 0;

describe('a hang in one of three runs (--repeat 3)', () => {
  it('leaves thread dumps, Python stacks and Flink jobs taken at the hang, and the instance is flaky while the other stays stable', async () => {
    const dir = await testRunDir('hang');
    const cli = spawn(
      process.execPath,
      [
        'bin/paimon-interop.mjs',
        'run',
        'test/fixtures/hang',
        '--engine',
        'pypaimon,paimon-java,flink',
        '--jobs',
        '1',
        '--repeat',
        '3',
        '--reports-dir',
        dir,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, PAIMON_INTEROP_STEP_TIMEOUT_MS: '20000' },
      },
    );
    let stdout = '';
    let stderr = '';
    let paused: number | undefined;
    let resumed = false;
    cli.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // The second run's step 1 is done: pause the catalog (three marks of time later, every engine's read in step 5 hangs).
      if (paused === undefined && count(stdout, /hang-victims step 1 /) === 2) {
        paused = catalogJvm(cli.pid!) ?? -1;
        if (paused > 0) process.kill(paused, 'SIGSTOP');
      }
      // Step 5 ended (timed out, evidence taken): the catalog goes on for the rest of the runs.
      if (paused && paused > 0 && !resumed && count(stdout, /hang-victims step 5 /) === 2) {
        resumed = true;
        process.kill(paused, 'SIGCONT');
      }
    });
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('exit', (c) => resolve(c)));
    if (paused && paused > 0 && !resumed) process.kill(paused, 'SIGCONT');

    expect(paused, 'the catalog JVM was found and paused').toBeGreaterThan(0);
    // A flaky instance fails the run: it is reported from its failing run.
    expect(code, stderr.slice(-3000)).toBe(1);
    expect(stderr).not.toMatch(/internal error/);
    expect(stdout).toContain('repeat: 3 runs: 1 stable pass, 0 stable fail, 1 flaky (stability.md)');
    expect(stdout).toMatch(/flaky \[local\/paimon-[^\]]+\] test\/fixtures\/hang\/a-hang\.yaml#hang-victims: pass \/ fail \/ pass/);
    expect(stdout).toMatch(/ {2}step 5 "every engine reads while the catalog is paused" on flink: pass \/ fail \/ pass/);

    const raw = await rawResultsOf(dir, stdout);
    const victims = raw.scenarios.find((s) => s.name === 'hang-victims')!;
    expect(victims.repeat).toMatchObject({ verdict: 'flaky', outcomes: ['pass', 'fail', 'pass'] });
    expect(victims.repeat!.flakySteps.map((s) => s.engine).sort()).toEqual(['flink', 'paimon-java', 'pypaimon']);
    expect(raw.scenarios.find((s) => s.name === 'hang-steady')!.repeat).toMatchObject({
      verdict: 'stable-pass',
      outcomes: ['pass', 'pass', 'pass'],
    });

    // The reported run is the failing one, with what was taken at the hang.
    const read = victims.steps[4]!;
    for (const engine of ['pypaimon', 'paimon-java', 'flink']) {
      const e = read.engines.find((x) => x.engine === engine)!;
      expect(e.error?.errorClass, engine).toBe('timeout');
      expect(e.evidence?.files.length, engine).toBeGreaterThan(0);
    }
    const evidence = read.engines[0]!.evidence!;
    const digest = evidence.digest.join('\n');
    // The paused catalog cannot answer a dump; its state says why.
    expect(digest).toMatch(/catalog \(JVM pid \d+\): stopped \(state T/);
    // pypaimon's request thread waits for the catalog in its REST client; so do the JVMs' threads.
    expect(digest).toMatch(/pypaimon \(pid \d+\): \d+ threads, 1 serving a request\n {2}1 request thread\(s\) in .* ← pypaimon\/api\//);
    expect(digest).toMatch(
      /paimon-java \(JVM pid \d+\): \d+ threads, [1-9]\d* in Paimon's or the harness's code\n {2}\d thread\(s\) \w+ in .* ← paimon\.rest\./,
    );
    const stacks = evidence.files.find((f) => f.component === 'pypaimon' && f.what === 'python stacks')!;
    expect(await readFile(stacks.path, 'utf8')).toMatch(/pypaimon_gateway\.py/);
    const javaDump = evidence.files.find((f) => f.component === 'paimon-java' && f.what === 'thread dump')!;
    expect(await readFile(javaDump.path, 'utf8')).toMatch(/org\.apache\.paimon\.rest\./);
    for (const c of ['flink-jobmanager', 'flink-taskmanager', 'flink-sql-gateway'])
      expect(
        evidence.files.some((f) => f.component === c && f.what === 'thread dump'),
        c,
      ).toBe(true);
    expect(evidence.files.some((f) => f.what === 'flink jobs')).toBe(true);
    expect(victims.failure).toMatch(/evidence taken at the hang \(\d+ file\(s\) in .*evidence/);
    expect(count(victims.failure!, /evidence taken at the hang: as above/)).toBe(2);

    // The reports say it too: stability.md, the summary and the matrix's flaky cells.
    const runDir = reportedRunDir(dir, stdout);
    const stability = JSON.parse(await readFile(join(runDir, 'stability.json'), 'utf8')) as RunComparison;
    expect(stability.runs).toBe(3);
    // Each run names its databases apart; that is no content change.
    expect(stability.instances.find((i) => i.id.endsWith('#hang-steady'))).toMatchObject({ verdict: 'stable-pass', content: [] });
    expect(await readFile(join(runDir, 'stability.md'), 'utf8')).toContain('**3 runs: 1 stable pass, 0 stable fail, 1 flaky;');
    expect(await readFile(join(runDir, 'summary.md'), 'utf8')).toContain('## Stability over 3 runs (--repeat)');
    const matrix = await readFile(join(runDir, 'matrix.html'), 'utf8');
    // Three engines' cells, in the failing runs' table on top and in their area.
    expect(count(matrix, /<td class="fail flaky"/)).toBe(6);
  }, 900_000);
});
