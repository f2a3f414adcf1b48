import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '../http-request.ts';
import { restCatalogOptions, type CatalogEndpoint } from '../catalog/index.ts';
import type { EngineEndpoint } from './engine.ts';
import { EnvironmentError } from '../environment-error.ts';
import { logTail } from '../log-tail.ts';
import { GATEWAY_TIME_ZONE, ManagedProcess } from '../processes/index.ts';
import type { Provisioned } from '../provisioning/index.ts';

const GATEWAYS = join(dirname(fileURLToPath(import.meta.url)), '..', 'gateways');

/**
 * Starts one engine gateway (pypaimon, paimon-java, paimon-rust or spark) as a local process connected to a
 * catalog, and pings it. The local and external providers both use it; the catalog's
 * credentials travel in the child's environment only.
 */
export async function startGateway(engine: string, prov: Provisioned, catalog: CatalogEndpoint, log: string): Promise<{ process: ManagedProcess; endpoint: EngineEndpoint }> {
  const config = { catalog: restCatalogOptions(catalog), version: prov.row.paimon, spark_jar: prov.sparkJar };
  // paimon-java runs on the JVM with the catalog's class path; the others are Python gateways.
  const command = engine === 'paimon-java' ? { command: prov.java, args: ['-Xmx2g', `-Duser.timezone=${GATEWAY_TIME_ZONE}`, '-cp', prov.catalogClasspath, 'JavaGateway'] } : { command: prov.python, args: [join(GATEWAYS, `${engine.replaceAll('-', '_')}_gateway.py`)] };
  const gw = await ManagedProcess.start({
    component: engine,
    ...command,
    cwd: GATEWAYS,
    env: { PAIMON_INTEROP_GATEWAY_CONFIG: JSON.stringify(config), PYTHONUNBUFFERED: '1', TZ: GATEWAY_TIME_ZONE },
    log,
    readyPrefix: 'PAIMON_INTEROP_READY',
    timeoutMs: engine === 'spark' ? 240_000 : 90_000,
  });
  const url = /gateway=(\S+)/.exec(gw.ready)![1]!;
  try {
    const res = await request(`${url}/ping`);
    const body = (await res.body.json()) as { version?: string };
    return { process: gw.process, endpoint: { engine, url, version: body.version, log } };
  } catch (err) {
    await gw.process.stop();
    throw new EnvironmentError('ENV_START_FAILED', engine, `gateway ping failed: ${(err as Error).message}`, await logTail(log));
  }
}
