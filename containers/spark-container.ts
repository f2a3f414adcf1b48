import { Wait, type StartedTestContainer } from 'testcontainers';
import type { CatalogEndpoint } from '../harness/catalog/index.ts';
import type { EngineEndpoint } from '../harness/engines/index.ts';
import { restCatalogOptions } from '../harness/catalog/index.ts';
import { ModuleContainer } from './module-container.ts';
import { IN_CONTAINER } from './container-versions.ts';

const PORT = 8765;

/** Spark from the official image with the harness's Spark gateway and the paimon-spark jar. */
export class SparkContainer extends ModuleContainer {
  constructor(image: string, gateways: string, sparkJar: string, warehouse: string) {
    super({
      image,
      command: ['python3', `${IN_CONTAINER}/gateways/spark_gateway.py`],
      env: {
        PAIMON_INTEROP_GATEWAY_HOST: '0.0.0.0',
        PAIMON_INTEROP_GATEWAY_PORT: String(PORT),
        PAIMON_INTEROP_WATCH_STDIN: 'false',
        // Like every gateway process (GATEWAY_TIME_ZONE): values never depend on the host's zone.
        TZ: 'UTC',
        PYTHONPATH: `/opt/spark/python:/opt/spark/python/lib/py4j-src.zip:${IN_CONTAINER}/gateways`,
      },
      secretEnv: [],
      ports: [PORT],
      networkAliases: ['spark'],
      copies: [
        { source: gateways, target: `${IN_CONTAINER}/gateways`, kind: 'directory' },
        { source: sparkJar, target: `${IN_CONTAINER}/jars/paimon-spark.jar`, kind: 'file' },
      ],
      binds: [{ source: warehouse, target: warehouse }],
      wait: { describe: 'log line PAIMON_INTEROP_READY', timeoutMs: 300_000, strategy: () => Wait.forLogMessage(/PAIMON_INTEROP_READY/) },
    });
  }

  /** The catalog as seen from inside the network; its credential travels in a secret env entry. */
  withCatalog(catalog: CatalogEndpoint): this {
    const config = JSON.stringify({ catalog: restCatalogOptions(catalog), spark_jar: `${IN_CONTAINER}/jars/paimon-spark.jar` });
    this.spec = { ...this.spec, env: { ...this.spec.env, PAIMON_INTEROP_GATEWAY_CONFIG: config }, secretEnv: [...this.spec.secretEnv, 'PAIMON_INTEROP_GATEWAY_CONFIG'] };
    return this;
  }

  async start(): Promise<StartedSparkContainer> {
    return new StartedSparkContainer(await this.startContainer());
  }
}

export class StartedSparkContainer {
  constructor(readonly container: StartedTestContainer) {}

  endpoint(): EngineEndpoint {
    return { engine: 'spark', url: `http://${this.container.getHost()}:${this.container.getMappedPort(PORT)}`, version: 'container' };
  }

  stop() {
    return this.container.stop();
  }
}
