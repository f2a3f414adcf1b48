/**
 * Images of the catalog side for `--env docker`, keyed like the Paimon version table. A tag is
 * checked only where Docker runs and a registry answers.
 */
export interface ContainerImages {
  /** JDK image that runs the reference catalog launcher (the same classes the local env uses). */
  jdk: string;
  minio: string;
}

/** The catalog side's images, per Paimon release (engines pin theirs in their folders: harness/engines/<name>/). */
const CATALOG_IMAGES: ContainerImages = { jdk: 'eclipse-temurin:17-jre', minio: 'minio/minio:RELEASE.2025-09-07T16-13-09Z' };

export const CONTAINER_IMAGES: Record<string, ContainerImages> = {
  '2.0.0': CATALOG_IMAGES,
  '1.4.2': CATALOG_IMAGES,
  '1.3.1': CATALOG_IMAGES,
  '1.2.0': CATALOG_IMAGES,
  '1.1.1': CATALOG_IMAGES,
};

/** Where the harness's own files land inside containers. */
export const IN_CONTAINER = '/opt/paimon-interop';
