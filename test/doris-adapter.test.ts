import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, EngineUnavailableError, openMysql, queryOutcome } from '../harness/engines/index.ts';
import { formatType } from '../harness/values/index.ts';
import { startMariaDbStandIn } from './mariadb-stand-in.ts';
import { testRunDir } from './support.ts';

/**
 * The Doris adapter's MySQL-protocol layer against MariaDB, a PROTOCOL STAND-IN (not Doris):
 * connection, typed columns from the protocol metadata, value normalization, error classes.
 */
describe('Doris adapter protocol plumbing (MariaDB stand-in)', () => {
  let server: Awaited<ReturnType<typeof startMariaDbStandIn>>;
  let conn: Connection;

  beforeAll(async () => {
    server = await startMariaDbStandIn(await testRunDir('mariadb'));
    process.env.PI_TEST_MARIADB_PASSWORD = server.password;
    conn = await openMysql({ engine: 'doris', url: server.url, options: { passwordEnv: 'PI_TEST_MARIADB_PASSWORD' } });
  });
  afterAll(async () => {
    await conn?.end();
    await server?.stop();
  });

  it('maps column metadata to canonical types and keeps values exact', async () => {
    await conn.query(`CREATE TABLE t (
      b BOOLEAN, i INT, big BIGINT, d DECIMAL(10,2), f DOUBLE, s VARCHAR(20), bin VARBINARY(4),
      dt DATE, ts0 DATETIME, ts3 DATETIME(3), ts6 DATETIME(6))`);
    await conn.query(`INSERT INTO t VALUES
      (TRUE, 1, 9007199254740993, 1.5, 0.25, '', 0x01ff, '2024-05-01', '2024-05-01 12:34:56', '2024-05-01 12:34:56.123', '2024-05-01 12:34:56.123456'),
      (FALSE, NULL, -1, -0.1, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    const out = await queryOutcome(conn, 'SELECT * FROM t ORDER BY i IS NULL, i');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.columns.map((c) => `${c.name}:${formatType(c.type)}`)).toEqual([
      'b:boolean',
      'i:int',
      'big:bigint',
      'd:decimal(10,2)',
      'f:double',
      's:string',
      'bin:binary',
      'dt:date',
      'ts0:timestamp(0)',
      'ts3:timestamp(3)',
      'ts6:timestamp(6)',
    ]);
    expect(out.result.rows).toEqual([
      [
        true,
        '1',
        '9007199254740993',
        '1.50',
        0.25,
        '',
        '0x01ff',
        '2024-05-01',
        '2024-05-01 12:34:56',
        '2024-05-01 12:34:56.123',
        '2024-05-01 12:34:56.123456',
      ],
      [false, null, '-1', '-0.10', null, null, null, null, null, null, null],
    ]);
  });

  it.each([
    ['SELECT * FROM missing_table', 'not-found', /mysql:ER_NO_SUCH_TABLE\(1146\)/],
    ['CREATE TABLE t (x INT)', 'already-exists', /mysql:ER_TABLE_EXISTS_ERROR\(1050\)/],
    ['SELEC 1', 'invalid-argument', /mysql:ER_PARSE_ERROR\(1064\)/],
    ['SELECT * FROM mysql.user', 'permission-denied', /mysql:ER_TABLEACCESS_DENIED_ERROR\(1142\)/],
  ])('%s is a typed %s error', async (sql, cls, exception) => {
    const out = await queryOutcome(conn, sql);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.errorClass).toBe(cls);
    expect(out.error.exception).toMatch(exception);
  });

  it('rejects a wrong password as a connection failure that names no secret', async () => {
    process.env.PI_TEST_MARIADB_WRONG = 'not-the-password';
    const err = (await openMysql({ engine: 'doris', url: server.url, options: { passwordEnv: 'PI_TEST_MARIADB_WRONG' } }).catch(
      (e: Error & { errno?: number }) => e,
    )) as Error & { errno?: number };
    expect(err.errno).toBe(1045);
    expect(err.message).not.toContain('not-the-password');
  });

  // Last: it kills the server.
  it('a server killed mid-statement is an infrastructure error, and so is every later connection', async () => {
    const running = queryOutcome(conn, 'SELECT SLEEP(30)').then(
      (outcome) => new Error(`answered instead of failing: ${JSON.stringify(outcome)}`),
      (err: unknown) => err,
    );
    await new Promise((r) => setTimeout(r, 300));
    const t = Date.now();
    process.kill(server.pid, 'SIGKILL');
    const lost = await running;
    expect(lost).toBeInstanceOf(EngineUnavailableError);
    expect((lost as Error).message).toMatch(/^doris: connection lost/);
    expect(Date.now() - t).toBeLessThan(5_000);
    const engine = createEngine(
      { engine: 'doris', url: server.url, options: { passwordEnv: 'PI_TEST_MARIADB_PASSWORD' } },
      { catalog: { uri: 'http://127.0.0.1:1', warehouse: 'w', auth: { provider: 'none' } }, runId: 'death' },
    );
    const later = await engine.execute({ kind: 'list-tables' }, { database: 'd' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(later).toBeInstanceOf(EngineUnavailableError);
    expect((later as Error).message).toMatch(/doris: cannot connect/);
    await engine.close?.();
  });
});
