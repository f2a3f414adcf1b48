import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import { startTestCatalog } from './support.ts';

const run = promisify(execFile);

/**
 * paimon-interop as a user installs it: `npm pack`, then `npm install -g` of the tarball into a
 * prefix of its own, then the `paimon-interop` command in an empty folder (outside this checkout).
 */
describe('the packed tool, installed and run in an empty folder', () => {
  let root: string;
  let bin: string;
  let empty: string;
  let catalog: ReferenceCatalog;
  const token = 'packaged-tool-token-424242';
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(bin, args, { cwd: empty, env: { ...process.env, ...env }, maxBuffer: 64 * 2 ** 20, timeout: 600_000 }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
    );

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'paimon-interop-pack-'));
    await run('npm', ['pack', '--pack-destination', root], { maxBuffer: 16 * 2 ** 20 });
    const tarball = (await readdir(root)).find((f) => f.endsWith('.tgz'))!;
    await run('npm', ['install', '-g', '--prefix', join(root, 'prefix'), '--no-audit', '--no-fund', join(root, tarball)], {
      maxBuffer: 16 * 2 ** 20,
      timeout: 600_000,
    });
    bin = join(root, 'prefix', 'bin', 'paimon-interop');
    empty = join(root, 'work');
    await mkdir(empty);
    ({ catalog } = await startTestCatalog(root, { provider: 'bear', token }));
  }, 900_000);
  afterAll(async () => {
    await catalog?.process.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('packs no tests, answers --help, and validates and lists the scenarios that come with it', async () => {
    const listed = (
      await run(
        'tar',
        [
          'tzf',
          join(
            root,
            (await readdir(root)).find((f) => f.endsWith('.tgz'))!,
          ),
        ],
        { maxBuffer: 16 * 2 ** 20 },
      )
    ).stdout.split('\n');
    expect(listed.filter((f) => /\.test\.ts$|__pycache__/.test(f))).toEqual([]);
    expect(listed).toContain('package/scenarios/writes/three-implementations.yaml');
    expect((await cli(['--help'])).out).toContain('paimon-interop run [paths...]');
    const validate = await cli(['validate']);
    expect(validate.code, validate.err).toBe(0);
    expect(validate.out).toMatch(/^\d+ scenario\(s\) in \d+ file\(s\) are valid/m);
    // Bundled scenarios keep the ids they have in the repository, wherever the tool is installed.
    expect((await cli(['list'])).out).toContain(
      'scenarios/writes/three-implementations.yaml#three-implementations[writer=pypaimon,format=parquet]',
    );
  });

  it("runs the user's own scenario folder", async () => {
    await mkdir(join(empty, 'mine'), { recursive: true });
    await writeFile(
      join(empty, 'mine', 'my-table.yaml'),
      [
        'name: my-table',
        'steps:',
        '  - on: pypaimon',
        '    create-table: { table: t, columns: { id: INT } }',
        '  - on: pypaimon',
        '    insert: { table: t, rows: [[1]] }',
        '  - on: pypaimon',
        '    read: { table: t }',
        '    expect:',
        '      rows: [[1]]',
        '',
      ].join('\n'),
    );
    const r = await cli(['run', 'mine', '--engine', 'pypaimon']);
    expect(r.code, r.err.slice(-2000)).toBe(0);
    expect(r.out).toContain('interop: 1 passed, 0 failed, 0 skipped');
    expect(r.out).toMatch(/reports: reports\/\S+ /);
  });

  it('checks a catalog that already runs with the bundled conformance scenarios (--env external)', async () => {
    const config = join(empty, 'vendor.yaml');
    await writeFile(
      config,
      [
        'catalog:',
        `  uri: ${catalog.endpoint.uri}`,
        '  warehouse: paimon_interop',
        '  auth: { provider: bear, token-env: VENDOR_TOKEN }',
        'engines:',
        '  pypaimon: local',
        '  paimon-java: local',
        '',
      ].join('\n'),
    );
    const r = await cli(['conformance', '--env', 'external', '--config', config], { VENDOR_TOKEN: token });
    expect(r.code, (r.out + r.err).slice(-2000)).toBe(0);
    expect(r.out).toContain('conformance: every claimed capability passed or is a known deviation');
    expect(r.out + r.err).not.toContain(token);
  });
});
