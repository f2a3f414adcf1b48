export { CatalogClient, CatalogError, type RestReply } from './catalog-client.ts';
export { describeEndpoint, restCatalogOptions, type CatalogEndpoint, type PrincipalCredentials } from './catalog-endpoint.ts';
export { dlfAuthorization, dlfSignHeaders, verifyDlfRequest } from './dlf-signer.ts';
