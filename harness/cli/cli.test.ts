import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
// No Docker is ever reached from a unit test: DOCKER_HOST names a socket that does not exist, so the
// docker environment must fail fast here even on a machine that has Docker; the timeout kills a child
// that would not.
const NO_DOCKER = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/paimon-interop-test.sock' };
const cli = (...args: string[]) =>
  run(process.execPath, ['bin/paimon-interop.mjs', ...args], { env: NO_DOCKER, timeout: 60_000, killSignal: 'SIGKILL' }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

// Each test starts the CLI as a child process: on a loaded 2-core machine that takes more than vitest's default 5 s.
describe('paimon-interop CLI', { timeout: 60_000 }, () => {
  it('validate passes on the shipped scenarios', async () => {
    const r = await cli('validate', 'scenarios/');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scenario\(s\) in \d+ file\(s\) are valid/);
  });

  it('validate exits 1 naming the file and line of a wrong key, with a code frame and no stack', async () => {
    const r = await cli('validate', 'test/fixtures/validate/wrong-key.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('test/fixtures/validate/wrong-key.yaml:7:7 UNKNOWN_KEY');
    expect(r.stderr).toContain('> 7 |       rowz: [[1]]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown environment in one line with exit code 2', async () => {
    const r = await cli('run', '--env', 'nowhere');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "environment error [environment] ENV_CONFIG: unknown environment 'nowhere' (available: local, external, docker)",
    );
  });

  it('--env docker without a container runtime prints the one clear line and exits non-zero', async () => {
    const r = await cli('run', '--env', 'docker');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'environment error [docker] ENV_UNAVAILABLE: no container runtime found: use --env local or --env external',
    );
  });

  it('rejects a malformed --shard without a stack trace', async () => {
    const r = await cli('list', '--shard', 'x');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--shard takes i/n');
  });

  it('refuses an option the command does not take, in one line naming the command and its options', async () => {
    const r = await cli('list', '--out', 'x.md');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("paimon-interop: --out is not an option of 'list' (its options: --tag --tier --engine --shard)");
    expect(r.stderr).not.toMatch(/\bat \S+\.ts:\d+/);
  });
});
