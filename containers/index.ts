export { applySpec, type ContainerSpec } from './container-spec.ts';
export { CONTAINER_IMAGES, IN_CONTAINER, type ImageSource } from './container-versions.ts';
export { ReferenceCatalogContainer } from './reference-catalog-container.ts';
export { buildJdkImage, imagePresent, imageSize, imageStep, LOCAL_JDK_IMAGE } from './local-images.ts';
export { startCleanupWatchdog } from './cleanup-watchdog.ts';
