import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from '../../http-request.ts';
import { freePort, GATEWAY_TIME_ZONE, ManagedProcess } from '../../processes/index.ts';
import type { FlinkInstall } from './flink-provision.ts';

/** A standalone Flink session cluster and its SQL Gateway, all local processes on loopback. */
export interface FlinkCluster {
  /** The SQL Gateway's REST endpoint (what the `flink` adapter talks to). */
  gatewayUrl: string;
  /** The cluster's own REST endpoint (/overview, /jobs). */
  restUrl: string;
  processes: ManagedProcess[];
  /** Component -> log file. */
  logs: Record<string, string>;
}

export interface FlinkClusterOptions {
  /** Where the harness's own config.yaml and log4j config are written (one per matrix cell). */
  confDir: string;
  logDir: string;
  /** Task slots: enough for the scenarios that run at once. */
  slots?: number;
  timeoutMs?: number;
  progress?: (message: string) => void;
}

async function getJson(url: string): Promise<Record<string, unknown> | undefined> {
  const res = await request(url, { headersTimeout: 2_000, bodyTimeout: 2_000 });
  if (res.statusCode !== 200) {
    await res.body.dump();
    return undefined;
  }
  return (await res.body.json()) as Record<string, unknown>;
}

/**
 * The cluster's configuration, sized for a 2-core machine: loopback only, the ports given,
 * parallelism 1, small managed memory (Paimon writes on heap), fast heartbeats so a lost
 * TaskManager is noticed in seconds, and a short slot-request timeout so a job that cannot get
 * a slot fails instead of waiting minutes. Every JVM runs in the gateways' time zone.
 */
function flinkConfig(ports: { rpc: number; rest: number; gateway: number }, slots: number, tmpDir: string): string {
  const settings: Record<string, string | number> = {
    'jobmanager.rpc.address': '127.0.0.1',
    'jobmanager.rpc.port': ports.rpc,
    'jobmanager.bind-host': '127.0.0.1',
    'jobmanager.memory.process.size': '768m',
    'taskmanager.host': '127.0.0.1',
    'taskmanager.bind-host': '127.0.0.1',
    'taskmanager.numberOfTaskSlots': slots,
    'taskmanager.memory.process.size': '1536m',
    'taskmanager.memory.managed.size': '64m',
    // A write into a partitioned table shuffles by partition: 64m of network buffers ran out.
    'taskmanager.memory.network.min': '192m',
    'taskmanager.memory.network.max': '192m',
    // Each blocking batch exchange reserves this many buffers (default 512): with a few jobs of
    // the concurrent scenarios at once (a bucketed write shuffles twice) 6144 buffers ran out
    // ("Insufficient number of network buffers: required 512, but only 0 available").
    'taskmanager.network.sort-shuffle.min-buffers': 128,
    'parallelism.default': 1,
    'rest.address': '127.0.0.1',
    'rest.bind-address': '127.0.0.1',
    'rest.port': ports.rest,
    'sql-gateway.endpoint.rest.address': '127.0.0.1',
    'sql-gateway.endpoint.rest.bind-address': '127.0.0.1',
    'sql-gateway.endpoint.rest.port': ports.gateway,
    'heartbeat.interval': 2000,
    'heartbeat.timeout': 10000,
    'slot.request.timeout': 20000,
    'restart-strategy.type': 'none',
    'io.tmp.dirs': tmpDir,
    'env.java.opts.all': `-Duser.timezone=${GATEWAY_TIME_ZONE}`,
    'env.java.opts.sql-gateway': '-Xmx512m',
  };
  return `${Object.entries(settings)
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`)
    .join('\n')}\n`;
}

/** Console logging only: each process's output goes to its log file in the cell's logs/. */
const LOG4J_CONSOLE = `rootLogger.level = INFO
rootLogger.appenderRef.console.ref = ConsoleAppender
appender.console.name = ConsoleAppender
appender.console.type = CONSOLE
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.pekko.name = org.apache.pekko
logger.pekko.level = WARN
logger.zookeeper.name = org.apache.zookeeper
logger.zookeeper.level = WARN
`;

/**
 * Starts JobManager, TaskManager and SQL Gateway in the foreground under the harness's process
 * management (never `start-cluster.sh`, whose daemons outlive their parent): each stops with the
 * harness on normal end, Ctrl-C, SIGTERM and SIGKILL. Ready when the cluster's /overview shows a
 * registered TaskManager and the gateway's /v1/info answers; a component that does not come up
 * is an environment error naming it, with its log tail.
 */
export async function startFlinkCluster(install: FlinkInstall, opts: FlinkClusterOptions): Promise<FlinkCluster> {
  const ports = { rpc: await freePort(), rest: await freePort(), gateway: await freePort() };
  const tmpDir = join(opts.confDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  await writeFile(join(opts.confDir, 'config.yaml'), flinkConfig(ports, opts.slots ?? 4, tmpDir));
  await writeFile(join(opts.confDir, 'log4j-console.properties'), LOG4J_CONSOLE);
  const restUrl = `http://127.0.0.1:${ports.rest}`;
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}`;
  const env = {
    FLINK_CONF_DIR: opts.confDir,
    FLINK_LIB_DIR: install.libDir,
    FLINK_OPT_DIR: install.optDir,
    FLINK_LOG_DIR: opts.logDir,
    TZ: GATEWAY_TIME_ZONE,
  };
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const logs = {
    'flink-jobmanager': join(opts.logDir, 'flink-jobmanager.log'),
    'flink-taskmanager': join(opts.logDir, 'flink-taskmanager.log'),
    'flink-sql-gateway': join(opts.logDir, 'flink-sql-gateway.log'),
  };
  const abandon = new AbortController();
  const start = (component: keyof typeof logs, script: string, readyProbe: () => Promise<string | undefined>) =>
    ManagedProcess.start({
      component,
      command: 'bash',
      args: [join(install.binDir, script), 'start-foreground'],
      env,
      log: logs[component],
      readyProbe,
      stopOnStdinClose: true,
      timeoutMs,
      signal: abandon.signal,
    }).catch((err: unknown) => {
      abandon.abort();
      throw err;
    });

  opts.progress?.(`flink: starting JobManager, TaskManager and SQL Gateway (Flink ${install.flinkVersion})`);
  // All three start at once (the TaskManager retries until the JobManager answers).
  const starts = [
    start('flink-jobmanager', 'jobmanager.sh', async () => ((await getJson(`${restUrl}/config`)) ? 'up' : undefined)),
    start('flink-taskmanager', 'taskmanager.sh', async () =>
      Number((await getJson(`${restUrl}/overview`))?.taskmanagers ?? 0) > 0 ? 'registered' : undefined,
    ),
    start('flink-sql-gateway', 'sql-gateway.sh', async () => (await getJson(`${gatewayUrl}/v1/info`))?.productName as string | undefined),
  ];
  const settled = await Promise.allSettled(starts);
  const processes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.process] : []));
  // The first failure, not the others' "start abandoned".
  const failed =
    settled.find((s): s is PromiseRejectedResult => s.status === 'rejected' && !/start abandoned/.test(String(s.reason))) ??
    settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.allSettled(processes.map((p) => p.stop()));
    throw failed.reason;
  }
  return { gatewayUrl, restUrl, processes, logs };
}
