import { describe, expect, it } from 'vitest';
import { dataFusionLiteral, dataFusionType, paimonRustRequest } from './paimon-rust-engine.ts';

const sql = (r: Parameters<typeof paimonRustRequest>[0]) => {
  const out = paimonRustRequest(r, 'pi_db');
  return out?.kind === 'sql' ? out.sql : '';
};

describe('paimonRustRequest', () => {
  it('creates tables with double-quoted names, primary key, partitions and WITH options', () => {
    expect(
      sql({
        kind: 'create-table',
        table: 't',
        columns: [
          ['Id', 'INT NOT NULL'],
          ['dt', 'STRING'],
        ],
        primaryKey: ['Id', 'dt'],
        partitionKeys: ['dt'],
        options: { bucket: '2' },
      }),
    ).toBe(
      `CREATE TABLE "paimon"."pi_db"."t" ("Id" INT NOT NULL, "dt" STRING, PRIMARY KEY ("Id", "dt")) PARTITIONED BY ("dt") WITH ('bucket' = '2')`,
    );
  });

  it('writes typed literals so no digit passes through a float', () => {
    const r = sql({
      kind: 'insert',
      table: 't',
      rows: [
        ["it's", '12345678901234567890.123456789012345678', '2024-05-01 12:34:56.123456789', '0x00ff', 'NaN', null, '9007199254740993'],
      ],
      columnTypes: ['STRING', 'DECIMAL(38, 18)', 'TIMESTAMP(9)', 'BYTES', 'DOUBLE', 'INT', 'BIGINT'],
    });
    expect(r).toBe(
      `INSERT INTO "paimon"."pi_db"."t" VALUES ('it''s', CAST('12345678901234567890.123456789012345678' AS DECIMAL(38, 18)), TIMESTAMP '2024-05-01 12:34:56.123456789', X'00ff', CAST('NaN' AS DOUBLE), NULL, 9007199254740993)`,
    );
    expect(dataFusionLiteral('1969-12-31', 'DATE')).toBe("DATE '1969-12-31'");
    expect(dataFusionLiteral([1, null], 'ARRAY<INT>')).toBe('make_array(1, NULL)');
    expect(dataFusionLiteral({ 7: ['x'], 8: [] }, 'MAP<INT, ARRAY<STRING>>')).toBe("MAP {7: make_array('x'), 8: make_array()}");
    expect(dataFusionLiteral({ name: 'a', inner: null }, 'ROW<name STRING, inner ROW<d DECIMAL(20, 2)>>')).toBe(
      "named_struct('name', 'a', 'inner', NULL)",
    );
    expect(dataFusionType('MAP<STRING, ROW<`inner` ARRAY<INT>>> NOT NULL')).toBe('MAP(STRING, STRUCT<"inner" ARRAY<INT>>) NOT NULL');
    expect(dataFusionLiteral('not a number', 'INT')).toBe("'not a number'");
  });

  it('reads system tables and lists tables through information_schema', () => {
    expect(sql({ kind: 'read', table: 't$snapshots', columns: ['snapshot_id'], orderBy: ['snapshot_id'] })).toBe(
      'SELECT "snapshot_id" FROM "paimon"."pi_db"."t$snapshots" ORDER BY "snapshot_id"',
    );
    expect(sql({ kind: 'list-tables' })).toBe(
      `SELECT table_name FROM "paimon".information_schema.tables WHERE table_schema = 'pi_db' ORDER BY table_name`,
    );
    expect(sql({ kind: 'alter-table', table: 't', change: { kind: 'set-options', options: { 'a.b': 'c' } } })).toBe(
      `ALTER TABLE "paimon"."pi_db"."t" SET TBLPROPERTIES ('a.b' = 'c')`,
    );
    expect(sql({ kind: 'alter-table', table: 't', change: { kind: 'change-type', column: 'a', type: 'BIGINT' } })).toBe(
      `ALTER TABLE "paimon"."pi_db"."t" ALTER COLUMN "a" SET DATA TYPE BIGINT`,
    );
  });

  it('reads as of a snapshot, a tag or a whole-second time, and answers unsupported for other scan options', () => {
    expect(sql({ kind: 'read', table: 't', options: { 'scan.snapshot-id': '1' } })).toBe(
      'SELECT * FROM "paimon"."pi_db"."t" VERSION AS OF 1',
    );
    expect(sql({ kind: 'read', table: 't', options: { 'scan.tag-name': "v'1" } })).toBe(
      `SELECT * FROM "paimon"."pi_db"."t" VERSION AS OF 'v''1'`,
    );
    expect(sql({ kind: 'read', table: 't', options: { 'scan.timestamp-millis': '1714566896000' } })).toBe(
      `SELECT * FROM "paimon"."pi_db"."t" TIMESTAMP AS OF '2024-05-01 12:34:56'`,
    );
    // paimon-rust parses whole seconds only: a millisecond time cannot be expressed.
    expect(paimonRustRequest({ kind: 'read', table: 't', options: { 'scan.timestamp-millis': '5' } }, 'pi_db')).toBeUndefined();
  });

  it('sends incremental reads to the table API, raw SQL untouched', () => {
    const inc = { kind: 'read-incremental', table: 't', start: 1, end: 2 } as const;
    expect(paimonRustRequest(inc, 'x')).toEqual(inc);
    expect(paimonRustRequest({ kind: 'sql', sql: 'SELECT 1' }, 'x')).toEqual({ kind: 'sql', sql: 'SELECT 1' });
  });
});
