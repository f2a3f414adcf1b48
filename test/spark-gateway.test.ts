import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../harness/engines/index.ts';
import { startGateway } from '../harness/engines/index.ts';
import type { ManagedProcess } from '../harness/processes/index.ts';
import { provisionVenv } from '../harness/provisioning/index.ts';
import { cacheDir } from '../harness/provisioning/index.ts';
import { formatType } from '../harness/results/index.ts';
import { provisionDefault, testRunDir } from './support.ts';

/**
 * The Spark gateway and adapter on real Spark (pyspark from PyPI, one JVM), WITHOUT the Paimon
 * connector, which does not resolve from this machine's Maven: it checks the gateway protocol,
 * type mapping and error classes, not Paimon in Spark (that runs where the connector resolves).
 */
describe('Spark gateway on real Spark (no Paimon connector)', () => {
  let spark: Engine;
  let gateway: ManagedProcess;

  beforeAll(async () => {
    const prov = await provisionDefault();
    const python = await provisionVenv(join(cacheDir(), 'spark-smoke'), [`pyspark==${prov.row.spark.pyspark}`], (m) => process.stderr.write(`[setup] ${m}\n`));
    const catalog = { uri: 'http://127.0.0.1:9/', warehouse: 'unused', auth: { provider: 'none' as const } };
    const dir = await testRunDir('spark');
    const gw = await startGateway('spark', { ...prov, python, sparkJar: join(dir, 'no-connector.jar') }, catalog, join(dir, 'spark.log'));
    gateway = gw.process;
    spark = createEngine(gw.endpoint, { catalog, runId: 'spark-smoke' });
  }, 900_000);
  afterAll(async () => {
    await gateway?.stop();
  });

  it('returns typed columns and exact values', async () => {
    const out = await spark.execute(
      { kind: 'sql', sql: "SELECT 1 AS a, CAST(1.5 AS DECIMAL(10,2)) AS d, TIMESTAMP_NTZ '2024-05-01 12:34:56.123456' AS ts, true AS b, CAST(NULL AS STRING) AS n, '' AS e, array(1, 2) AS arr, map('k', 1) AS m, 9007199254740993L AS big" },
      { database: 'default' },
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.columns.map((c) => formatType(c.type))).toEqual(['int', 'decimal(10,2)', 'timestamp(6)', 'boolean', 'string', 'string', 'array<int>', 'map<string,int>', 'bigint']);
    expect(out.result.rows).toEqual([['1', '1.50', '2024-05-01 12:34:56.123456', true, null, '', ['1', '2'], { k: '1' }, '9007199254740993']]);
  });

  it('answers errors with the exception class, classified', async () => {
    const out = await spark.execute({ kind: 'sql', sql: 'SELECT * FROM no_such_table' }, { database: 'default' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.errorClass).toBe('not-found');
    expect(out.error.exception).toMatch(/AnalysisException$/);
  });
});
