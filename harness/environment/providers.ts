import { EnvironmentError, type EnvironmentProvider } from './environment.ts';
import { ExternalProvider } from './external/external-provider.ts';
import { LocalProvider } from './local/local-provider.ts';

/** The environment providers by name; `--env` picks one. */
export const PROVIDERS: Record<string, () => EnvironmentProvider | Promise<EnvironmentProvider>> = {
  local: () => new LocalProvider(),
  external: () => new ExternalProvider(),
  // testcontainers is loaded only when containers are asked for.
  docker: async () => new (await import('./docker/docker-provider.ts')).DockerProvider(),
};

export async function providerFor(name: string): Promise<EnvironmentProvider> {
  const make = PROVIDERS[name];
  if (!make) {
    throw new EnvironmentError('ENV_CONFIG', 'environment', `unknown environment '${name}' (available: ${Object.keys(PROVIDERS).join(', ')})`);
  }
  return make();
}
