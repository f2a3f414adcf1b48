import { describe, expect, it } from 'vitest';
import { createCatalogSql } from './doris-catalog.ts';
import { dorisStatements } from './doris-engine.ts';
import { mysqlError } from './mysql-results.ts';

describe('Doris catalog DDL', () => {
  const catalog = { uri: 'http://127.0.0.1:8181/', warehouse: 'wh', auth: { provider: 'bear' as const, token: 'tkn' } };

  it('creates a Paimon REST catalog the way the Doris DLF guide does (bearer)', () => {
    expect(createCatalogSql('pi_r1', catalog)).toBe(
      "CREATE CATALOG IF NOT EXISTS `pi_r1` PROPERTIES ('type' = 'paimon', 'paimon.catalog.type' = 'rest', 'uri' = 'http://127.0.0.1:8181/', 'warehouse' = 'wh', 'paimon.rest.token.provider' = 'bear', 'paimon.rest.token' = 'tkn')",
    );
  });

  it("uses a principal's DLF AK/SK and URI when acting as one", () => {
    const sql = createCatalogSql('pi_r1_analyst', catalog, {
      name: 'analyst',
      accessKeyId: 'AK',
      accessKeySecret: "S'K",
      uri: 'http://127.0.0.1:9/',
    });
    expect(sql).toContain("'uri' = 'http://127.0.0.1:9/'");
    expect(sql).toContain(
      "'paimon.rest.token.provider' = 'dlf', 'paimon.rest.dlf.access-key-id' = 'AK', 'paimon.rest.dlf.access-key-secret' = 'S\\'K'",
    );
  });
});

describe('Doris statements', () => {
  it('refreshes the catalog before reads and uses Doris syntax for increments and system tables', () => {
    expect(dorisStatements({ kind: 'read-incremental', table: 't', start: 1, end: 2, orderBy: ['id'] }, 'pi_r1', 'db')).toEqual([
      'REFRESH CATALOG `pi_r1`',
      "SELECT * FROM `pi_r1`.`db`.`t`@incr('startSnapshotId'='1', 'endSnapshotId'='2') ORDER BY `id`",
    ]);
    expect(dorisStatements({ kind: 'list-snapshots', table: 't' }, 'c', 'db')[1]).toBe(
      'SELECT snapshot_id, commit_kind, total_record_count, delta_record_count FROM `c`.`db`.`t$snapshots` ORDER BY snapshot_id',
    );
    expect(dorisStatements({ kind: 'sql', sql: 'SELECT 1' }, 'c', 'db')).toEqual(['SWITCH `c`', 'SELECT 1']);
    expect(dorisStatements({ kind: 'insert', table: 't', rows: [[1]] }, 'c', 'db')).toEqual([]);
  });
});

describe('mysqlError', () => {
  it('classifies by error number first, then by Doris message text', () => {
    expect(mysqlError({ errno: 1045, code: 'ER_ACCESS_DENIED_ERROR', message: 'Access denied' }).errorClass).toBe('unauthenticated');
    expect(
      mysqlError({
        errno: 1105,
        code: 'ER_UNKNOWN_ERROR',
        message: "errCode = 2, detailMessage = Forbidden: User a doesn't have privilege SELECT on TABLE db.t",
      }).errorClass,
    ).toBe('permission-denied');
    expect(
      mysqlError({
        errno: 1105,
        code: 'ER_UNKNOWN_ERROR',
        message: 'errCode = 2, detailMessage = Table [t] does not exist in database [db].',
      }).errorClass,
    ).toBe('not-found');
  });
});
