import { describe, expect, it } from 'vitest';
import { sparkRequest } from './spark-engine.ts';

const sql = (r: Parameters<typeof sparkRequest>[0]) => {
  const out = sparkRequest(r, 'pi_db');
  return out?.kind === 'sql' ? out.sql : '';
};

describe('sparkRequest', () => {
  it('creates tables with primary key, partitions and options as TBLPROPERTIES', () => {
    expect(sql({ kind: 'create-table', table: 't', columns: [['id', 'INT'], ['dt', 'STRING']], primaryKey: ['id', 'dt'], partitionKeys: ['dt'], options: { bucket: '2' } })).toBe(
      "CREATE TABLE `paimon`.`pi_db`.`t` (`id` INT, `dt` STRING) PARTITIONED BY (`dt`) TBLPROPERTIES ('bucket' = '2', 'primary-key' = 'id,dt')",
    );
  });

  it('inserts literals with quoting, NULL and booleans', () => {
    expect(sql({ kind: 'insert', table: 't', rows: [[1, "it's", null, true]] })).toBe("INSERT INTO `paimon`.`pi_db`.`t` VALUES (1, 'it\\'s', NULL, TRUE)");
  });

  it('reads system tables, increments and snapshots', () => {
    expect(sql({ kind: 'read', table: 't$snapshots', columns: ['snapshot_id'], orderBy: ['snapshot_id'] })).toBe('SELECT `snapshot_id` FROM `paimon`.`pi_db`.`t$snapshots` ORDER BY `snapshot_id`');
    expect(sql({ kind: 'read-incremental', table: 't', start: 1, end: 2, orderBy: ['id'] })).toBe("SELECT * FROM paimon_incremental_query('`paimon`.`pi_db`.`t`', 1, 2) ORDER BY `id`");
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
