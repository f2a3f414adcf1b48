import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { getContainerRuntimeClient, Network, type StartedNetwork } from 'testcontainers';
import { Agent, request } from 'undici';
import { WireProxy } from '../../catalog/index.ts';
import {
  CONTAINER_IMAGES,
  imagePresent,
  LOCAL_JDK_IMAGE,
  ReferenceCatalogContainer,
  startCleanupWatchdog,
  type ImageSource,
} from '../../../containers/index.ts';
import { ENGINE_DESCRIPTORS, provisionForEngines, startGateway, type EngineEndpoint } from '../../engines/index.ts';
import { EnvironmentError, type EnvironmentOptions, type EnvironmentProvider, type StartedEnvironment } from '../environment.ts';
import { PAIMON_VERSIONS, releaseOf, versionRow } from '../../provisioning/index.ts';
import { newSecret } from '../../new-secret.ts';
import { imagesToRun, requireImages } from './required-images.ts';

/**
 * Starts a component's containers; a container that exits or never becomes ready is one
 * environment error naming the component, with the last lines of its session's stopped containers.
 */
async function containerStart<T>(component: string, sessionLabel: string | undefined, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    if (err instanceof EnvironmentError) throw err;
    const message = ((err as Error).message ?? String(err)).replace(/\s+/g, ' ').trim().slice(0, 300);
    throw new EnvironmentError('ENV_START_FAILED', `${component} container`, `did not start: ${message}`, await exitedLogs(sessionLabel));
  }
}

/** The last lines of the session's containers that exited (the one that failed is among them). */
async function exitedLogs(sessionLabel: string | undefined): Promise<string | undefined> {
  const run = promisify(execFile);
  try {
    const filter = sessionLabel ? ['--filter', `label=${sessionLabel}`] : [];
    const ids = (await run('docker', ['ps', '-aq', '--filter', 'status=exited', ...filter])).stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .slice(0, 3);
    const tails = await Promise.all(
      ids.map(async (id) => {
        const r = await run('docker', ['logs', '--tail', '15', id]).catch((e: { stdout?: string; stderr?: string }) => e);
        return `${id.slice(0, 12)}: ${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim()}`;
      }),
    );
    return tails.join('\n') || undefined;
  } catch {
    return undefined;
  }
}

/** The container network's gateway: the host's address on it, which its containers reach. */
async function networkGateway(network: StartedNetwork): Promise<string | undefined> {
  const client = await getContainerRuntimeClient();
  const info = (await client.network.getById(network.getId()).inspect()) as { IPAM?: { Config?: { Gateway?: string }[] } };
  return info.IPAM?.Config?.find((c) => c.Gateway)?.Gateway;
}

/** Whether the Docker engine DOCKER_HOST names answers its ping (unix:// or tcp://). */
async function dockerHostAnswers(host: string): Promise<boolean> {
  try {
    const socketPath = host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
    const url = socketPath ? 'http://localhost/_ping' : `${host.replace(/^tcp:/, 'http:')}/_ping`;
    const res = await request(url, {
      dispatcher: socketPath ? new Agent({ connect: { socketPath } }) : undefined,
      headersTimeout: 5_000,
      bodyTimeout: 5_000,
    });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}

/**
 * Fails fast, in one line, where there is no container runtime. A DOCKER_HOST that is set is the
 * one meant: testcontainers would fall back to the default socket when it does not answer.
 */
export async function requireContainerRuntime(): Promise<void> {
  const host = process.env.DOCKER_HOST;
  try {
    if (host && !(await dockerHostAnswers(host))) throw new Error(`DOCKER_HOST ${host} does not answer`);
    await getContainerRuntimeClient();
  } catch {
    throw new EnvironmentError('ENV_UNAVAILABLE', 'docker', 'no container runtime found: use --env local or --env external');
  }
}

/**
 * Containers with testcontainers: the reference catalog (same launcher as local) on a JDK image,
 * and each engine as its descriptor's `docker` says (Flink from its image, official or built here,
 * with the connector; Doris FE + BE from the official ones); engines with a gateway and no `docker`
 * run their gateway on the host against the catalog container. The warehouse is one host folder, mounted at the same path
 * everywhere, so table paths mean the same in every container.
 */
export class DockerProvider implements EnvironmentProvider {
  readonly name = 'docker';

  async start(options: EnvironmentOptions): Promise<StartedEnvironment> {
    await requireContainerRuntime();
    const row = versionRow(options.paimonVersion);
    const pinned = row && CONTAINER_IMAGES[releaseOf(row)];
    if (!row || !pinned)
      throw new EnvironmentError(
        'ENV_CONFIG',
        'docker',
        `no container images pinned for Paimon ${options.paimonVersion} (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`,
      );
    const progress = options.onProgress ?? (() => {});
    // Images built here (`paimon-interop images build`) where they exist, unless official ones are asked for.
    const source: ImageSource = options.images ?? ((await imagePresent(LOCAL_JDK_IMAGE)) ? 'local' : 'official');
    const images = pinned[source];
    progress(`docker: ${source === 'local' ? 'images built here (paimon-interop images build)' : 'official images'}`);
    // Without a registry there is no resource reaper image either: a watchdog of ours removes the session's containers and networks when the harness is gone.
    const sessionLabel = source === 'local' ? await startCleanupWatchdog() : undefined;
    const wanted = ENGINE_DESCRIPTORS.filter((d) => !options.engines || options.engines.includes(d.name));
    const inContainers = wanted.flatMap((d) => (d.docker && 'images' in d.docker ? [d.docker] : []));
    // Every image is here (or pulled) before anything starts: a pull that fails is one clear error.
    await requireImages(imagesToRun([images.jdk, ...inContainers.flatMap((docker) => docker.images(row, source))]), progress);
    const prov = await provisionForEngines(row, { progress });
    const runDir = resolve(options.runDir);
    const warehouse = join(runDir, 'warehouse');
    const logDir = join(runDir, 'logs');
    const scratchRoot = join(runDir, 'scratch');
    for (const d of [warehouse, logDir, scratchRoot]) await mkdir(d, { recursive: true });
    const [classes, jarsGlob] = prov.catalogClasspath.split(':') as [string, string];

    const stops: (() => Promise<unknown>)[] = [];
    const stopAll = async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    };
    try {
      const network: StartedNetwork = await new Network().start();
      stops.push(() => network.stop());
      // A JDK image of the user's own may serve the catalog (it needs `java` on its PATH).
      const catalogImage = process.env.PAIMON_INTEROP_CATALOG_IMAGE ?? images.jdk;
      progress(`catalog: starting ${catalogImage} with the reference catalog`);
      const catalogContainer = await containerStart('catalog', sessionLabel, () =>
        new ReferenceCatalogContainer(catalogImage, { classes, jars: dirname(jarsGlob) }, warehouse)
          .withToken(newSecret())
          .withNetwork(network)
          .start(),
      );
      stops.push(() => catalogContainer.stop());
      // Every client, on the host or in a container, reaches the catalog through the wire proxy on
      // the network's gateway: failing steps show their requests, faults and catalog configurations apply to all.
      const serviceHost = await networkGateway(network);
      const wire = await new WireProxy(catalogContainer.endpoint(), serviceHost).start();
      stops.push(() => wire.stop());
      const catalog = wire.endpoint;
      const context = {
        prov,
        catalog,
        networkCatalogUri: serviceHost ? wire.endpoint.uri : catalogContainer.networkEndpoint().uri,
        network,
        mounts: [warehouse, scratchRoot],
        logDir,
        progress,
        images: source,
      };

      const engines: EngineEndpoint[] = [];
      const unavailable: Record<string, string> = { ...prov.unavailable };
      const logs: Record<string, string> = {};
      for (const d of wanted.filter((d) => !unavailable[d.name])) {
        if (d.docker && 'unavailable' in d.docker) unavailable[d.name] = d.docker.unavailable;
        else if (d.docker) {
          const start = d.docker.start;
          const started = await containerStart(d.name, sessionLabel, () => start(context, row));
          if ('unavailable' in started) unavailable[d.name] = started.unavailable;
          else {
            stops.push(started.stop);
            engines.push(started.endpoint);
          }
        } else if (d.gateway) {
          logs[d.name] = join(logDir, `${d.name}.log`);
          const gw = await startGateway(d.name, d.gateway, prov, catalog, logs[d.name]!);
          stops.push(() => gw.process.stop());
          engines.push(gw.endpoint);
        } else unavailable[d.name] = 'the docker environment does not offer it';
      }
      const versions: Record<string, string> = { paimon: row.paimon, catalog: `RESTCatalogServer ${row.paimon} on ${catalogImage}` };
      for (const e of engines) versions[e.engine] = e.version ?? 'container';
      return {
        provider: this.name,
        paimonVersion: row.paimon,
        catalog,
        engines,
        unavailable,
        logs,
        versions,
        scratchRoot,
        // The warehouse is a host folder mounted into every container: its files can be inspected here.
        features: {
          files: { inspector: prov.python, warehouseRoot: warehouse },
          serviceHost,
          wireProxy: wire.traceEndpoint,
          catalogAdmin: catalogContainer.admin(),
        },
        stop: stopAll,
      };
    } catch (err) {
      await stopAll();
      throw err;
    }
  }
}
