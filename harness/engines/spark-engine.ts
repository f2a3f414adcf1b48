import type { EngineRequest, StepContext } from './engine.ts';
import type { EngineDescriptor } from './engine-descriptor.ts';
import { GatewayEngine } from './gateway-engine.ts';
import { quoteId, sqlLiteral } from './sql-literals.ts';

const CATALOG = 'paimon';

/** Spark with the Paimon connector, through the pyspark gateway; actions become Spark SQL. */
export class SparkEngine extends GatewayEngine {
  protected override translate(request: EngineRequest, ctx: StepContext): EngineRequest {
    return sparkRequest(request, ctx.database);
  }
}

/** A portable action as Spark SQL (catalog `paimon`, the Paimon session extensions loaded). */
export function sparkRequest(request: EngineRequest, database: string): EngineRequest {
  const table = (t: string) => `${CATALOG}.${quoteId(database)}.${quoteId(t)}`;
  const order = (cols?: string[]) => (cols?.length ? ` ORDER BY ${cols.map(quoteId).join(', ')}` : '');
  switch (request.kind) {
    case 'sql':
      return request;
    case 'create-table': {
      const cols = request.columns.map(([n, t]) => `${quoteId(n)} ${t}`).join(', ');
      const props: Record<string, string> = { ...request.options };
      if (request.primaryKey?.length) props['primary-key'] = request.primaryKey.join(',');
      const tblprops = Object.keys(props).length
        ? ` TBLPROPERTIES (${Object.entries(props).map(([k, v]) => `${sqlLiteral(k)} = ${sqlLiteral(String(v))}`).join(', ')})`
        : '';
      const parts = request.partitionKeys?.length ? ` PARTITIONED BY (${request.partitionKeys.map(quoteId).join(', ')})` : '';
      return { kind: 'sql', sql: `CREATE TABLE ${table(request.table)} (${cols})${parts}${tblprops}` };
    }
    case 'insert': {
      const cols = request.columns ? ` (${request.columns.map(quoteId).join(', ')})` : '';
      const values = request.rows.map((r) => `(${r.map(sqlLiteral).join(', ')})`).join(', ');
      return { kind: 'sql', sql: `INSERT INTO ${table(request.table)}${cols} VALUES ${values}` };
    }
    case 'read': {
      const cols = request.columns?.length ? request.columns.map(quoteId).join(', ') : '*';
      return { kind: 'sql', sql: `SELECT ${cols} FROM ${table(request.table)}${order(request.orderBy)}` };
    }
    case 'read-incremental':
      return {
        kind: 'sql',
        sql: `SELECT * FROM paimon_incremental_query('${database}.${request.table}', ${request.start}, ${request.end})${order(request.orderBy)}`,
      };
    case 'list-snapshots':
      return {
        kind: 'sql',
        sql: `SELECT snapshot_id, commit_kind, total_record_count, delta_record_count FROM ${table(`${request.table}$snapshots`)} ORDER BY snapshot_id`,
      };
    case 'list-tables':
      return { kind: 'sql', sql: `SHOW TABLES IN ${CATALOG}.${quoteId(database)}` };
    case 'alter-table': {
      const props = Object.entries(request.setOptions).map(([k, v]) => `${sqlLiteral(k)} = ${sqlLiteral(v)}`).join(', ');
      return { kind: 'sql', sql: `ALTER TABLE ${table(request.table)} SET TBLPROPERTIES (${props})` };
    }
    case 'drop-table':
      return { kind: 'sql', sql: `DROP TABLE ${table(request.table)}` };
  }
}

/** Spark with the Paimon connector; its gateway acts as the environment's principal only. */
export const sparkDescriptor: EngineDescriptor = {
  name: 'spark',
  summary: 'Spark SQL (local mode) with the Paimon connector, behind a loopback gateway',
  capabilities: ['sql', 'writes', 'merge-into'],
  createAdapter: (endpoint) => new SparkEngine('spark', endpoint),
};
