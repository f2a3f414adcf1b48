export { LocalProvider } from './local-provider.ts';
export { startReferenceCatalog, type ReferenceCatalog } from './reference-catalog.ts';
