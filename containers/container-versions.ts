import { LOCAL_JDK_IMAGE } from './local-images.ts';

/**
 * Images of the catalog side for `--env docker`, keyed like the Paimon version table. A tag is
 * checked only where Docker runs and a registry answers.
 */
export interface ContainerImages {
  /** JDK image that runs the reference catalog launcher (the same classes the local env uses). */
  jdk: string;
  minio: string;
}

/** Where images come from: the official ones from a registry, or those `paimon-interop images build` made here. */
export type ImageSource = 'official' | 'local';

/** The catalog side's images, per Paimon release and source (engines pin theirs in their folders: harness/engines/<name>/). */
const CATALOG_IMAGES: Record<ImageSource, ContainerImages> = {
  official: { jdk: 'eclipse-temurin:17-jre', minio: 'minio/minio:RELEASE.2025-09-07T16-13-09Z' },
  // No local MinIO: the docker environment keeps the warehouse in a host folder mounted everywhere.
  local: { jdk: LOCAL_JDK_IMAGE, minio: '' },
};

export const CONTAINER_IMAGES: Record<string, Record<ImageSource, ContainerImages>> = {
  '2.0.0': CATALOG_IMAGES,
  '1.4.2': CATALOG_IMAGES,
  '1.3.1': CATALOG_IMAGES,
  '1.2.0': CATALOG_IMAGES,
  '1.1.1': CATALOG_IMAGES,
};

/** Where the harness's own files land inside containers. */
export const IN_CONTAINER = '/opt/paimon-interop';
