import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from '../http-request.ts';
import { restCatalogOptions, type CatalogEndpoint } from '../catalog/index.ts';
import type { EngineEndpoint } from './engine.ts';
import { runOnce, type OneShotRunner } from './one-shot.ts';
import { EnvironmentError } from '../environment-error.ts';
import { logTail } from '../log-tail.ts';
import { GATEWAY_TIME_ZONE, ManagedProcess } from '../processes/index.ts';
import { releaseOf, type Provisioned } from '../provisioning/index.ts';

const GATEWAYS = join(dirname(fileURLToPath(import.meta.url)), '..', 'gateways');
const pythonGateway = (engine: string) => join(GATEWAYS, `${engine.replaceAll('-', '_')}_gateway.py`);

/** The gateway's environment: the catalog's connection (credentials included) travels here only. */
function gatewayEnv(prov: Provisioned, catalog: CatalogEndpoint, extra: Record<string, unknown> = {}): Record<string, string> {
  const config = { catalog: restCatalogOptions(catalog), version: releaseOf(prov.row), ...extra };
  return { PAIMON_INTEROP_GATEWAY_CONFIG: JSON.stringify(config), PYTHONUNBUFFERED: '1', TZ: GATEWAY_TIME_ZONE };
}

/** A Python gateway run once per request (`--once`): a fresh interpreter, imports and catalog each time. */
export function gatewayOneShot(engine: string, prov: Provisioned, catalog: CatalogEndpoint): OneShotRunner {
  return async (request, database) => {
    const r = await runOnce(prov.python, [pythonGateway(engine), '--once'], { cwd: GATEWAYS, env: gatewayEnv(prov, catalog), stdin: JSON.stringify({ request, database }) });
    const reply = r.stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
    const ok = r.code === 0 && reply !== undefined && (JSON.parse(reply) as { ok?: boolean }).ok === true;
    return { ok, wallMs: r.wallMs, detail: `python ${engine.replaceAll('-', '_')}_gateway.py --once${ok ? '' : `: exit ${r.code}; ${(reply ?? r.stderr).slice(-500)}`}` };
  };
}

/** A gateway's own interpreter and configuration beside the catalog's (Spark's Connect client: its venv and server address). */
export interface GatewayOverrides {
  python?: string;
  config?: Record<string, unknown>;
}

/**
 * Starts one engine gateway (pypaimon, paimon-java, paimon-rust, or Spark's Connect client) as a
 * local process connected to a catalog, and pings it. The local and external providers both
 * use it; the catalog's credentials travel in the child's environment only.
 */
export async function startGateway(engine: string, prov: Provisioned, catalog: CatalogEndpoint, log: string, overrides: GatewayOverrides = {}): Promise<{ process: ManagedProcess; endpoint: EngineEndpoint }> {
  // paimon-java runs on the JVM with the catalog's class path; the others are Python gateways.
  const command = engine === 'paimon-java' ? { command: prov.java, args: ['-Xmx2g', `-Duser.timezone=${GATEWAY_TIME_ZONE}`, '-cp', prov.catalogClasspath, 'JavaGateway'] } : { command: overrides.python ?? prov.python, args: [pythonGateway(engine)] };
  const gw = await ManagedProcess.start({
    component: engine,
    ...command,
    cwd: GATEWAYS,
    env: gatewayEnv(prov, catalog, overrides.config),
    log,
    readyPrefix: 'PAIMON_INTEROP_READY',
    pythonStacks: engine !== 'paimon-java',
    timeoutMs: 90_000,
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
