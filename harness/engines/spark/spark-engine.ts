import type { EngineOutcome, EngineRequest, StepContext } from '../engine.ts';
import type { EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayEngine } from '../gateway-engine.ts';
import { z } from 'zod';
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
  // Catalog-qualified: the function resolves a shorter name in the session's current catalog.
  incrementalSource: (qualified, _database, _table, start, end) => `paimon_incremental_query(${backslashLiteral(qualified)}, ${start}, ${end})`,
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

/** Spark with the Paimon connector, through Spark Connect (the gateway is Spark's Connect client); actions become Spark SQL. */
export class SparkEngine extends GatewayEngine {
  protected override readonly rendersLtzInSessionZone = true;
  protected override translate(request: EngineRequest, ctx: StepContext): EngineRequest | undefined {
    return sparkRequest(request, ctx.database);
  }

  /** SHOW TABLES answers namespace, tableName and isTemporary: a table listing is the names. */
  override async execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    const outcome = await super.execute(request, ctx);
    if (request.kind !== 'list-tables' || !outcome.ok) return outcome;
    const at = outcome.result.columns.findIndex((c) => c.name === 'tableName');
    if (at < 0) return outcome;
    return { ...outcome, result: { columns: [outcome.result.columns[at]!], rows: outcome.result.rows.map((r) => [r[at]!]) } };
  }
}

/** A portable action as Spark SQL (catalog `paimon`, the Paimon session extensions loaded). */
export function sparkRequest(request: EngineRequest, database: string): EngineRequest | undefined {
  const sql = buildSql(request, SPARK_DIALECT, database);
  return sql === undefined ? undefined : { kind: 'sql', sql };
}

const SparkConnectConfig = z.strictObject({
  connect: z
    .string()
    .regex(/^sc:\/\/[^/\s]+/, 'a Spark Connect address, sc://host:port')
    .describe("a Spark Connect endpoint (sc://host:port[/;token=...]) whose server carries Paimon's Spark connector and its session extensions"),
});

/**
 * Spark SQL with Paimon's Spark connector, through Spark Connect: a Connect session per
 * principal, with the catalog `paimon` configured in that session (so `as:` steps work).
 */
export const sparkDescriptor: EngineDescriptor = {
  name: 'spark',
  summary: "Spark SQL with Paimon's Spark connector, over Spark Connect",
  capabilities: ['sql', 'writes', 'principals', 'merge-into', 'catalog-config'],
  createAdapter: (endpoint) => new SparkEngine('spark', endpoint),
  // Provisioning, the Connect server and the client are loaded when Spark starts.
  local: { launch: async (ctx) => (await import('./spark-local.ts')).sparkLocalLauncher.launch(ctx) },
  external: {
    schema: SparkConnectConfig,
    endpoint: (value) => ({ engine: 'spark', url: (value as z.infer<typeof SparkConnectConfig>).connect }),
    // The endpoint is reached through Spark's Connect client, started on this machine.
    start: async (value, ctx) => (await import('./spark-local.ts')).sparkExternalClient((value as z.infer<typeof SparkConnectConfig>).connect, ctx),
  },
};
