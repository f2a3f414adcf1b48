import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode, testRunDir } from './support.ts';

/** Whether a Docker engine answers; where none runs but Debian's dockerd is installed and we are root, one is started for this file. */
function dockerAnswers(timeoutMs = 10_000): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: timeoutMs });
    return true;
  } catch {
    return false;
  }
}

function hasDockerd(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v dockerd && command -v docker'], { stdio: 'ignore' });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

let daemon: ChildProcess | undefined;
let why = '';
beforeAll(async () => {
  if (dockerAnswers()) return;
  if (!hasDockerd()) {
    why = 'no Docker engine here (install docker.io and run as root to run this test)';
    return;
  }
  daemon = spawn('dockerd', [], { stdio: 'ignore' });
  daemon.on('error', () => undefined);
  const until = Date.now() + 40_000;
  while (Date.now() < until && daemon.exitCode === null && !dockerAnswers(3_000)) await new Promise((r) => setTimeout(r, 500));
  if (!dockerAnswers(3_000))
    why = `dockerd did not start here${daemon.exitCode !== null ? ` (it exited with ${daemon.exitCode})` : ''}: a container without the privileges it needs?`;
}, 90_000);
afterAll(async () => {
  if (!daemon || daemon.exitCode !== null) return;
  const exited = new Promise((r) => daemon!.once('exit', r));
  daemon.kill('SIGTERM');
  await exited;
}, 60_000);

const containers = () => execFileSync('docker', ['ps', '-aq']).toString().trim();
const networks = () =>
  execFileSync('docker', ['network', 'ls', '--format', '{{.Name}}'])
    .toString()
    .trim()
    .split('\n')
    .filter((n) => !['bridge', 'host', 'none'].includes(n));

describe('the docker environment against a Docker engine', () => {
  it('an image no registry can serve is one environment error naming it and what to do, exit 2, nothing left behind', async (ctx) => {
    if (why) ctx.skip(why);
    const before = { containers: containers(), networks: networks() };
    const dir = await testRunDir('docker-pull');
    // A registry name that resolves nowhere: the pull fails the same on every machine, with or without a registry.
    const r = await runNode(
      ['bin/paimon-interop.mjs', 'run', 'test/fixtures/docker', '--env', 'docker', '--engine', 'pypaimon', '--reports-dir', dir],
      { RYUK_CONTAINER_IMAGE: 'registry.invalid/testcontainers/ryuk:0.14.0' },
      300_000,
    );
    expect(r.code, r.stderr).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => /error/i.test(l));
    expect(errors).toEqual([
      expect.stringMatching(
        /^environment error \[image registry\.invalid\/testcontainers\/ryuk:0\.14\.0\] ENV_UNAVAILABLE: cannot be pulled: the registry registry\.invalid is unreachable from this machine \(.*\)\. Pre-pull it where a registry answers .*, point Docker at a registry mirror, or run with --env local$/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect({ containers: containers(), networks: networks() }).toEqual(before);
  }, 320_000);
});
