import { basename } from 'node:path';
import { restCatalogOptions, type CatalogEndpoint } from '../catalog/index.ts';
import {
  gatewayCommandLine,
  gatewayEnv,
  GATEWAY_LIBRARY,
  startGatewayProcess,
  type GatewayCommand,
  type ManagedProcess,
} from '../processes/index.ts';
import { releaseOf, type Provisioned } from '../provisioning/index.ts';
import type { EngineEndpoint } from './engine.ts';
import { runOnce, type OneShotRunner } from './one-shot.ts';

/** A gateway's own interpreter and configuration beside the catalog's (Spark's Connect client: its venv and server address). */
export interface GatewayOverrides {
  python?: string;
  config?: Record<string, unknown>;
}

/** What a gateway reads: the catalog's connection (credentials included), the row's release, the engine's own settings. */
const gatewayConfig = (prov: Provisioned, catalog: CatalogEndpoint, extra: Record<string, unknown> = {}) => ({
  catalog: restCatalogOptions(catalog),
  version: releaseOf(prov.row),
  ...extra,
});

/**
 * Starts an engine's gateway (its descriptor's `gateway`) as a local process connected to a
 * catalog, and pings it. The local, external and docker providers all use it.
 */
export async function startGateway(
  engine: string,
  command: GatewayCommand,
  prov: Provisioned,
  catalog: CatalogEndpoint,
  log: string,
  overrides: GatewayOverrides = {},
): Promise<{ process: ManagedProcess; endpoint: EngineEndpoint }> {
  const gw = await startGatewayProcess({
    component: engine,
    command,
    python: overrides.python ?? prov.python,
    java: prov.java,
    classpath: prov.catalogClasspath,
    config: gatewayConfig(prov, catalog, overrides.config),
    log,
  });
  return { process: gw.process, endpoint: { engine, url: gw.url, version: gw.version, log } };
}

/** A Python gateway run once per request (`--once`): a fresh interpreter, imports and catalog each time. */
export function gatewayOneShot(engine: string, command: GatewayCommand, prov: Provisioned, catalog: CatalogEndpoint): OneShotRunner {
  const line = gatewayCommandLine({ command, python: prov.python, java: prov.java, classpath: prov.catalogClasspath });
  const name = basename(line.args[line.args.length - 1]!);
  return async (request, database) => {
    const r = await runOnce(line.command, [...line.args, '--once'], {
      cwd: GATEWAY_LIBRARY,
      env: gatewayEnv(gatewayConfig(prov, catalog)),
      stdin: JSON.stringify({ request, database }),
    });
    const reply = r.stdout
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'));
    const ok = r.code === 0 && reply !== undefined && (JSON.parse(reply) as { ok?: boolean }).ok === true;
    return { ok, wallMs: r.wallMs, detail: `python ${name} --once${ok ? '' : `: exit ${r.code}; ${(reply ?? r.stderr).slice(-500)}`}` };
  };
}
