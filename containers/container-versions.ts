/**
 * Images and versions for `--env docker`, pinned in one table and keyed like the Paimon version
 * table. They are not pulled on the machines this project is developed on (no Docker engine,
 * no image registry there), so a tag is checked only where Docker runs.
 */
export interface ContainerImages {
  /** JDK image that runs the reference catalog launcher (the same classes the local env uses). */
  jdk: string;
  /** Official Spark image with Python (for a Spark Connect container: not ported yet, the docker environment reports Spark unavailable). */
  spark: string;
  /** Official Flink image (JobManager, TaskManager, SQL Gateway); Paimon's connector is copied into lib/. */
  flink: string;
  dorisFe: string;
  dorisBe: string;
  minio: string;
}

/** The images every row shares; only Flink follows the row's Flink version. */
const imagesWithFlink = (flink: string): ContainerImages => ({
  jdk: 'eclipse-temurin:17-jre',
  spark: 'apache/spark:3.5.7-scala2.12-java17-python3-ubuntu',
  flink: `flink:${flink}-scala_2.12-java17`,
  dorisFe: 'apache/doris:fe-3.1.2',
  dorisBe: 'apache/doris:be-3.1.2',
  minio: 'minio/minio:RELEASE.2025-09-07T16-13-09Z',
});

export const CONTAINER_IMAGES: Record<string, ContainerImages> = {
  '2.0.0': imagesWithFlink('2.0.0'),
  '1.4.2': imagesWithFlink('2.0.0'),
  '1.3.1': imagesWithFlink('1.20.3'),
  '1.2.0': imagesWithFlink('1.20.3'),
  '1.1.1': imagesWithFlink('2.0.0'),
};

/** Where the harness's own files land inside containers. */
export const IN_CONTAINER = '/opt/paimon-interop';
