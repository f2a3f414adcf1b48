import type { EngineOutcome, EngineRequest, StepContext } from '../engine.ts';
import { paimonTracker, type EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayAdapter } from '../gateway-adapter.ts';
import { z } from 'zod';
import { buildSql } from '../sql-builder.ts';
import { SPARK_DIALECT } from './spark-dialect.ts';
import { configuredSource } from '../../provisioning/index.ts';
import { SPARK_GATEWAY, sparkCacheFolder } from './spark-versions.ts';
import { sparkType } from './spark-types.ts';

/** Spark with the Paimon connector, through Spark Connect (the gateway is Spark's Connect client); actions become Spark SQL. */
class SparkEngine extends GatewayAdapter {
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
    .describe(
      "a Spark Connect endpoint (sc://host:port[/;token=...]) whose server carries Paimon's Spark connector and its session extensions",
    ),
});

/**
 * Spark SQL with Paimon's Spark connector, through Spark Connect: a Connect session per
 * principal, with the catalog `paimon` configured in that session (so `as:` steps work).
 */
export const sparkDescriptor: EngineDescriptor = {
  name: 'spark',
  summary: "Spark SQL with Paimon's Spark connector, over Spark Connect",
  capabilities: ['sql', 'writes', 'principals', 'merge-into', 'catalog-config'],
  createAdapter: (endpoint) => new SparkEngine('spark', endpoint, sparkType),
  gateway: SPARK_GATEWAY,
  // Provisioning, the Connect server and the client are loaded when Spark starts.
  local: {
    launch: async (ctx) => (await import('./spark-local.ts')).sparkLocalLauncher.launch(ctx),
    setup: async (ctx) => {
      const install = await (
        await import('./spark-provision.ts')
      ).provisionSpark(ctx.row, {
        progress: ctx.progress,
        choice: { source: configuredSource(), ref: ctx.row.source?.commit },
        refresh: ctx.refresh,
      });
      return 'unavailable' in install ? install : {};
    },
    cacheFolders: sparkCacheFolder,
  },
  // Spark runs through Spark Connect (a server with Paimon's connector and the Connect client): its container is not ported yet.
  docker: {
    unavailable:
      'the docker environment has no Spark Connect container yet: use --env local (or external with spark: { connect: sc://... })',
  },
  types: sparkType,
  issueTrackers: {
    paimon: paimonTracker('paimon-spark (the Spark connector)', 'spark'),
    engine: { project: 'apache/spark', component: 'SQL', tag: 'SQL', newIssueUrl: 'https://issues.apache.org/jira/projects/SPARK' },
  },
  external: {
    schema: SparkConnectConfig,
    endpoint: (value) => ({ engine: 'spark', url: (value as z.infer<typeof SparkConnectConfig>).connect }),
    // The endpoint is reached through Spark's Connect client, started on this machine.
    start: async (value, ctx) =>
      (await import('./spark-local.ts')).sparkExternalClient((value as z.infer<typeof SparkConnectConfig>).connect, ctx),
  },
};
