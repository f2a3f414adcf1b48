import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEngine,
  engineDescriptor,
  EngineUnavailableError,
  provisionSparkClient,
  sparkExternalClient,
  startGateway,
  startSparkConnect,
  type Engine,
  type SparkInstall,
} from '../harness/engines/index.ts';
import type { ManagedProcess } from '../harness/processes/index.ts';
import { formatType } from '../harness/values/index.ts';
import { provisionDefault, testRunDir } from './support.ts';

/**
 * Spark's adapter and its Connect client on a real Spark Connect server (Spark from pyspark's
 * distribution, the spark-connect jar from Maven Central) WITHOUT Paimon's connector, which needs
 * Paimon's sources on this machine (PAIMON_INTEROP_PAIMON_GIT): the gateway protocol, type
 * mapping, error classes, a session per principal, and the external client's errors. Paimon in
 * Spark runs in the suite where the connector is available (docs/environments.md).
 */
describe('Spark through Spark Connect (no Paimon connector)', () => {
  let spark: Engine;
  const processes: ManagedProcess[] = [];
  let dir: string;
  let url: string;
  let prov: Awaited<ReturnType<typeof provisionDefault>>;
  const catalog = { uri: 'http://127.0.0.1:9/', warehouse: 'unused', auth: { provider: 'none' as const } };

  beforeAll(async () => {
    prov = await provisionDefault();
    const progress = (m: string) => process.stderr.write(`[setup] ${m}\n`);
    const client = await provisionSparkClient(prov.row, progress);
    if ('unavailable' in client) throw new Error(client.unavailable);
    // The connect jar stands in the connector's place: this server has no Paimon (said above).
    const install: SparkInstall = { ...client, connectorJar: client.connectJar, connector: 'none' };
    dir = await testRunDir('spark');
    const server = await startSparkConnect(install, { workDir: join(dir, 'spark'), logDir: dir, progress });
    processes.push(server.process);
    url = server.url;
    const gw = await startGateway('spark', engineDescriptor('spark')!.gateway!, prov, catalog, join(dir, 'spark.log'), {
      python: client.python,
      config: { connect: url },
    });
    processes.push(gw.process);
    spark = createEngine(gw.endpoint, { catalog, runId: 'spark-connect' });
  }, 900_000);
  afterAll(async () => {
    await Promise.allSettled(processes.map((p) => p.stop()));
  });

  it('returns typed columns and exact values', async () => {
    const out = await spark.execute(
      {
        kind: 'sql',
        sql: "SELECT 1 AS a, CAST(1.5 AS DECIMAL(10,2)) AS d, TIMESTAMP_NTZ '2024-05-01 12:34:56.123456' AS ts, true AS b, CAST(NULL AS STRING) AS n, '' AS e, array(1, 2) AS arr, map('k', 1) AS m, 9007199254740993L AS big, named_struct('x', 1, 'y', 'z') AS st",
      },
      { database: 'default' },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.columns.map((c) => formatType(c.type))).toEqual([
      'int',
      'decimal(10,2)',
      'timestamp(6)',
      'boolean',
      'string',
      'string',
      'array<int>',
      'map<string,int>',
      'bigint',
      'row<x:int,y:string>',
    ]);
    expect(out.result.rows).toEqual([
      ['1', '1.50', '2024-05-01 12:34:56.123456', true, null, '', ['1', '2'], { k: '1' }, '9007199254740993', { x: '1', y: 'z' }],
    ]);
  });

  it('reads TIMESTAMP (LTZ) in the step session zone, compared as the UTC instant', async () => {
    const sql = "SELECT TIMESTAMP '2024-01-01 10:00:00' AS t, CAST(TIMESTAMP '2024-01-01 10:00:00' AS STRING) AS s";
    const utc = await spark.execute({ kind: 'sql', sql }, { database: 'default' });
    const kathmandu = await spark.execute({ kind: 'sql', sql }, { database: 'default', timeZone: 'Asia/Kathmandu' });
    expect(utc.ok && utc.result.rows[0]).toEqual(['2024-01-01 10:00:00.000000', '2024-01-01 10:00:00']);
    // The literal is read in the session zone and Spark shows it there (the string); the harness
    // compares instants in UTC: 10:00 in Kathmandu (+05:45) is 04:15 UTC.
    expect(kathmandu.ok && kathmandu.result.rows[0]).toEqual(['2024-01-01 04:15:00.000000', '2024-01-01 10:00:00']);
  });

  it('answers errors with the JVM exception class, classified', async () => {
    const out = await spark.execute({ kind: 'sql', sql: 'SELECT * FROM no_such_table' }, { database: 'default' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.errorClass).toBe('not-found');
    expect(out.error.exception).toBe('org.apache.spark.sql.AnalysisException');
    expect(out.error.message).toMatch(/TABLE_OR_VIEW_NOT_FOUND/);
    expect(out.error.message).not.toMatch(/JVM stacktrace/);
  });

  it('opens a Connect session per principal, with its own catalog settings', async () => {
    const own = await spark.execute({ kind: 'sql', sql: 'SET spark.sql.catalog.paimon.uri' }, { database: 'default' });
    const other = await spark.execute(
      { kind: 'sql', sql: 'SET spark.sql.catalog.paimon.uri' },
      { database: 'default', principal: { name: 'p', token: 'secret-token-x', uri: 'http://127.0.0.1:10/' } },
    );
    expect(own.ok && own.result.rows[0]?.[1]).toBe('http://127.0.0.1:9/');
    expect(other.ok && other.result.rows[0]?.[1]).toBe('http://127.0.0.1:10/');
    // Spark redacts the token in SET's answer (spark.redaction.regex): the secret never comes back.
    const token = await spark.execute(
      { kind: 'sql', sql: 'SET spark.sql.catalog.paimon.token' },
      { database: 'default', principal: { name: 'p', token: 'secret-token-x' } },
    );
    expect(token.ok && JSON.stringify(token.result.rows)).not.toContain('secret-token-x');
  });

  it('reaches an existing Spark Connect endpoint through the external client, and names one that does not answer', async () => {
    const ctx = { prov, catalog, logDir: dir, workDir: dir, progress: () => {} };
    const external = await sparkExternalClient(url, ctx);
    processes.push(...external.processes);
    expect(external.versions.spark).toMatch(/^Spark 3\.5\.\d+ \(Spark Connect sc:\/\/127\.0\.0\.1:\d+\)$/);
    const one = await createEngine(external.endpoint, { catalog, runId: 'x' }).execute(
      { kind: 'sql', sql: 'SELECT 41 + 1 AS v' },
      { database: 'default' },
    );
    expect(one.ok && one.result.rows).toEqual([['42']]);
    await mkdir(join(dir, 'refused'), { recursive: true });
    const refused = await sparkExternalClient('sc://127.0.0.1:9/;token=abc', { ...ctx, logDir: join(dir, 'refused') }).catch(
      (e: Error) => e,
    );
    expect(refused).toBeInstanceOf(EngineUnavailableError);
    expect((refused as Error).message).toMatch(/Spark Connect 127\.0\.0\.1:9 is not reachable/);
    expect((refused as Error).message).not.toContain('abc');
  }, 240_000);
});
