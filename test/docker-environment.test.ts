import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawResultsOf, runNode, testRunDir } from './support.ts';

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
/** The engine's containers and networks, to compare before and after a run. */
const dockerState = () => ({ containers: containers(), networks: networks() });

/** The engine's state once it is back to `before`, or as it is when `ms` have passed (cleanup after a run may take a moment). */
async function settledState(before: ReturnType<typeof dockerState>, ms: number): Promise<ReturnType<typeof dockerState>> {
  const until = Date.now() + ms;
  while (Date.now() < until && JSON.stringify(dockerState()) !== JSON.stringify(before)) await new Promise((r) => setTimeout(r, 1_000));
  return dockerState();
}

/** The CLI's arguments for a docker run of a fixture scenario. */
const dockerRun = (fixture: string, images: 'official' | 'local', dir: string, extra: string[] = []) => [
  'bin/paimon-interop.mjs',
  'run',
  `test/fixtures/docker/${fixture}`,
  '--env',
  'docker',
  '--images',
  images,
  ...extra,
  '--reports-dir',
  dir,
];

/** Whether the test that builds the local images got that far. */
const localImagesBuilt = () => execFileSync('docker', ['images', '-q', 'paimon-interop/jdk:17']).toString().trim() !== '';

describe('the docker environment against a Docker engine', () => {
  it('an image no registry can serve is one environment error naming it and what to do, exit 2, nothing left behind', async (ctx) => {
    if (why) ctx.skip(why);
    const before = dockerState();
    const dir = await testRunDir('docker-pull');
    // A registry name that resolves nowhere: the pull fails the same on every machine, with or without a registry.
    const r = await runNode(
      dockerRun('one-table.yaml', 'official', dir, ['--engine', 'pypaimon']),
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
    expect(dockerState()).toEqual(before);
  }, 320_000);

  it('builds its images here without a registry and runs on them: catalog and Flink in containers, the library engines on the host', async (ctx) => {
    if (why) ctx.skip(why);
    if (!hasCommand('debootstrap')) ctx.skip('no debootstrap here (Debian: apt-get install debootstrap)');
    const before = dockerState();
    const built = await runNode(['bin/paimon-interop.mjs', 'images', 'build'], {}, 1_500_000);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^paimon-interop\/jdk:17 {2}\d+ MiB {2}(built in [\d.]+ s|already here)$/m);
    expect(built.stdout).toMatch(/^paimon-interop\/flink:2\.0\.0 {2}\d+ MiB {2}/m);
    const dir = await testRunDir('docker-local');
    const r = await runNode(dockerRun('every-engine-reads.yaml', 'local', dir), {}, 900_000);
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stderr).toContain('[env] docker: images built here');
    const raw = await rawResultsOf(dir, r.stdout);
    const read = raw.scenarios[0]!.steps[3]!;
    expect(read.engines.map((e) => `${e.engine} ${e.status}`)).toEqual([
      'pypaimon pass',
      'paimon-java pass',
      'paimon-rust pass',
      'flink pass',
    ]);
    expect(raw.cells[0]!.unavailable.doris).toMatch(/needs its official images/);
    expect(dockerState()).toEqual(before);
  }, 2_500_000);

  it('a container that cannot start is one environment error naming it, exit 2, nothing left behind', async (ctx) => {
    if (why) ctx.skip(why);
    if (!localImagesBuilt()) ctx.skip('the local images were not built (the test before)');
    // TEST DOUBLE, not an image users get: the local JDK image without java, so the catalog's container cannot start.
    const context = await testRunDir('docker-nojava-image');
    await writeFile(join(context, 'Dockerfile'), 'FROM paimon-interop/jdk:17\nRUN rm -f /usr/bin/java /etc/alternatives/java\n');
    execFileSync('docker', ['build', '-q', '--network', 'none', '-t', 'paimon-interop/test-double-nojava:1', context], { stdio: 'ignore' });
    const before = dockerState();
    const dir = await testRunDir('docker-bad-container');
    const r = await runNode(
      dockerRun('one-table.yaml', 'local', dir, ['--engine', 'pypaimon']),
      { PAIMON_INTEROP_CATALOG_IMAGE: 'paimon-interop/test-double-nojava:1' },
      300_000,
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([
      expect.stringMatching(
        /^environment error \[catalog container\] ENV_START_FAILED: did not start: .*"java": executable file not found/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(await settledState(before, 30_000)).toEqual(before);
  }, 400_000);

  it('Ctrl-C and SIGKILL of the harness leave no container or network behind', async (ctx) => {
    if (why) ctx.skip(why);
    if (!localImagesBuilt()) ctx.skip('the local images were not built (the test before)');
    const before = dockerState();
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const dir = await testRunDir(`docker-${signal}`);
      const child = spawn(process.execPath, dockerRun('every-engine-reads.yaml', 'local', dir), { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise((r) => child.once('exit', r));
      // Killed while its containers run: the Flink containers are starting or started.
      const until = Date.now() + 300_000;
      while (Date.now() < until && !/flink: starting/.test(err) && child.exitCode === null) await new Promise((r) => setTimeout(r, 500));
      expect(containers(), `${signal}: containers run before the kill`).not.toBe('');
      child.kill(signal);
      await exited;
      expect({ signal, ...(await settledState(before, 60_000)) }).toEqual({ signal, ...before });
    }
  }, 900_000);
});

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
