export { CatalogClient, CatalogError, type RestReply } from './catalog-client.ts';
export { describeEndpoint, type CatalogEndpoint } from './catalog-endpoint.ts';
