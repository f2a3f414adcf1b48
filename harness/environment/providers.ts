import { EnvironmentError, type EnvironmentProvider } from './environment.ts';
import { DockerProvider } from './docker/docker-provider.ts';
import { ExternalProvider } from './external/external-provider.ts';
import { LocalProvider } from './local/local-provider.ts';

/** The environment providers by name; `--env` picks one. */
export const PROVIDERS: Record<string, () => EnvironmentProvider> = {
  local: () => new LocalProvider(),
  external: () => new ExternalProvider(),
  docker: () => new DockerProvider(),
};

export function providerFor(name: string): EnvironmentProvider {
  const make = PROVIDERS[name];
  if (!make) {
    throw new EnvironmentError('ENV_CONFIG', 'environment', `unknown environment '${name}' (available: ${Object.keys(PROVIDERS).join(', ')})`);
  }
  return make();
}
