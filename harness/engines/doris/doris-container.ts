import { GenericContainer, Wait, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import type { EngineEndpoint } from '../engine.ts';
import { applySpec, type ContainerSpec } from '../../../containers/index.ts';
import { ShowBackendsWaitStrategy } from './show-backends-wait-strategy.ts';

const QUERY_PORT = 9030;
const EDIT_LOG_PORT = 9010;
const HEARTBEAT_PORT = 9050;

/**
 * Apache Doris from the official FE and BE images on one network: the BE registers with the
 * FE by network alias, and the FE counts as started only when `SHOW BACKENDS` has an alive BE.
 */
export class DorisContainer {
  private network?: StartedNetwork;
  readonly fe: ContainerSpec;
  readonly be: ContainerSpec;

  constructor(feImage: string, beImage: string, warehouse: string) {
    this.fe = {
      image: feImage,
      command: [],
      env: { FE_SERVERS: `fe1:doris-fe:${EDIT_LOG_PORT}`, FE_ID: '1' },
      secretEnv: [],
      ports: [QUERY_PORT, 8030],
      networkAliases: ['doris-fe'],
      copies: [],
      binds: [],
      wait: { describe: 'an alive backend in SHOW BACKENDS', timeoutMs: 300_000, strategy: () => new ShowBackendsWaitStrategy(QUERY_PORT) },
    };
    this.be = {
      image: beImage,
      command: [],
      env: { FE_SERVERS: `fe1:doris-fe:${EDIT_LOG_PORT}`, BE_ADDR: `doris-be:${HEARTBEAT_PORT}` },
      secretEnv: [],
      ports: [HEARTBEAT_PORT],
      networkAliases: ['doris-be'],
      copies: [],
      // The BE reads table files at the paths the catalog hands out.
      binds: [{ source: warehouse, target: warehouse }],
      wait: { describe: 'the BE heartbeat port listening', timeoutMs: 300_000, strategy: () => Wait.forListeningPorts() },
    };
  }

  withNetwork(network: StartedNetwork): this {
    this.network = network;
    return this;
  }

  async start(): Promise<StartedDorisContainer> {
    if (!this.network) throw new Error('DorisContainer needs withNetwork(): FE and BE find each other by alias');
    // The BE starts first so the FE's wait (an alive backend) can succeed.
    const be = await applySpec(new GenericContainer(this.be.image), this.be).withNetwork(this.network).start();
    const fe = await applySpec(new GenericContainer(this.fe.image), this.fe).withNetwork(this.network).start();
    return new StartedDorisContainer(fe, be);
  }
}

export class StartedDorisContainer {
  constructor(
    readonly fe: StartedTestContainer,
    readonly be: StartedTestContainer,
  ) {}

  /** `mysql://root@host:port` of the FE, as the Doris adapter takes it. */
  endpoint(): EngineEndpoint {
    return { engine: 'doris', url: `mysql://root@${this.fe.getHost()}:${this.fe.getMappedPort(QUERY_PORT)}`, version: 'container' };
  }

  async stop(): Promise<void> {
    await this.fe.stop();
    await this.be.stop();
  }
}
