import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogClient } from '../harness/catalog/index.ts';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import { newRunId } from '../harness/runner/index.ts';
import { startTestCatalog, runNode, testRunDir } from './support.ts';

const TOKEN = 'cleanup-test-token-0001';

/**
 * A shared catalog that holds foreign objects beside what runs left: `cleanup` drops only the
 * old runs' databases, and the harness's catalog client refuses to change anything outside pi_.
 */
describe('cleanup and the run-prefix guard, against a catalog holding foreign objects', () => {
  let catalog: ReferenceCatalog;
  let config: string;
  let prefix = '';
  const oldRun = 'pi_20200101t000000_abcd_writes_1a';
  const recentRun = `pi_${newRunId()}_writes_2b`;
  const foreign = ['sales', 'pizza', 'pi_e2e_keep'];

  /** A client of the catalog that is not the harness's (no guard): how the foreign objects got there. */
  const foreignCall = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const res = await request(`${catalog.endpoint.uri.replace(/\/$/, '')}${path}`, {
      method,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : null };
  };
  const createTable = (db: string, table: string) =>
    foreignCall('POST', `/v1/${prefix}/databases/${db}/tables`, {
      identifier: { database: db, object: table },
      schema: { fields: [{ id: 0, name: 'id', type: 'INT' }], partitionKeys: [], primaryKeys: [], options: {} },
    });
  const databases = async () => ((await foreignCall('GET', `/v1/${prefix}/databases`)).body as { databases: string[] }).databases.sort();
  const cli = (...args: string[]) =>
    runNode(['bin/paimon-interop.mjs', 'cleanup', '--env', 'external', '--config', config, ...args], { CLEANUP_TEST_TOKEN: TOKEN }, 60_000);

  beforeAll(async () => {
    const dir = await testRunDir('cleanup');
    ({ catalog } = await startTestCatalog(dir, { provider: 'bear', token: TOKEN }));
    prefix = encodeURIComponent(
      (
        (await foreignCall('GET', `/v1/config?warehouse=${encodeURIComponent(catalog.endpoint.warehouse)}`)).body as {
          defaults?: { prefix?: string };
        }
      ).defaults?.prefix ?? '',
    );
    for (const db of [...foreign, oldRun, recentRun])
      expect((await foreignCall('POST', `/v1/${prefix}/databases`, { name: db, options: {} })).status).toBe(200);
    for (const db of ['sales', oldRun, recentRun]) expect((await createTable(db, 'orders')).status).toBe(200);
    config = join(dir, 'external.yaml');
    await writeFile(
      config,
      [
        'catalog:',
        `  uri: ${catalog.endpoint.uri}`,
        `  warehouse: ${catalog.endpoint.warehouse}`,
        '  auth: { provider: bear, token-env: CLEANUP_TEST_TOKEN }',
        '',
      ].join('\n'),
    );
  }, 300_000);
  afterAll(async () => {
    await catalog?.process.stop();
  });

  it('the catalog client refuses to create, change or drop outside pi_, and sends nothing', async () => {
    const client = new CatalogClient(catalog.endpoint);
    await expect(client.dropDatabase('sales')).rejects.toMatchObject({ code: 'OUTSIDE_RUN_PREFIX' });
    await expect(client.createDatabase('intruder')).rejects.toMatchObject({ code: 'OUTSIDE_RUN_PREFIX' });
    await expect(client.raw('DELETE', await client.resource('/databases/sales/tables/orders'))).rejects.toMatchObject({
      code: 'OUTSIDE_RUN_PREFIX',
    });
    expect(await databases()).toEqual([...foreign, oldRun, recentRun].sort());
    expect((await foreignCall('GET', `/v1/${prefix}/databases/sales/tables/orders`)).status).toBe(200);
  });

  it('--dry-run lists what it would drop and drops nothing', async () => {
    const r = await cli('--older-than', '1d', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`would drop ${oldRun} (run started 2020-01-01T00:00:00Z, 1 table(s): orders)`);
    expect(r.stdout).not.toContain(recentRun);
    expect(r.stdout).toContain('dry run: nothing dropped');
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(await databases()).toEqual([...foreign, oldRun, recentRun].sort());
  });

  it('drops only the runs older than the limit; foreign objects and newer runs stay', async () => {
    const r = await cli('--older-than', '1d');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`dropped ${oldRun}`);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(await databases()).toEqual([...foreign, recentRun].sort());
    expect((await foreignCall('GET', `/v1/${prefix}/databases/sales/tables/orders`)).status).toBe(200);
    // --older-than 0: every run's database, still nothing foreign (pi_e2e_keep is not named by a run id).
    expect((await cli('--older-than', '0')).stdout).toContain(`dropped ${recentRun}`);
    expect(await databases()).toEqual([...foreign].sort());
  });

  it('says what is wrong in one line: a bad age, the wrong environment, an unreachable catalog', async () => {
    expect((await cli('--older-than', 'yesterday')).stderr).toMatch(/--older-than takes a number with m, h or d/);
    const local = await runNode(['bin/paimon-interop.mjs', 'cleanup'], {}, 60_000);
    expect(local).toMatchObject({ code: 1 });
    expect(local.stderr).toMatch(/cleanup works on an external catalog/);
    const gone = join(await testRunDir('cleanup-gone'), 'external.yaml');
    await writeFile(
      gone,
      ['catalog:', '  uri: http://127.0.0.1:9/', '  warehouse: w', '  auth: { provider: bear, token-env: CLEANUP_TEST_TOKEN }', ''].join(
        '\n',
      ),
    );
    const r = await runNode(
      ['bin/paimon-interop.mjs', 'cleanup', '--env', 'external', '--config', gone],
      { CLEANUP_TEST_TOKEN: TOKEN },
      60_000,
    );
    expect(r).toMatchObject({ code: 2 });
    expect(r.stderr).not.toContain('    at ');
  });
});
