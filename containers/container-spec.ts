import type { GenericContainer, WaitStrategy } from 'testcontainers';

/**
 * Everything a container module configures, as a plain value: modules build a spec with their
 * `withX()` setters and apply it on start, so tests check a definition without a Docker engine.
 */
export interface ContainerSpec {
  image: string;
  command: string[];
  env: Record<string, string>;
  /** Names of env entries that hold secrets (never printed). */
  secretEnv: string[];
  ports: number[];
  networkAliases: string[];
  /** Host folder or file -> path in the container. */
  copies: { source: string; target: string; kind: 'directory' | 'file' }[];
  /** Bind mounts; the warehouse is mounted at its host path so table paths mean the same everywhere. */
  binds: { source: string; target: string }[];
  wait: { describe: string; timeoutMs: number; strategy: () => WaitStrategy };
}

/** Applies a spec to a testcontainers GenericContainer. */
export function applySpec(container: GenericContainer, spec: ContainerSpec): GenericContainer {
  let c = container
    .withCommand(spec.command)
    .withEnvironment(spec.env)
    .withExposedPorts(...spec.ports)
    .withNetworkAliases(...spec.networkAliases);
  const dirs = spec.copies.filter((x) => x.kind === 'directory');
  const files = spec.copies.filter((x) => x.kind === 'file');
  if (dirs.length) c = c.withCopyDirectoriesToContainer(dirs.map(({ source, target }) => ({ source, target })));
  if (files.length) c = c.withCopyFilesToContainer(files.map(({ source, target }) => ({ source, target })));
  if (spec.binds.length) c = c.withBindMounts(spec.binds.map(({ source, target }) => ({ source, target, mode: 'rw' as const })));
  return c.withWaitStrategy(spec.wait.strategy().withStartupTimeout(spec.wait.timeoutMs));
}
