export { LOCAL_ENGINES, LocalProvider } from './local-provider.ts';
export { startReferenceCatalog, type ReferenceCatalog } from './reference-catalog.ts';
