import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restCatalogOptions, type CatalogEndpoint } from '../../catalog/index.ts';
import { startFlinkCluster } from './flink-cluster.ts';
import { provisionFlink, type FlinkInstall } from './flink-provision.ts';
import { redact } from '../../redact.ts';
import { createCatalogSql, FLINK_DIALECT, SESSION_PROPERTIES } from './flink-dialect.ts';
import type { LocalEngineLauncher } from '../local-launch.ts';
import { runOnce, type OneShotRunner } from '../one-shot.ts';
import { buildSql, SQL_CATALOG } from '../sql-builder.ts';

/**
 * Flink's SQL client run once per statement (`sql-client.sh -f`), in embedded mode against the
 * running cluster: a fresh JVM, session and catalog each time, as a user's script would. The
 * script holds the catalog's credentials: it lives in a private temporary folder, removed after.
 */
function sqlClientOneShot(install: FlinkInstall, confDir: string, catalog: CatalogEndpoint): OneShotRunner {
  return async (request, database) => {
    const statement = request.kind === 'sql' ? request.sql : buildSql(request, FLINK_DIALECT, database);
    if (!statement) return { ok: false, wallMs: 0, detail: `no Flink SQL for ${request.kind}` };
    const options = { ...restCatalogOptions(catalog), 'default-database': database };
    const script = [
      ...Object.entries({ ...SESSION_PROPERTIES, 'sql-client.execution.result-mode': 'tableau' }).map(([k, v]) => `SET '${k}' = '${v}';`),
      `${createCatalogSql(SQL_CATALOG, options)};`,
      `USE CATALOG ${FLINK_DIALECT.quoteId(SQL_CATALOG)};`,
      `${statement};`,
    ].join('\n');
    const dir = await mkdtemp(join(tmpdir(), 'paimon-interop-sql-'));
    try {
      await writeFile(join(dir, 'statement.sql'), script, { mode: 0o600 });
      const env = { FLINK_CONF_DIR: confDir, FLINK_LIB_DIR: install.libDir, FLINK_OPT_DIR: install.optDir, FLINK_LOG_DIR: dir };
      const r = await runOnce('bash', [join(install.binDir, 'sql-client.sh'), '-f', join(dir, 'statement.sql')], { env });
      const ok = r.code === 0 && !/\[ERROR\]/.test(r.stdout);
      const secrets = Object.entries(options)
        .filter(([k]) => /token|secret|key-id/.test(k))
        .map(([, v]) => v);
      return {
        ok,
        wallMs: r.wallMs,
        detail: `sql-client.sh -f (${statement.slice(0, 80)})${ok ? '' : `: exit ${r.code}; ${redact(`${r.stdout}${r.stderr}`.slice(-600), secrets)}`}`,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/**
 * Flink on the local environment: the distribution and jars from the cache (provisionFlink),
 * then a session cluster and its SQL Gateway as local processes (startFlinkCluster). The
 * adapter learns the cluster's REST address and the TaskManager's log, to tell a lost
 * TaskManager from a failed statement.
 */
export const flinkLocalLauncher: LocalEngineLauncher = {
  async launch(ctx) {
    const install = await provisionFlink(ctx.prov.row, {
      python: ctx.prov.python,
      progress: ctx.progress,
      refresh: ctx.refresh,
      connectorJar: ctx.connectorJar,
    });
    if ('unavailable' in install) return install;
    const confDir = join(ctx.workDir, 'flink-conf');
    await mkdir(confDir, { recursive: true });
    const cluster = await startFlinkCluster(install, { confDir, logDir: ctx.logDir, progress: ctx.progress });
    const version = `Flink ${install.flinkVersion} + ${install.connector}`;
    return {
      endpoint: {
        engine: 'flink',
        url: cluster.gatewayUrl,
        version,
        log: cluster.logs['flink-sql-gateway'],
        options: { restUrl: cluster.restUrl, taskmanagerLog: cluster.logs['flink-taskmanager']!, catalogUri: ctx.catalog.uri },
      },
      processes: cluster.processes,
      logs: cluster.logs,
      versions: { flink: version },
      oneShot: sqlClientOneShot(install, confDir, ctx.catalog),
    };
  },
};
