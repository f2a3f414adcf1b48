import type { CatalogEndpoint } from '../catalog/index.ts';
import type { GatewayCommand, ManagedProcess } from '../processes/index.ts';
import type { CacheFolderOwner, PaimonVersionRow, Progress, Provisioned } from '../provisioning/index.ts';
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

/** What `setup` hands an engine to install for a row, beyond the shared venv and class path. */
interface EngineSetupContext {
  row: PaimonVersionRow;
  /** The row's shared venv. */
  python: string;
  progress: Progress;
  refresh?: boolean;
}

/** How one engine runs on the local environment: provision what it needs, start it, or say why not. */
export interface LocalEngineLauncher {
  launch(ctx: LocalLaunchContext): Promise<LocalLaunch | { unavailable: string }>;
  /** Python packages it needs in the row's shared venv (a library gateway's library), or why the row has none. */
  pythonPackages?(row: PaimonVersionRow, progress: Progress): Promise<string[] | { unavailable: string }>;
  /** Java sources compiled onto the reference catalog's class path (a gateway on the JVM). */
  javaSources?: readonly string[];
  /** What `setup` installs for it besides (a distribution, a connector), or why the row has none. */
  setup?(ctx: EngineSetupContext): Promise<{ unavailable?: string }>;
  /** Its shared cache folders (`cache list` says which rows use each). */
  cacheFolders?: CacheFolderOwner;
}

/**
 * Engines behind one of the harness's own gateways (libraries with no server of their own).
 * `oneShot`: the gateway script also runs one portable request per process (`--once`); the
 * rest of `opts` is what the engine brings to the row's provisioning.
 */
export function gatewayLauncher(
  engine: string,
  command: GatewayCommand,
  opts: { oneShot?: boolean } & Pick<LocalEngineLauncher, 'pythonPackages' | 'javaSources'> = {},
): LocalEngineLauncher {
  return {
    pythonPackages: opts.pythonPackages,
    javaSources: opts.javaSources,
    async launch(ctx) {
      const unavailable = ctx.prov.unavailable[engine];
      if (unavailable) return { unavailable };
      const log = `${ctx.logDir}/${engine}.log`;
      ctx.progress(`${engine}: starting the gateway`);
      // Processes are loaded when an engine starts, not by commands that start none.
      const { gatewayOneShot, startGateway } = await import('./gateway-launch.ts');
      const gw = await startGateway(engine, command, ctx.prov, ctx.catalog, log);
      const oneShot = opts.oneShot ? gatewayOneShot(engine, command, ctx.prov, ctx.catalog) : undefined;
      return {
        endpoint: gw.endpoint,
        processes: [gw.process],
        logs: { [engine]: log },
        versions: { [engine]: gw.endpoint.version ?? 'unknown' },
        oneShot,
      };
    },
  };
}
