export { LocalProvider } from './local-provider.ts';
export { startReferenceCatalog, type CatalogAuth, type ReferenceCatalog } from './reference-catalog.ts';
