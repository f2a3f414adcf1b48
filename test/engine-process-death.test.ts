import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants, isAlive, rawResultsOf, reportedRunDir, testRunDir } from './support.ts';

/** The engine processes of a run, found among the CLI's descendants by their command line. */
const ENGINE_PROCESSES: Record<string, RegExp> = {
  pypaimon: /pypaimon_gateway\.py/,
  'paimon-rust': /paimon_rust_gateway\.py/,
  'paimon-java': /\bJavaGateway\b/,
  // Flink's engine is its SQL Gateway (the harness's only way in); the cluster stays up.
  flink: /\bjava\b.*org\.apache\.flink\.table\.gateway\.SqlGateway\b/,
};

describe('a killed engine process is an infrastructure error, on every local engine', () => {
  it('its steps end as infrastructure errors with the log tail, the other scenarios still run, the run exits 2, nothing is left running', async () => {
    const dir = await testRunDir('engine-death');
    const cli = spawn(
      process.execPath,
      ['bin/paimon-interop.mjs', 'run', 'test/fixtures/engine-death', '--jobs', '1', '--reports-dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    const killed: Record<string, number> = {};
    let tree: { pid: number; args: string }[] = [];
    cli.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Step 2 wrote 200,000 rows; step 3 (every engine reads them) is starting: kill the engines now.
      if (!Object.keys(killed).length && /engine-death-victims step 2 /.test(stdout)) {
        const procs = descendants(cli.pid!);
        tree = procs;
        for (const [engine, pattern] of Object.entries(ENGINE_PROCESSES)) {
          const p = procs.find((x) => pattern.test(x.args));
          if (!p) continue;
          process.kill(p.pid, 'SIGKILL');
          killed[engine] = p.pid;
        }
      }
    });
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.on('exit', (c) => resolve(c)));
    process.stderr.write(`[engine-death] killed ${JSON.stringify(killed)}\n`);

    expect(Object.keys(killed).sort()).toEqual(['flink', 'paimon-java', 'paimon-rust', 'pypaimon']);
    expect(code, stderr.slice(-3000)).toBe(2);
    expect(stdout).toMatch(/interop: 1 passed, 0 failed, 0 skipped, 2 stopped by an infrastructure error \(exit 2\)/);
    // A gateway is the killed process itself (SIGKILL); Flink's SQL Gateway runs under its start script (exit 137).
    for (const engine of Object.keys(ENGINE_PROCESSES))
      expect(stderr).toMatch(new RegExp(`\\[env\\] [^\\n]*${engine}[^\\n]*: exited during the run \\((SIGKILL|code 137)\\)`));
    expect(stderr).not.toMatch(/internal error|at .*\.ts:\d+/);

    const raw = await rawResultsOf(dir, stdout);
    const byName = new Map(raw.scenarios.map((s) => [s.name, s]));
    const victims = byName.get('engine-death-victims')!;
    expect(victims.status).toBe('error');
    expect(victims.steps.slice(0, 2).map((s) => s.status)).toEqual(['pass', 'pass']);
    const read = victims.steps[2]!;
    for (const engine of Object.keys(ENGINE_PROCESSES)) {
      expect(
        read.engines.find((e) => e.engine === engine),
        engine,
      ).toMatchObject({ status: 'error', infrastructure: true, reason: expect.stringContaining(engine) });
    }
    expect(byName.get('engine-death-catalog-only')!.status).toBe('pass');
    const after = byName.get('engine-death-after')!;
    expect(after.status).toBe('error');
    for (const e of after.steps[0]!.engines) {
      expect(e, e.engine).toMatchObject({ status: 'error', infrastructure: true });
      // The log tail shows the death, and a dead engine answers at once: no step waits out a timeout.
      expect(e.logTail, e.engine).toMatch(/exited during the run \((SIGKILL|code 137)\)/);
      expect(e.durationMs, e.engine).toBeLessThan(10_000);
    }
    const summary = await readFile(join(reportedRunDir(dir, stdout), 'summary.md'), 'utf8');
    expect(summary).toContain('2 of the environment: an engine died, hung or was unreachable');
    expect(victims.failure).toContain('infrastructure error');

    // Whatever died or lived, the run stopped every process it had started (the catalog, the Flink cluster).
    expect(tree.length).toBeGreaterThan(4);
    // Flink's start scripts and esbuild's service wind down within seconds of the CLI's exit.
    for (let i = 0; i < 30 && tree.some((p) => isAlive(p.pid)); i++) await new Promise((r) => setTimeout(r, 500));
    expect(tree.filter((p) => isAlive(p.pid)).map((p) => p.args.slice(0, 120))).toEqual([]);
  }, 900_000);
});
