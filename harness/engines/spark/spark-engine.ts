import type { EngineRequest, StepContext } from '../engine.ts';
import type { EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayEngine } from '../gateway-engine.ts';
import { gatewayLauncher } from '../local-launch.ts';
import { backslashLiteral, backtickId, buildSql, columnPosition, optionList, versionAsOf, type SqlDialect } from '../sql-builder.ts';

/** Spark SQL with the Paimon catalog and session extensions. */
export const SPARK_DIALECT: SqlDialect = {
  name: 'spark',
  quoteId: backtickId,
  literal: (v) => backslashLiteral(v),
  createDatabase: (qualified, options) => `CREATE DATABASE ${qualified}${Object.keys(options).length ? ` WITH DBPROPERTIES (${optionList(options, backslashLiteral)})` : ''}`,
  createTable(table, request) {
    const cols = request.columns.map(([n, t]) => `${backtickId(n)} ${t}`).join(', ');
    const props: Record<string, string> = { ...request.options };
    if (request.primaryKey?.length) props['primary-key'] = request.primaryKey.join(',');
    const tblprops = Object.keys(props).length ? ` TBLPROPERTIES (${optionList(props, backslashLiteral)})` : '';
    const parts = request.partitionKeys?.length ? ` PARTITIONED BY (${request.partitionKeys.map(backtickId).join(', ')})` : '';
    return `CREATE TABLE ${table} (${cols})${parts}${tblprops}`;
  },
  incrementalSource: (_qualified, database, table, start, end) => `paimon_incremental_query('${database}.${table}', ${start}, ${end})`,
  // Spark 3.3+ time travel by snapshot id or tag name.
  scanSource: (qualified, options) => versionAsOf(qualified, options),
  showTables: (qualified) => `SHOW TABLES IN ${qualified}`,
  alterTable(table, change) {
    const id = backtickId;
    switch (change.kind) {
      case 'set-options':
        return `ALTER TABLE ${table} SET TBLPROPERTIES (${optionList(change.options, backslashLiteral)})`;
      case 'add-column':
        return `ALTER TABLE ${table} ADD COLUMNS (${id(change.column)} ${change.type}${columnPosition(change, id)})`;
      case 'drop-column':
        return `ALTER TABLE ${table} DROP COLUMN ${id(change.column)}`;
      case 'rename-column':
        return `ALTER TABLE ${table} RENAME COLUMN ${id(change.column)} TO ${id(change.to)}`;
      case 'change-type':
        return `ALTER TABLE ${table} ALTER COLUMN ${id(change.column)} TYPE ${change.type}`;
      case 'move-column':
        return `ALTER TABLE ${table} ALTER COLUMN ${id(change.column)}${columnPosition(change, id)}`;
    }
  },
};

/** Spark with the Paimon connector, through the pyspark gateway; actions become Spark SQL. */
export class SparkEngine extends GatewayEngine {
  protected override readonly rendersLtzInSessionZone = true;
  protected override translate(request: EngineRequest, ctx: StepContext): EngineRequest | undefined {
    return sparkRequest(request, ctx.database);
  }
}

/** A portable action as Spark SQL (catalog `paimon`, the Paimon session extensions loaded). */
export function sparkRequest(request: EngineRequest, database: string): EngineRequest | undefined {
  const sql = buildSql(request, SPARK_DIALECT, database);
  return sql === undefined ? undefined : { kind: 'sql', sql };
}

/** Spark with the Paimon connector; its gateway acts as the environment's principal only. */
export const sparkDescriptor: EngineDescriptor = {
  name: 'spark',
  summary: 'Spark SQL (local mode) with the Paimon connector, behind a loopback gateway',
  capabilities: ['sql', 'writes', 'merge-into'],
  createAdapter: (endpoint) => new SparkEngine('spark', endpoint),
  local: gatewayLauncher('spark'),
};
