import { Wait, type StartedTestContainer } from 'testcontainers';
import type { CatalogEndpoint } from '../harness/catalog/index.ts';
import { ModuleContainer } from './module-container.ts';
import { IN_CONTAINER } from './container-versions.ts';

const PORT = 8181;
/** The launcher's authorization hooks (make a database or table forbidden in the catalog itself), guarded by the admin token. */
const ADMIN_PORT = 8182;

/**
 * Apache Paimon's reference REST catalog in a JDK container, started by the same
 * CatalogLauncher (and the same provisioned class path) as the local environment.
 */
export class ReferenceCatalogContainer extends ModuleContainer {
  constructor(image: string, classpath: { classes: string; jars: string }, warehouse: string) {
    super({
      image,
      command: [
        'java',
        '-Xmx1g',
        '-cp',
        `${IN_CONTAINER}/classes:${IN_CONTAINER}/jars/*`,
        'CatalogLauncher',
        '--data-path',
        warehouse,
        '--warehouse',
        'paimon_interop',
        '--host',
        '0.0.0.0',
        '--port',
        String(PORT),
        '--admin-port',
        String(ADMIN_PORT),
        '--watch-stdin',
        'false',
        '--auth',
        'bear',
      ],
      env: {},
      secretEnv: [],
      ports: [PORT, ADMIN_PORT],
      networkAliases: ['catalog'],
      binds: [{ source: warehouse, target: warehouse }],
      copies: [
        { source: classpath.classes, target: `${IN_CONTAINER}/classes`, kind: 'directory' },
        { source: classpath.jars, target: `${IN_CONTAINER}/jars`, kind: 'directory' },
      ],
      wait: { describe: 'log line PAIMON_INTEROP_READY', timeoutMs: 120_000, strategy: () => Wait.forLogMessage(/PAIMON_INTEROP_READY/) },
    });
  }

  withToken(token: string): this {
    this.spec = {
      ...this.spec,
      env: { ...this.spec.env, PAIMON_INTEROP_CATALOG_TOKEN: token, PAIMON_INTEROP_ADMIN_TOKEN: token },
      secretEnv: ['PAIMON_INTEROP_CATALOG_TOKEN', 'PAIMON_INTEROP_ADMIN_TOKEN'],
    };
    return this;
  }

  async start(): Promise<StartedReferenceCatalogContainer> {
    return new StartedReferenceCatalogContainer(await this.startContainer(), this.spec.env.PAIMON_INTEROP_CATALOG_TOKEN ?? '');
  }
}

export class StartedReferenceCatalogContainer {
  constructor(
    readonly container: StartedTestContainer,
    private readonly token: string,
  ) {}

  /** The catalog as the harness (on the host) reaches it. */
  endpoint(): CatalogEndpoint {
    return {
      uri: `http://${this.container.getHost()}:${this.container.getMappedPort(PORT)}/`,
      warehouse: 'paimon_interop',
      auth: { provider: 'bear', token: this.token },
    };
  }

  /** The launcher's authorization hooks as the harness reaches them (catalog-deny steps); the token is the catalog's. */
  admin(): { url: string; token: string } {
    return { url: `http://${this.container.getHost()}:${this.container.getMappedPort(ADMIN_PORT)}`, token: this.token };
  }

  /** The catalog as other containers on the network reach it. */
  networkEndpoint(): CatalogEndpoint {
    return { ...this.endpoint(), uri: `http://catalog:${PORT}/` };
  }

  stop() {
    return this.container.stop();
  }
}
