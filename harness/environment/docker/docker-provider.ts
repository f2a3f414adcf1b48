import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { getContainerRuntimeClient, Network, type StartedNetwork } from 'testcontainers';
import { CONTAINER_IMAGES, DorisContainer, FlinkContainer, ReferenceCatalogContainer } from '../../../containers/index.ts';
import type { EngineEndpoint } from '../../engines/index.ts';
import { EnvironmentError, type EnvironmentOptions, type EnvironmentProvider, type StartedEnvironment } from '../environment.ts';
import { startGateway } from '../../engines/index.ts';
import type { ManagedProcess } from '../../processes/index.ts';
import { provisionFlink } from '../../provisioning/index.ts';
import { provision } from '../../provisioning/index.ts';
import { newSecret } from '../../new-secret.ts';
import { imagesToRun, requireImages } from './required-images.ts';
import { PAIMON_VERSIONS, releaseOf, versionRow } from '../../provisioning/index.ts';

/** Fails fast, in one line, where there is no container runtime. */
export async function requireContainerRuntime(): Promise<void> {
  try {
    await getContainerRuntimeClient();
  } catch {
    throw new EnvironmentError('ENV_UNAVAILABLE', 'docker', 'no container runtime found: use --env local or --env external');
  }
}

/**
 * Containers with testcontainers: the reference catalog (same launcher as local) on a JDK
 * image, Spark from the official image with the gateway, Doris FE + BE; the Python and Java
 * clients run on the host against the catalog container. The warehouse is one host folder,
 * mounted at the same path everywhere, so table paths mean the same in every container.
 */
export class DockerProvider implements EnvironmentProvider {
  readonly name = 'docker';

  async start(options: EnvironmentOptions): Promise<StartedEnvironment> {
    await requireContainerRuntime();
    const row = versionRow(options.paimonVersion);
    const images = row && CONTAINER_IMAGES[releaseOf(row)];
    if (!row || !images) throw new EnvironmentError('ENV_CONFIG', 'docker', `no container images pinned for Paimon ${options.paimonVersion} (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`);
    const progress = options.onProgress ?? (() => {});
    const wanted = (e: string) => !options.engines || options.engines.includes(e);
    // Every image is here (or pulled) before anything starts: a pull that fails is one clear error.
    await requireImages(imagesToRun([images.jdk, ...(wanted('flink') ? [images.flink] : []), ...(wanted('doris') ? [images.dorisFe, images.dorisBe] : [])]), progress);
    const prov = await provision(row, { progress, engines: ['pypaimon', 'paimon-java'] });
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
      progress(`catalog: starting ${images.jdk} with the reference catalog`);
      const catalogContainer = await new ReferenceCatalogContainer(images.jdk, { classes, jars: dirname(jarsGlob) }, warehouse).withToken(newSecret()).withNetwork(network).start();
      stops.push(() => catalogContainer.stop());
      const catalog = catalogContainer.endpoint();

      const engines: EngineEndpoint[] = [];
      const unavailable: Record<string, string> = { ...prov.unavailable };
      const logs: Record<string, string> = {};
      for (const engine of ['pypaimon', 'paimon-java'].filter(wanted)) {
        logs[engine] = join(logDir, `${engine}.log`);
        const gw = await startGateway(engine, prov, catalog, logs[engine]!);
        stops.push(() => (gw.process as ManagedProcess).stop());
        engines.push(gw.endpoint);
      }
      // Spark runs through Spark Connect (a server with Paimon's connector and the Connect client);
      // its container is not ported yet: the local and external environments run it.
      if (wanted('spark')) unavailable.spark = 'the docker environment has no Spark Connect container yet: use --env local (or external with spark: { connect: sc://... })';
      if (wanted('flink')) {
        const install = await provisionFlink(row, { python: prov.python, progress });
        if ('unavailable' in install) unavailable.flink = install.unavailable;
        else {
          progress(`flink: starting ${images.flink} (JobManager, TaskManager, SQL Gateway) with ${install.connector}`);
          const flink = await new FlinkContainer(images.flink, install.extraJars, [warehouse, scratchRoot]).withNetwork(network).start();
          stops.push(() => flink.stop());
          engines.push(flink.endpoint(catalogContainer.networkEndpoint().uri));
        }
      }
      if (wanted('doris')) {
        progress(`doris: starting ${images.dorisFe} and ${images.dorisBe}`);
        const doris = await new DorisContainer(images.dorisFe, images.dorisBe, warehouse).withNetwork(network).start();
        stops.push(() => doris.stop());
        // Doris reaches the catalog by its network alias, not by the host's mapped port.
        engines.push({ ...doris.endpoint(), options: { catalogUri: catalogContainer.networkEndpoint().uri } });
      }
      const versions: Record<string, string> = { paimon: row.paimon, catalog: `RESTCatalogServer ${row.paimon} on ${images.jdk}` };
      for (const e of engines) versions[e.engine] = e.version ?? 'container';
      return { provider: this.name, paimonVersion: row.paimon, catalog, engines, unavailable, logs, versions, scratchRoot, features: {}, stop: stopAll };
    } catch (err) {
      await stopAll();
      throw err;
    }
  }
}
