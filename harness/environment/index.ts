export {
  EnvironmentError,
  type ConnectorJars,
  type EnvironmentDescriptor,
  type EnvironmentErrorCode,
  type EnvironmentOptions,
  type EnvironmentProvider,
  type StartedEnvironment,
} from './environment.ts';
export { providerFor, PROVIDERS } from './providers.ts';
export { externalCatalogEndpoint } from './external/external-config.ts';
