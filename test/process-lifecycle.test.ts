import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive as alive, provisionDefault, testRunDir } from './support.ts';

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return cond();
}

/** Starts the environment in a child harness and returns the PIDs of the processes it started. */
async function startHarness(dir: string, engines?: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fixtures/lifecycle/start-environment.ts', dir, ...(engines ? [engines] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const pids = await new Promise<number[]>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { pids: number[] }).pids);
    });
    child.on('exit', (code) => reject(new Error(`harness exited early (${code})`)));
  });
  return { child, pids };
}

describe('no orphan processes', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('after the harness gets %s, the catalog and gateways are gone', async (signal) => {
    await provisionDefault();
    const { child, pids } = await startHarness(await testRunDir(`lifecycle-${signal.toLowerCase()}`));
    expect(pids).toHaveLength(3);
    expect(pids.every(alive)).toBe(true);
    child.kill(signal);
    // SIGKILL gives the harness no chance to clean up: the children notice their stdin close.
    expect(await waitFor(() => !pids.some(alive), 20_000)).toBe(true);
  });

  /** Flink's JVMs (JobManager, TaskManager, SQL Gateway) of one run: their command lines name its config folder. */
  const flinkJvms = (dir: string) => {
    try {
      return execFileSync('pgrep', ['-f', `java.*${dir}/flink-conf`])
        .toString()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };

  it.each(['SIGINT', 'SIGKILL'] as const)('after the harness gets %s, no Flink JVM survives', async (signal) => {
    const dir = await testRunDir(`lifecycle-flink-${signal.toLowerCase()}`);
    const { child } = await startHarness(dir, 'pypaimon,flink');
    const jvms = flinkJvms(dir);
    expect(jvms).toHaveLength(3);
    child.kill(signal);
    // SIGKILL: each JVM's exit-with-stdin.sh sees the harness's pipe close, then stops it.
    expect(await waitFor(() => !jvms.some(alive), 30_000)).toBe(true);
    expect(flinkJvms(dir)).toEqual([]);
  });
});
