import { describe, expect, it } from 'vitest';
import { sparkRequest } from './spark-engine.ts';

const sql = (r: Parameters<typeof sparkRequest>[0]) => {
  const out = sparkRequest(r, 'pi_db');
  return out?.kind === 'sql' ? out.sql : '';
};

describe('sparkRequest', () => {
  it('creates tables with primary key, partitions and options as TBLPROPERTIES', () => {
    expect(
      sql({
        kind: 'create-table',
        table: 't',
        columns: [
          ['id', 'INT'],
          ['dt', 'STRING'],
        ],
        primaryKey: ['id', 'dt'],
        partitionKeys: ['dt'],
        options: { bucket: '2' },
      }),
    ).toBe(
      "CREATE TABLE `paimon`.`pi_db`.`t` (`id` INT, `dt` STRING) PARTITIONED BY (`dt`) TBLPROPERTIES ('bucket' = '2', 'primary-key' = 'id,dt')",
    );
  });

  it('inserts literals with quoting, NULL and booleans', () => {
    expect(sql({ kind: 'insert', table: 't', rows: [[1, "it's", null, true]] })).toBe(
      "INSERT INTO `paimon`.`pi_db`.`t` VALUES (1, 'it\\'s', NULL, TRUE)",
    );
  });

  it('reads system tables, increments and snapshots', () => {
    expect(sql({ kind: 'read', table: 't$snapshots', columns: ['snapshot_id'], orderBy: ['snapshot_id'] })).toBe(
      'SELECT `snapshot_id` FROM `paimon`.`pi_db`.`t$snapshots` ORDER BY `snapshot_id`',
    );
    expect(sql({ kind: 'read-incremental', table: 't', start: 1, end: 2, orderBy: ['id'] })).toBe(
      "SELECT * FROM paimon_incremental_query('`paimon`.`pi_db`.`t`', 1, 2) ORDER BY `id`",
    );
    expect(sql({ kind: 'list-snapshots', table: 't' })).toContain('FROM `paimon`.`pi_db`.`t$snapshots` ORDER BY snapshot_id');
  });

  it('passes raw SQL through untouched', () => {
    expect(sparkRequest({ kind: 'sql', sql: 'SELECT 1' }, 'x')).toEqual({ kind: 'sql', sql: 'SELECT 1' });
  });
});

describe('redactConnect', () => {
  it('keeps host and port of a Spark Connect address and hides its parameters (a token travels there)', async () => {
    const { redactConnect } = await import('./spark-local.ts');
    expect(redactConnect('sc://host:15002/;token=abc;use_ssl=true')).toBe('sc://host:15002/;…');
    expect(redactConnect('sc://host:15002')).toBe('sc://host:15002');
  });
});

describe('Spark types and literals', () => {
  it("spells Paimon's types in Spark SQL", async () => {
    const { sparkType } = await import('./spark-dialect.ts');
    expect(sparkType('TIMESTAMP(3)')).toBe('TIMESTAMP_NTZ');
    expect(sparkType('TIMESTAMP')).toBe('TIMESTAMP_NTZ');
    expect(sparkType('TIMESTAMP_LTZ(9)')).toBe('TIMESTAMP');
    expect(sparkType('TIMESTAMP(6) WITH LOCAL TIME ZONE')).toBe('TIMESTAMP');
    expect(sparkType('VARBINARY(10)')).toBe('BINARY');
    expect(sparkType('ROW<a INT, b ARRAY<TIMESTAMP(6)>>')).toBe('STRUCT<`a`: INT, `b`: ARRAY<TIMESTAMP_NTZ>>');
    expect(sparkType('MAP<STRING, BYTES>')).toBe('MAP<STRING, BINARY>');
    expect(sparkType('DECIMAL(38,10)')).toBe('DECIMAL(38,10)');
  });

  it('writes values as literals of their column type', async () => {
    const { sparkLiteral } = await import('./spark-dialect.ts');
    expect(sparkLiteral('2024-05-01 12:34:56.123456789', 'TIMESTAMP(9)')).toBe("TIMESTAMP_NTZ '2024-05-01 12:34:56.123456789'");
    expect(sparkLiteral('2024-05-01 12:34:56', 'TIMESTAMP_LTZ(3)')).toBe("TIMESTAMP '2024-05-01 12:34:56'");
    expect(sparkLiteral(null, 'DECIMAL(5,2) NOT NULL')).toBe('CAST(NULL AS DECIMAL(5,2))');
    expect(sparkLiteral('NaN', 'DOUBLE')).toBe("CAST('NaN' AS DOUBLE)");
    expect(sparkLiteral('0x00ff', 'BYTES')).toBe("X'00ff'");
    expect(sparkLiteral([], 'ARRAY<INT>')).toBe('CAST(array() AS ARRAY<INT>)');
    expect(sparkLiteral({ k: 1 }, 'MAP<STRING, INT>')).toBe("map('k', CAST('1' AS INT))");
    expect(sparkLiteral({ a: 1, b: "it's" }, 'ROW<a INT, b STRING>')).toBe(
      "CAST(named_struct('a', CAST('1' AS INT), 'b', 'it\\'s') AS STRUCT<`a`: INT, `b`: STRING>)",
    );
  });
});
