import { GenericContainer, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import { applySpec, type ContainerSpec } from './container-spec.ts';

/** The part every single-container module shares: its spec, `withNetwork()`, and starting it. */
export abstract class ModuleContainer {
  protected network?: StartedNetwork;

  protected constructor(protected spec: ContainerSpec) {}

  /** The definition as it will be started; tests check it without a Docker engine. */
  get definition(): Readonly<ContainerSpec> {
    return this.spec;
  }

  withNetwork(network: StartedNetwork): this {
    this.network = network;
    return this;
  }

  protected startContainer(): Promise<StartedTestContainer> {
    const c = applySpec(new GenericContainer(this.spec.image), this.spec);
    return (this.network ? c.withNetwork(this.network) : c).start();
  }
}
