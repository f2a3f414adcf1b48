export { EnvironmentError, type ConnectorJars, type EnvironmentDescriptor, type StartedEnvironment } from './environment.ts';
export { providerFor } from './providers.ts';
export { externalCatalogEndpoint } from './external/external-config.ts';
export { buildLocalImages } from './docker/build-images.ts';
