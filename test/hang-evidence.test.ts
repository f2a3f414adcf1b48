import { execFileSync, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { rawResultsOf, testRunDir } from './support.ts';

/** The reference catalog's JVM among the CLI's descendants (the Java reference server runs CatalogLauncher). */
function catalogJvm(root: number): number | undefined {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args=']).toString().trim().split('\n').map((l) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)!;
    return { pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! };
  });
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) if (below.has(r.ppid) && !below.has(r.pid)) (below.add(r.pid), (grew = true));
  }
  return rows.find((r) => below.has(r.pid) && /\bjava\b.*\bCatalogLauncher\b/.test(r.args))?.pid;
}

describe('a hang leaves evidence taken at the moment it happened', () => {
  it('a step that hangs on a paused catalog carries thread dumps, Python stacks and Flink jobs in raw results and the failure text', async () => {
    const dir = await testRunDir('hang');
    const cli = spawn(process.execPath, ['bin/paimon-interop.mjs', 'run', 'test/fixtures/hang', '--engine', 'pypaimon,paimon-java,flink', '--jobs', '1', '--reports-dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PAIMON_INTEROP_STEP_TIMEOUT_MS: '20000' },
    });
    let stdout = '';
    let stderr = '';
    let paused: number | undefined;
    let resumed = false;
    cli.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (paused === undefined && /hang-victims step 2 /.test(stdout)) {
        paused = catalogJvm(cli.pid!) ?? -1;
        if (paused > 0) process.kill(paused, 'SIGSTOP');
      }
      // Step 3 ended (timed out with evidence): the catalog goes on, so the run can clean up.
      if (paused && paused > 0 && !resumed && /hang-victims step 3 /.test(stdout)) {
        resumed = true;
        process.kill(paused, 'SIGCONT');
      }
    });
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('exit', (c) => resolve(c)));
    if (paused && paused > 0 && !resumed) process.kill(paused, 'SIGCONT');

    expect(paused, 'the catalog JVM was found and paused').toBeGreaterThan(0);
    expect(code, stderr.slice(-3000)).toBe(1);
    const raw = await rawResultsOf(dir, stdout);
    const victims = raw.scenarios.find((s) => s.name === 'hang-victims')!;
    const read = victims.steps[2]!;
    for (const engine of ['pypaimon', 'paimon-java', 'flink']) {
      const e = read.engines.find((x) => x.engine === engine)!;
      expect(e.error?.errorClass, engine).toBe('timeout');
      expect(e.evidence?.files.length, engine).toBeGreaterThan(0);
    }
    const evidence = read.engines[0]!.evidence!;
    // The paused catalog cannot answer a dump; the state says why.
    expect(evidence.digest.join('\n')).toMatch(/catalog \(JVM pid \d+\): stopped \(state T/);
    // pypaimon's request thread waits for the catalog's answer; the Java gateway's thread is in Paimon's REST client.
    const stacks = evidence.files.find((f) => f.component === 'pypaimon' && f.what === 'python stacks')!;
    expect(await readFile(stacks.path, 'utf8')).toMatch(/pypaimon_gateway\.py/);
    expect(evidence.digest.join('\n')).toMatch(/pypaimon \(pid \d+\): \d+ threads, [1-9]\d* serving a request/);
    const javaDump = evidence.files.find((f) => f.component === 'paimon-java' && f.what === 'thread dump')!;
    expect(await readFile(javaDump.path, 'utf8')).toMatch(/org\.apache\.paimon\.rest\./);
    for (const c of ['flink-jobmanager', 'flink-taskmanager', 'flink-sql-gateway']) expect(evidence.files.some((f) => f.component === c && f.what === 'thread dump'), c).toBe(true);
    expect(evidence.files.some((f) => f.what === 'flink jobs')).toBe(true);
    // The failure text carries the digest and where the files are.
    expect(victims.failure).toMatch(/evidence taken at the hang \(\d+ file\(s\) in .*evidence/);
    expect(stderr).not.toMatch(/internal error/);
  }, 600_000);
});
