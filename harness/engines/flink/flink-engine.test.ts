import { describe, expect, it } from 'vitest';
import { createCatalogSql, FLINK_DIALECT, flinkLiteral } from './flink-dialect.ts';
import { flinkError, flinkResult, flinkTypeName, isInfrastructureFailure, rootCause } from './flink-results.ts';
import { buildSql } from '../sql-builder.ts';
import { applyChange } from './sql-gateway-client.ts';
import type { AlterChange } from '../engine.ts';

const sql = (r: Parameters<typeof buildSql>[0]) => buildSql(r, FLINK_DIALECT, 'pi_db');

describe('Flink SQL for portable actions', () => {
  it('creates tables with a NOT ENFORCED primary key, partitions and WITH options', () => {
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
      "CREATE TABLE `paimon`.`pi_db`.`t` (`id` INT, `dt` STRING, PRIMARY KEY (`id`, `dt`) NOT ENFORCED) PARTITIONED BY (`dt`) WITH ('bucket' = '2')",
    );
  });

  it('writes literals of the column types: TIMESTAMP and DATE literals, exact casts, typed NULLs, bytes', () => {
    const insert = sql({
      kind: 'insert',
      table: 't',
      rows: [[1, '12345678901234567890.123456789012345678', '2024-05-01 12:34:56.123456789', '2024-05-01', null, '0x0aff', "it's \\"]],
      columnTypes: ['INT NOT NULL', 'DECIMAL(38, 18)', 'TIMESTAMP(9)', 'DATE', 'BOOLEAN', 'BYTES', 'STRING'],
    });
    expect(insert).toBe(
      "INSERT INTO `paimon`.`pi_db`.`t` VALUES (CAST('1' AS INT), CAST('12345678901234567890.123456789012345678' AS DECIMAL(38, 18)), TIMESTAMP '2024-05-01 12:34:56.123456789', DATE '2024-05-01', CAST(NULL AS BOOLEAN), X'0aff', 'it''s \\')",
    );
  });

  it('writes nested values with typed constructors, NULLs typed, empty collections without an empty constructor', () => {
    expect(flinkLiteral([null, 'b'], 'ARRAY<STRING>')).toBe("ARRAY[CAST(NULL AS STRING), 'b']");
    expect(flinkLiteral([], 'ARRAY<INT>')).toBe('ARRAY_REMOVE(ARRAY[CAST(NULL AS INT)], CAST(NULL AS INT))');
    expect(flinkLiteral({ 1: null }, 'MAP<INT, ARRAY<STRING>>')).toBe("MAP[CAST('1' AS INT), CAST(NULL AS ARRAY<STRING>)]");
    expect(flinkLiteral({}, 'MAP<STRING, INT>')).toBe(
      'MAP_FROM_ARRAYS(ARRAY_REMOVE(ARRAY[CAST(NULL AS STRING)], CAST(NULL AS STRING)), ARRAY_REMOVE(ARRAY[CAST(NULL AS INT)], CAST(NULL AS INT)))',
    );
    // A ROW by field name, cast to the declared type with its field names quoted (`inner` is reserved).
    expect(flinkLiteral({ inner: { d: '1.5' } }, 'ROW<name STRING, inner ROW<d DECIMAL(20, 2)>>')).toBe(
      "CAST(ROW(CAST(NULL AS STRING), CAST(ROW(CAST('1.5' AS DECIMAL(20, 2))) AS ROW<`d` DECIMAL(20, 2)>)) AS ROW<`name` STRING, `inner` ROW<`d` DECIMAL(20, 2)>>)",
    );
    expect(() => flinkLiteral({ nope: 1 }, 'ROW<a INT>')).toThrow(/no field\(s\) nope/);
  });

  it('without column types, falls back to plain literals', () => {
    expect(flinkLiteral('a')).toBe("'a'");
    expect(flinkLiteral(7)).toBe('7');
    expect(flinkLiteral(null)).toBe('NULL');
  });

  it('reads increments with the incremental-between hint, snapshots from t$snapshots', () => {
    expect(sql({ kind: 'read-incremental', table: 't', start: 1, end: 2, orderBy: ['id'] })).toBe(
      "SELECT * FROM `paimon`.`pi_db`.`t` /*+ OPTIONS('incremental-between'='1,2') */ ORDER BY `id`",
    );
    expect(sql({ kind: 'list-snapshots', table: 't' })).toBe(
      'SELECT snapshot_id, commit_kind, total_record_count, delta_record_count FROM `paimon`.`pi_db`.`t$snapshots` ORDER BY snapshot_id',
    );
    expect(sql({ kind: 'alter-table', table: 't', change: { kind: 'set-options', options: { 'snapshot.num-retained.max': '20' } } })).toBe(
      "ALTER TABLE `paimon`.`pi_db`.`t` SET ('snapshot.num-retained.max' = '20')",
    );
    expect(sql({ kind: 'list-tables' })).toBe('SHOW TABLES FROM `paimon`.`pi_db`');
  });

  it('makes each schema change, restating the type a move needs', () => {
    const alter = (change: AlterChange) => sql({ kind: 'alter-table', table: 't', change });
    expect(alter({ kind: 'add-column', column: 'c', type: 'STRING', after: 'a' })).toBe(
      'ALTER TABLE `paimon`.`pi_db`.`t` ADD `c` STRING AFTER `a`',
    );
    expect(alter({ kind: 'drop-column', column: 'c' })).toBe('ALTER TABLE `paimon`.`pi_db`.`t` DROP `c`');
    expect(alter({ kind: 'rename-column', column: 'a', to: 'b' })).toBe('ALTER TABLE `paimon`.`pi_db`.`t` RENAME `a` TO `b`');
    expect(alter({ kind: 'change-type', column: 'a', type: 'BIGINT' })).toBe('ALTER TABLE `paimon`.`pi_db`.`t` MODIFY `a` BIGINT');
    expect(alter({ kind: 'move-column', column: 'a', first: true, type: 'INT' })).toBe(
      'ALTER TABLE `paimon`.`pi_db`.`t` MODIFY `a` INT FIRST',
    );
    // Without the column's type there is no Flink statement: the adapter answers unsupported.
    expect(alter({ kind: 'move-column', column: 'a', first: true })).toBeUndefined();
  });

  it('creates the catalog with the options given (the adapter redacts them elsewhere)', () => {
    expect(createCatalogSql('paimon', { metastore: 'rest', token: 'x' })).toBe(
      "CREATE CATALOG `paimon` WITH ('type' = 'paimon', 'metastore' = 'rest', 'token' = 'x')",
    );
  });
});

describe('portable filters in Flink SQL', () => {
  it('renders where, order and limit with literals typed by the declared columns', () => {
    const where = {
      op: 'and' as const,
      args: [
        { op: 'between' as const, column: 'd', low: -3, high: '1.5' },
        { op: 'not' as const, arg: { op: 'in' as const, column: 'dt', values: ['2024-01-01', null] } },
        { op: 'starts-with' as const, column: 's', prefix: "it's" },
      ],
    };
    const sql = buildSql(
      {
        kind: 'read',
        table: 't',
        columns: ['s'],
        where,
        orderBy: ['d'],
        limit: 3,
        columnTypes: { d: 'DECIMAL(10,2)', dt: 'DATE', s: 'STRING' },
      },
      FLINK_DIALECT,
      'db',
    );
    expect(sql).toBe(
      "SELECT `s` FROM `paimon`.`db`.`t` WHERE (`d` BETWEEN CAST('-3' AS DECIMAL(10,2)) AND CAST('1.5' AS DECIMAL(10,2))) AND (NOT (`dt` IN (DATE '2024-01-01', CAST(NULL AS DATE)))) AND (`s` LIKE 'it''s%') ORDER BY `d` LIMIT 3",
    );
  });
});

describe('Flink bulk inserts', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [i, i % 2 === 0 ? null : `s'${i}`, true]);
  const types = ['BIGINT NOT NULL', 'STRING', 'BOOLEAN'];

  it('packs more than 100 rows into one literal unpacked and cast at run time', () => {
    const sql = buildSql({ kind: 'insert', table: 't', rows: rows(101), columnTypes: types }, FLINK_DIALECT, 'db')!;
    expect(sql).toMatch(/^INSERT INTO `paimon`\.`db`\.`t` SELECT CAST\(NULLIF\(SPLIT_INDEX\(r, '\u001f', 0\), '\u0015'\) AS BIGINT\), /);
    expect(sql).toContain("FROM (VALUES ('0\u001f\u0015\u001fTRUE\u001e1\u001fs''1\u001fTRUE\u001e");
    expect(sql).toContain("CROSS JOIN UNNEST(SPLIT(x, '\u001e')) AS u(r)");
    expect(sql.match(/\u001e/g)).toHaveLength(101);
  });

  it('keeps typed literals for 100 rows or fewer, binary or nested values, and text holding a separator', () => {
    expect(buildSql({ kind: 'insert', table: 't', rows: rows(100), columnTypes: types }, FLINK_DIALECT, 'db')).toMatch(
      /^INSERT INTO .* VALUES \(CAST\('0' AS BIGINT\)/,
    );
    expect(
      buildSql(
        { kind: 'insert', table: 't', rows: rows(101).map((r) => [...r, '0xff']), columnTypes: [...types, 'VARBINARY(4)'] },
        FLINK_DIALECT,
        'db',
      ),
    ).toContain(" VALUES (CAST('0' AS BIGINT)");
    expect(
      buildSql({ kind: 'insert', table: 't', rows: [...rows(100), [1, 'a\u001fb', false]], columnTypes: types }, FLINK_DIALECT, 'db'),
    ).toContain(" VALUES (CAST('0' AS BIGINT)");
  });
});

describe('SQL Gateway results', () => {
  it('maps logical types with precision and scale to type names', () => {
    expect(flinkTypeName({ type: 'DECIMAL', precision: '38', scale: '18' })).toBe('DECIMAL(38, 18)');
    expect(flinkTypeName({ type: 'TIMESTAMP_WITHOUT_TIME_ZONE', precision: 9 })).toBe('TIMESTAMP(9)');
    expect(flinkTypeName({ type: 'VARCHAR', length: 2147483647 })).toBe('STRING');
    expect(flinkTypeName({ type: 'VARBINARY', length: 2147483647 })).toBe('BYTES');
  });

  it('keeps decimals and nanoseconds exact, NULL apart from empty string, bytes from base64', () => {
    const result = flinkResult(
      [
        { name: 'd', logicalType: { type: 'DECIMAL', precision: 38, scale: 18 } },
        { name: 'ts', logicalType: { type: 'TIMESTAMP_WITHOUT_TIME_ZONE', precision: 9 } },
        { name: 's', logicalType: { type: 'VARCHAR', length: 2147483647 } },
        { name: 'b', logicalType: { type: 'VARBINARY', length: 2147483647 } },
      ],
      [
        ['12345678901234567890.123456789012345678', '2024-05-01T12:34:56.123456789', '', 'Cv8='],
        [null, null, null, null],
      ],
    );
    expect(result.rows).toEqual([
      ['12345678901234567890.123456789012345678', '2024-05-01 12:34:56.123456789', '', '0x0aff'],
      [null, null, null, null],
    ]);
  });

  it('materializes changelog rows: UPDATE_AFTER counts, UPDATE_BEFORE and DELETE retract', () => {
    const rows: unknown[][] = [];
    applyChange(rows, 'INSERT', [1]);
    applyChange(rows, 'UPDATE_AFTER', [2]);
    applyChange(rows, 'UPDATE_BEFORE', [1]);
    applyChange(rows, 'DELETE', [9]);
    expect(rows).toEqual([[2]]);
  });
});

describe('SQL Gateway errors', () => {
  const trace = (root: string) => [
    'Internal server error.',
    `org.apache.flink.table.gateway.service.utils.SqlExecutionException: Failed to execute the operation x.\n\tat a.b(C.java:1)\nCaused by: org.apache.flink.table.api.ValidationException: SQL validation failed.\n\tat d.e(F.java:2)\nCaused by: ${root}\n\tat g.h(I.java:3)`,
  ];

  it('takes the root cause, never the 500 wrapper, and classifies it', () => {
    expect(flinkError(trace("org.apache.calcite.sql.validate.SqlValidatorException: Object 'nope' not found within 'paimon.db'"))).toEqual({
      errorClass: 'not-found',
      exception: 'org.apache.calcite.sql.validate.SqlValidatorException',
      message: "Object 'nope' not found within 'paimon.db'",
    });
    expect(
      flinkError(
        trace("org.apache.paimon.rest.exceptions.ForbiddenException: Forbidden: User reader doesn't have privilege SELECT on TABLE db.t"),
      ).errorClass,
    ).toBe('permission-denied');
    expect(
      flinkError(trace("java.lang.UnsupportedOperationException: merge-into action doesn't support table with no primary keys defined."))
        .errorClass,
    ).toBe('unsupported');
    expect(
      flinkError(trace('org.apache.calcite.runtime.CalciteException: Non-query expression encountered in illegal context')).errorClass,
    ).toBe('invalid-argument');
    expect(
      flinkError(
        trace(
          'org.apache.flink.table.catalog.exceptions.TableAlreadyExistException: Table (or view) db.t already exists in Catalog paimon.',
        ),
      ).errorClass,
    ).toBe('already-exists');
  });

  it('falls back to the first exception line, then to the last message', () => {
    expect(rootCause(['java.lang.IllegalStateException: boom\n\tat x'])).toMatchObject({
      exception: 'java.lang.IllegalStateException',
      message: 'boom',
    });
    expect(rootCause(['Internal server error.', 'something odd']).message).toBe('something odd');
  });

  it('tells a lost TaskManager from a failed statement', () => {
    expect(
      isInfrastructureFailure(
        'Caused by: org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException: Could not acquire the minimum required resources.',
      ),
    ).toBe(true);
    expect(isInfrastructureFailure('Caused by: java.util.concurrent.TimeoutException: Pending slot request timed out in slot pool.')).toBe(
      true,
    );
    expect(isInfrastructureFailure("Caused by: org.apache.calcite.sql.validate.SqlValidatorException: Object 'nope' not found")).toBe(
      false,
    );
  });
});
