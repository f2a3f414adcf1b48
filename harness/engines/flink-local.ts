import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { startFlinkCluster } from '../processes/index.ts';
import { provisionFlink } from '../provisioning/index.ts';
import type { LocalEngineLauncher } from './local-launch.ts';

/**
 * Flink on the local environment: the distribution and jars from the cache (provisionFlink),
 * then a session cluster and its SQL Gateway as local processes (startFlinkCluster). The
 * adapter learns the cluster's REST address and the TaskManager's log, to tell a lost
 * TaskManager from a failed statement.
 */
export const flinkLocalLauncher: LocalEngineLauncher = {
  async launch(ctx) {
    const install = await provisionFlink(ctx.prov.row, { python: ctx.prov.python, progress: ctx.progress, refresh: ctx.refresh });
    if ('unavailable' in install) return install;
    const confDir = join(ctx.workDir, 'flink-conf');
    await mkdir(confDir, { recursive: true });
    const cluster = await startFlinkCluster(install, { confDir, logDir: ctx.logDir, progress: ctx.progress });
    const version = `Flink ${install.flinkVersion} + ${install.connector.split(':').slice(1).join(' ')}`;
    return {
      endpoint: { engine: 'flink', url: cluster.gatewayUrl, version, log: cluster.logs['flink-sql-gateway'], options: { restUrl: cluster.restUrl, taskmanagerLog: cluster.logs['flink-taskmanager']! } },
      processes: cluster.processes,
      logs: cluster.logs,
      versions: { flink: version },
    };
  },
};
