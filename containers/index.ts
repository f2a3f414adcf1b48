export { applySpec, type ContainerSpec } from './container-spec.ts';
export { CONTAINER_IMAGES, IN_CONTAINER } from './container-versions.ts';
export { ReferenceCatalogContainer } from './reference-catalog-container.ts';
