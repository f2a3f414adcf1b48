import { basename } from 'node:path';
import { GenericContainer, Wait, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import type { EngineEndpoint } from '../engine.ts';
import { applySpec, type ContainerSpec } from '../../../containers/index.ts';

const REST_PORT = 8081;
const GATEWAY_PORT = 8083;
const LIB = '/opt/flink/lib';

/**
 * Flink from the official image as a session cluster on one network: JobManager, TaskManager
 * and SQL Gateway (each its own container, found by network alias), with Paimon's Flink
 * connector and the Hadoop client jars copied into lib/. Configuration goes in
 * FLINK_PROPERTIES, as the image documents; every JVM runs in UTC like the local processes.
 */
export class FlinkContainer {
  private network?: StartedNetwork;
  readonly jobmanager: ContainerSpec;
  readonly taskmanager: ContainerSpec;
  readonly sqlGateway: ContainerSpec;

  constructor(image: string, jars: readonly string[], sharedPaths: readonly string[]) {
    const properties = [
      'jobmanager.rpc.address: flink-jobmanager',
      'rest.address: flink-jobmanager',
      'rest.port: 8081',
      'taskmanager.numberOfTaskSlots: 4',
      'parallelism.default: 1',
      'restart-strategy.type: none',
      'sql-gateway.endpoint.rest.address: 0.0.0.0',
      `sql-gateway.endpoint.rest.port: ${GATEWAY_PORT}`,
      'env.java.opts.all: -Duser.timezone=UTC',
    ].join('\n');
    const common = (alias: string, command: string[]): ContainerSpec => ({
      image,
      command,
      env: { FLINK_PROPERTIES: properties, TZ: 'UTC' },
      secretEnv: [],
      ports: [],
      networkAliases: [alias],
      copies: jars.map((jar) => ({ source: jar, target: `${LIB}/${basename(jar)}`, kind: 'file' as const })),
      // Host folders at the same paths: table files where the catalog says, format tables at scratch paths.
      binds: sharedPaths.map((path) => ({ source: path, target: path })),
      wait: { describe: '', timeoutMs: 180_000, strategy: () => Wait.forListeningPorts() },
    });
    this.jobmanager = {
      ...common('flink-jobmanager', ['jobmanager']),
      ports: [REST_PORT],
      wait: { describe: 'GET /overview answers', timeoutMs: 180_000, strategy: () => Wait.forHttp('/overview', REST_PORT) },
    };
    this.taskmanager = {
      ...common('flink-taskmanager', ['taskmanager']),
      wait: {
        describe: 'log line: registered at the resource manager',
        timeoutMs: 180_000,
        strategy: () => Wait.forLogMessage(/Successful registration at resource manager/),
      },
    };
    this.sqlGateway = {
      ...common('flink-sql-gateway', ['/opt/flink/bin/sql-gateway.sh', 'start-foreground']),
      ports: [GATEWAY_PORT],
      wait: { describe: 'GET /v1/info answers', timeoutMs: 180_000, strategy: () => Wait.forHttp('/v1/info', GATEWAY_PORT) },
    };
  }

  withNetwork(network: StartedNetwork): this {
    this.network = network;
    return this;
  }

  async start(): Promise<StartedFlinkContainer> {
    if (!this.network)
      throw new Error('FlinkContainer needs withNetwork(): the TaskManager and the SQL Gateway find the JobManager by alias');
    const started: StartedTestContainer[] = [];
    try {
      for (const spec of [this.jobmanager, this.taskmanager, this.sqlGateway])
        started.push(await applySpec(new GenericContainer(spec.image), spec).withNetwork(this.network).start());
    } catch (err) {
      await Promise.allSettled(started.map((c) => c.stop()));
      throw err;
    }
    return new StartedFlinkContainer(started[0]!, started[1]!, started[2]!);
  }
}

export class StartedFlinkContainer {
  constructor(
    readonly jobmanager: StartedTestContainer,
    readonly taskmanager: StartedTestContainer,
    readonly sqlGateway: StartedTestContainer,
  ) {}

  /** The SQL Gateway on the host's mapped port; `catalogUri` is how Flink reaches the catalog inside the network. */
  endpoint(catalogUri: string): EngineEndpoint {
    return {
      engine: 'flink',
      url: `http://${this.sqlGateway.getHost()}:${this.sqlGateway.getMappedPort(GATEWAY_PORT)}`,
      version: 'container',
      options: { catalogUri, restUrl: `http://${this.jobmanager.getHost()}:${this.jobmanager.getMappedPort(REST_PORT)}` },
    };
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.sqlGateway.stop(), this.taskmanager.stop(), this.jobmanager.stop()]);
  }
}
