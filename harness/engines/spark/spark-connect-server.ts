import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, GATEWAY_TIME_ZONE, ManagedProcess } from '../../processes/index.ts';
import type { SparkInstall } from './spark-provision.ts';

/** A local Spark Connect server with Paimon's connector: what the `spark` client gateway talks to. */
export interface SparkConnectServer {
  /** `sc://127.0.0.1:<port>` */
  url: string;
  process: ManagedProcess;
  log: string;
}

/** Answers when something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * spark-submit's arguments for a Spark Connect server in local mode: the server's class from
 * the `spark-connect` jar, Paimon's connector beside it, the Paimon session extensions (a static
 * setting: sessions cannot add them later), the driver on loopback, Spark's own catalog in
 * memory (no Derby metastore in the working folder), every JVM in the gateways' time zone.
 */
export function sparkConnectArgs(install: SparkInstall, port: number, workDir: string): string[] {
  const conf: Record<string, string> = {
    'spark.connect.grpc.binding.port': String(port),
    'spark.driver.host': '127.0.0.1',
    'spark.driver.bindAddress': '127.0.0.1',
    'spark.driver.memory': '1g',
    'spark.ui.enabled': 'false',
    'spark.sql.extensions': 'org.apache.paimon.spark.extensions.PaimonSparkSessionExtensions',
    'spark.sql.catalogImplementation': 'in-memory',
    'spark.sql.warehouse.dir': join(workDir, 'spark-warehouse'),
    'spark.local.dir': join(workDir, 'tmp'),
    'spark.sql.session.timeZone': GATEWAY_TIME_ZONE,
    'spark.driver.extraJavaOptions': `-Duser.timezone=${GATEWAY_TIME_ZONE}`,
  };
  return [
    join(install.sparkHome, 'bin', 'spark-submit'),
    '--master',
    'local[2]',
    '--class',
    'org.apache.spark.sql.connect.service.SparkConnectServer',
    '--jars',
    [install.connectJar, install.connectorJar].join(','),
    ...Object.entries(conf).flatMap(([k, v]) => ['--conf', `${k}=${v}`]),
    // spark-submit wants a primary resource; the server's class lives in the connect jar.
    install.connectJar,
  ];
}

/**
 * Starts a Spark Connect server under the harness's process management (it stops with the
 * harness), ready when its gRPC port accepts connections. Spark 3.5's server has no bind-address
 * setting: it listens on every interface, on a random free port.
 */
export async function startSparkConnect(
  install: SparkInstall,
  opts: { workDir: string; logDir: string; progress?: (m: string) => void; timeoutMs?: number },
): Promise<SparkConnectServer> {
  const port = await freePort();
  await mkdir(join(opts.workDir, 'tmp'), { recursive: true });
  const log = join(opts.logDir, 'spark-connect.log');
  opts.progress?.(`spark: starting a Spark Connect server (Spark ${install.sparkVersion}, ${install.connector})`);
  const { process } = await ManagedProcess.start({
    component: 'spark-connect',
    command: 'bash',
    args: sparkConnectArgs(install, port, opts.workDir),
    cwd: opts.workDir,
    env: { SPARK_HOME: install.sparkHome, SPARK_LOCAL_IP: '127.0.0.1', SPARK_LOG_DIR: opts.logDir, TZ: GATEWAY_TIME_ZONE },
    log,
    readyProbe: async () => ((await accepts(port)) ? 'listening' : undefined),
    stopOnStdinClose: true,
    timeoutMs: opts.timeoutMs ?? 180_000,
  });
  return { url: `sc://127.0.0.1:${port}`, process, log };
}
