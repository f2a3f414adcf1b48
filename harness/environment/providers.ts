import { EnvironmentError, type EnvironmentProvider } from './environment.ts';

/**
 * The environment providers by name; `--env` picks one. Each is loaded when asked for, so
 * commands that start nothing (validate, list) never load provisioning, processes or
 * testcontainers.
 */
const PROVIDERS: Record<string, () => Promise<EnvironmentProvider>> = {
  local: async () => new (await import('./local/local-provider.ts')).LocalProvider(),
  external: async () => new (await import('./external/external-provider.ts')).ExternalProvider(),
  docker: async () => new (await import('./docker/docker-provider.ts')).DockerProvider(),
};

export async function providerFor(name: string): Promise<EnvironmentProvider> {
  const make = PROVIDERS[name];
  if (!make) {
    throw new EnvironmentError(
      'ENV_CONFIG',
      'environment',
      `unknown environment '${name}' (available: ${Object.keys(PROVIDERS).join(', ')})`,
    );
  }
  return make();
}
