import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFolderOwners } from '../engines/index.ts';
import { rowsUsing as rowsUsingIn } from '../provisioning/index.ts';

/** Rows using a cache folder, with the engines' shared folders as the registry has them. */
const rowsUsing = (name: string) => rowsUsingIn(name, cacheFolderOwners());

const run = promisify(execFile);

// Each test starts the CLI as a child process: on a loaded 2-core machine that takes more than vitest's default 5 s.
describe('paimon-interop cache', { timeout: 60_000 }, () => {
  let root: string;
  const cli = (...args: string[]) =>
    run(process.execPath, ['bin/paimon-interop.mjs', 'cache', ...args], {
      env: { ...process.env, PAIMON_INTEROP_CACHE: root },
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cache-test-'));
    // Real folders of the cache's layout with known sizes: two rows, a shared Flink, an old release.
    for (const [dir, bytes] of [
      ['paimon-1.4.2/venv', 3 * 2 ** 20],
      ['paimon-2.0.0/catalog', 2 * 2 ** 20],
      ['flink-2.0.0/dist', 5 * 2 ** 20],
      ['paimon-0.9.0/venv', 2 ** 20],
    ] as const) {
      await mkdir(join(root, dir), { recursive: true });
      await writeFile(join(root, dir, 'blob'), Buffer.alloc(bytes));
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('knows which rows use a folder: a release its own, a Flink distribution every row on that Flink', () => {
    expect(rowsUsing('paimon-1.4.2')).toEqual(['1.4.2']);
    expect(rowsUsing('flink-2.0.0').sort()).toEqual(['1.1.1', '1.4.2', '2.0.0', '2.0.0+pypaimon-2.1.0']);
    // A client variant keeps its venv in its own folder and shares its release's Java artifacts.
    expect(rowsUsing('paimon-2.0.0')).toEqual(['2.0.0', '2.0.0+pypaimon-2.1.0']);
    expect(rowsUsing('paimon-2.0.0+pypaimon-2.1.0')).toEqual(['2.0.0+pypaimon-2.1.0']);
    expect(rowsUsing('paimon-0.9.0')).toEqual([]);
  });

  it('list shows each folder with its size and rows, and the total', async () => {
    const r = await cli('list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/flink-2\.0\.0 +5 MiB +used by Paimon 2\.0\.0, 2\.0\.0\+pypaimon-2\.1\.0, 1\.4\.2, 1\.1\.1/);
    expect(r.stdout).toMatch(/paimon-0\.9\.0 +1 MiB +used by no row/);
    expect(r.stdout).toContain('total: 11 MiB');
  });

  it('prune removes only what no row uses; --paimon removes a row, keeping a Flink another row still uses', async () => {
    const dry = await cli('prune', '--dry-run');
    expect(dry.stdout).toContain(`would remove ${join(root, 'paimon-0.9.0')} (1 MiB)`);
    expect(existsSync(join(root, 'paimon-0.9.0'))).toBe(true);
    expect((await cli('prune')).stdout).toContain('freed 1 MiB');
    expect(existsSync(join(root, 'paimon-0.9.0'))).toBe(false);
    expect(existsSync(join(root, 'paimon-1.4.2'))).toBe(true);
    // 2.0.0's Java artifacts stay while its pypaimon 2.1.0 variant is kept.
    expect((await cli('prune', '--paimon', '2.0.0')).stdout).toContain('nothing to remove');
    const row = await cli('prune', '--paimon', '2.0.0,2.0.0+pypaimon-2.1.0');
    expect(row.stdout).toContain(`removing ${join(root, 'paimon-2.0.0')}`);
    expect(existsSync(join(root, 'flink-2.0.0'))).toBe(true);
    expect((await cli('prune', '--paimon', '3.9.9')).code).toBe(1);
  });
});
