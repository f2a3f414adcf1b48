export { applySpec, type ContainerSpec } from './container-spec.ts';
export { ModuleContainer } from './module-container.ts';
export { CONTAINER_IMAGES, IN_CONTAINER, type ContainerImages } from './container-versions.ts';
export { ReferenceCatalogContainer, StartedReferenceCatalogContainer } from './reference-catalog-container.ts';
