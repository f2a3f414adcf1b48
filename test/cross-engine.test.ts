import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogClient } from '../harness/catalog/index.ts';
import { createEngine, type Engine, type EngineOutcome } from '../harness/engines/index.ts';
import { LocalProvider } from '../harness/environment/local/index.ts';
import type { StartedEnvironment } from '../harness/environment/index.ts';
import { checkInsert } from '../harness/runner/index.ts';
import { testRunDir } from './support.ts';

/**
 * Real engines on the embedded environment: one implementation writes, the others read the
 * same table through the same reference REST catalog.
 */
describe('cross-engine reads and writes on the local environment', () => {
  let env: StartedEnvironment;
  let catalog: CatalogClient;
  const engines = new Map<string, Engine>();
  const db = `pi_e2e_${Date.now().toString(36)}`;

  beforeAll(async () => {
    env = await new LocalProvider().start({
      runDir: await testRunDir('cross'),
      engines: ['pypaimon', 'paimon-java', 'spark'],
      onProgress: (m) => process.stderr.write(`[env] ${m}\n`),
    });
    for (const e of env.engines) engines.set(e.engine, createEngine(e, { catalog: env.catalog, runId: 'e2e' }));
    catalog = new CatalogClient(env.catalog);
    await catalog.createDatabase(db);
  });
  afterAll(async () => {
    await catalog?.dropDatabase(db).catch(() => undefined);
    await env?.stop();
  });

  const rowsOf = (o: EngineOutcome) => {
    if (!o.ok) throw new Error(`${o.error.errorClass}: ${o.error.message}`);
    return o.result.rows;
  };
  const run = (engine: string, req: Parameters<Engine['execute']>[0]) => engines.get(engine)!.execute(req, { database: db });

  const columns: [string, string][] = [
    ['id', 'INT'],
    ['name', 'STRING'],
    ['ok', 'BOOLEAN'],
    ['amount', 'DECIMAL(10, 2)'],
    ['ts', 'TIMESTAMP(6)'],
  ];
  const rows = [
    [1, 'a', true, '1.50', '2024-05-01 12:34:56.123456'],
    [2, null, false, null, null],
  ];
  const expected = [
    ['1', 'a', true, '1.50', '2024-05-01 12:34:56.123456'],
    ['2', null, false, null, null],
  ];

  it('paimon-java creates and writes; pypaimon and paimon-java read the same rows', async () => {
    rowsOf(await run('paimon-java', { kind: 'create-table', table: 'from_java', columns }));
    rowsOf(await run('paimon-java', { kind: 'insert', table: 'from_java', rows }));
    expect(rowsOf(await run('pypaimon', { kind: 'read', table: 'from_java', orderBy: ['id'] }))).toEqual(expected);
    expect(rowsOf(await run('paimon-java', { kind: 'read', table: 'from_java', orderBy: ['id'] }))).toEqual(expected);
  });

  it('pypaimon creates and writes; paimon-java reads the same rows', async () => {
    rowsOf(await run('pypaimon', { kind: 'create-table', table: 'from_python', columns }));
    rowsOf(await run('pypaimon', { kind: 'insert', table: 'from_python', rows }));
    expect(rowsOf(await run('paimon-java', { kind: 'read', table: 'from_python', orderBy: ['id'] }))).toEqual(expected);
  });

  it('Spark creates and writes; pypaimon and Spark read the same rows', async (ctx) => {
    if (!engines.has('spark')) ctx.skip(`spark unavailable: ${env.unavailable.spark}`);
    rowsOf(await run('spark', { kind: 'create-table', table: 'from_spark', columns }));
    rowsOf(await run('spark', { kind: 'insert', table: 'from_spark', rows }));
    expect(rowsOf(await run('pypaimon', { kind: 'read', table: 'from_spark', orderBy: ['id'] }))).toEqual(expected);
    expect(rowsOf(await run('spark', { kind: 'read', table: 'from_spark', orderBy: ['id'] }))).toEqual(expected);
  });

  it('pypaimon writes; Spark reads the same rows', async (ctx) => {
    if (!engines.has('spark')) ctx.skip(`spark unavailable: ${env.unavailable.spark}`);
    expect(rowsOf(await run('spark', { kind: 'read', table: 'from_python', orderBy: ['id'] }))).toEqual(expected);
  });

  // The oracle stays out of the gateways: ordering, value checks and time zones are the harness's.
  it('library engines are ordered by the harness: DECIMAL by value, NULLs first, by an unselected column', async () => {
    rowsOf(
      await run('pypaimon', {
        kind: 'create-table',
        table: 'ord',
        columns: [
          ['id', 'INT'],
          ['d', 'DECIMAL(10, 2)'],
          ['name', 'STRING'],
        ],
      }),
    );
    rowsOf(
      await run('pypaimon', {
        kind: 'insert',
        table: 'ord',
        rows: [
          [1, '10.00', 'b'],
          [2, '9.00', 'a'],
          [3, null, 'c'],
        ],
      }),
    );
    for (const engine of ['pypaimon', 'paimon-java']) {
      expect(rowsOf(await run(engine, { kind: 'read', table: 'ord', orderBy: ['d'] })).map((r) => r[0])).toEqual(['3', '2', '1']);
      expect(rowsOf(await run(engine, { kind: 'read', table: 'ord', columns: ['name'], orderBy: ['id'] }))).toEqual([['b'], ['a'], ['c']]);
    }
  });

  it('an unknown insert column is an error on every gateway, and values that do not fit are stopped by the harness', async () => {
    for (const engine of ['pypaimon', 'paimon-java']) {
      const o = await run(engine, { kind: 'insert', table: 'ord', columns: ['id', 'nope'], rows: [[9, 'x']] });
      expect(o.ok ? 'ok' : o.error.errorClass).toBe('invalid-argument');
    }
    expect((await checkInsert({ kind: 'insert', table: 'ord', rows: [[1, 'abc', 'x']] }, catalog, db)).problem).toMatch(
      /row 1, column d DECIMAL\(10, 2\): not a decimal/,
    );
    expect((await checkInsert({ kind: 'insert', table: 'ord', rows: [[1, 1.999, 'x']] }, catalog, db)).problem).toMatch(
      /more fractional digits/,
    );
    expect(await checkInsert({ kind: 'insert', table: 'ord', rows: [[1, '1.99', 'x']] }, catalog, db)).toEqual({
      columnTypes: ['INT', 'DECIMAL(10, 2)', 'STRING'],
    });
    expect(rowsOf(await run('paimon-java', { kind: 'read', table: 'ord' }))).toHaveLength(3);
  });

  it('every gateway process runs in UTC, whatever the machine says', async () => {
    const pids = (env as StartedEnvironment & { pids: number[] }).pids;
    const gateways = pids.slice(1);
    expect(gateways.length).toBeGreaterThanOrEqual(2);
    for (const pid of gateways) {
      const environ = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
      expect(environ.includes('TZ=UTC') && (!cmdline[0]!.endsWith('java') || cmdline.includes('-Duser.timezone=UTC'))).toBe(true);
    }
  });
});
