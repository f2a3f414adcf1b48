export { CatalogClient, CatalogError, type RestReply } from './catalog-client.ts';
export { describeEndpoint, restCatalogOptions, type CatalogEndpoint } from './catalog-endpoint.ts';
