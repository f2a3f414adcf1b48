import type { CatalogEndpoint } from '../catalog/index.ts';
import type { ManagedProcess } from '../processes/index.ts';
import type { Provisioned } from '../provisioning/index.ts';
import type { EngineEndpoint } from './engine.ts';
import type { OneShotRunner } from './one-shot.ts';

/** What the local environment hands an engine's launcher for one matrix cell. */
export interface LocalLaunchContext {
  /** The cell's shared provisioning (Java, the venv, the catalog class path). */
  prov: Provisioned;
  catalog: CatalogEndpoint;
  /** The cell's logs/ and a folder of its own for the engine's files. */
  logDir: string;
  workDir: string;
  progress: (message: string) => void;
  refresh?: boolean;
  /** A user's own connector jar for this engine (`--spark-connector`, `--flink-connector`). */
  connectorJar?: string;
}

export interface LocalLaunch {
  endpoint: EngineEndpoint;
  processes: ManagedProcess[];
  /** Component -> log file. */
  logs: Record<string, string>;
  /** Component -> version, for reports (e.g. Flink and its connector). */
  versions: Record<string, string>;
  /** How a user would run one request in a fresh process (the benchmark's naive comparison). */
  oneShot?: OneShotRunner;
}

/** How one engine runs on the local environment: provision what it needs, start it, or say why not. */
export interface LocalEngineLauncher {
  launch(ctx: LocalLaunchContext): Promise<LocalLaunch | { unavailable: string }>;
}

/**
 * Engines behind one of the harness's own gateways (libraries with no server of their own).
 * `oneShot`: the gateway script also runs one portable request per process (`--once`).
 */
export function gatewayLauncher(engine: string, opts: { oneShot?: boolean } = {}): LocalEngineLauncher {
  return {
    async launch(ctx) {
      const unavailable = ctx.prov.unavailable[engine];
      if (unavailable) return { unavailable };
      const log = `${ctx.logDir}/${engine}.log`;
      ctx.progress(`${engine}: starting the gateway`);
      // Processes are loaded when an engine starts, not by commands that start none.
      const { gatewayOneShot, startGateway } = await import('./engine-gateway.ts');
      const gw = await startGateway(engine, ctx.prov, ctx.catalog, log);
      const oneShot = opts.oneShot ? gatewayOneShot(engine, ctx.prov, ctx.catalog) : undefined;
      return { endpoint: gw.endpoint, processes: [gw.process], logs: { [engine]: log }, versions: { [engine]: gw.endpoint.version ?? 'unknown' }, oneShot };
    },
  };
}
