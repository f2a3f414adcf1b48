/**
 * The one table of pinned versions per Paimon release. The local and docker providers read
 * it; the default (`--paimon` not given) is DEFAULT_PAIMON. Artifact ids of the Spark
 * connector changed at 1.4 (`paimon-spark-3.5` became `paimon-spark-3.5_2.12`).
 */
/** pypaimon's first release on PyPI is 1.3.0: the 1.1 and 1.2 lines have no Python client. */
const NO_PYPAIMON = 'pypaimon has no release for this Paimon line on PyPI (its first is 1.3.0)';

export interface PaimonVersionRow {
  /**
   * The row's id, as `--paimon` names it and cells show it: the Paimon release, or the release
   * with a client variant as semver build metadata (`2.0.0+pypaimon-2.1.0`: Paimon 2.0.0 with
   * the newer pypaimon). Version ranges (known issues, `requires.paimon`) see the release.
   */
  paimon: string;
  /** The Paimon release of the Java side (Maven artifacts, Flink connector), when the id is a variant. */
  release?: string;
  /** pypaimon release on PyPI that matches this Paimon release, or why the row has none. */
  pypaimon: string | { unavailable: string };
  /**
   * The jar that carries Paimon's classes for the reference catalog and the Java gateway:
   * `paimon-bundle`, or, where Maven Central has no bundle of the release (2.0.0), a Flink
   * connector jar, which bundles the same classes.
   */
  javaBundle?: string;
  /**
   * Python packages pypaimon needs to read what the Java implementation writes. pypaimon pins
   * only `fastavro>=1.4`; fastavro >= 1.13 reads zstd-compressed Avro (Java Paimon's default
   * manifest compression) only with `backports.zstd` installed (see docs/known-issues.md).
   */
  pythonExtras: string[];
  spark: { artifactId: string; pyspark: string; scala: string };
  /**
   * Flink with Paimon's connector for this release: the Flink distribution (PyPI's
   * `apache-flink-libraries` and `apache-flink` wheels: lib/, opt/, bin/), the SQL Gateway jar of the
   * same Flink version, and the `paimon-flink-<flink minor>` connector. A release with no
   * connector on Maven Central says why instead.
   */
  flink: { version: string; connector: string } | { unavailable: string };
  /**
   * paimon-rust's Python package (`pypaimon-rust`: the Rust implementation with its DataFusion
   * SQL), installed beside pypaimon. It is released on its own 0.x line, not per Paimon
   * release: each row pins the newest release that speaks that row's REST catalog, so a run is
   * reproducible and an upgrade of the Rust side is a deliberate change of this table.
   */
  pypaimonRust: string | { unavailable: string };
  /**
   * A row built from Paimon's sources (`--paimon git:<ref>`): the ref, built with the commit it
   * names; its connectors, bundle and reference catalog come from that build, not from Maven.
   */
  source?: { ref: string; commit: string };
  /** okhttp's mockwebserver the reference server was built against. */
  okhttp: string;
  hadoop: string;
}

/** Newest first; the default row is named (DEFAULT_PAIMON), not the first. */
export const PAIMON_VERSIONS: readonly PaimonVersionRow[] = [
  { paimon: '2.0.0', pypaimon: '2.0.0', javaBundle: 'paimon-flink-2.0', pythonExtras: [], spark: { artifactId: 'paimon-spark-3.5_2.12', pyspark: '3.5.7', scala: '2.12' }, flink: { version: '2.0.0', connector: 'paimon-flink-2.0' }, pypaimonRust: '0.4.0', okhttp: '4.12.0', hadoop: '3.3.6' },
  // The 2.0 line's newest Python client against 2.0.0's catalog, Java and Flink (pypaimon is
  // released on PyPI more often than Paimon on Maven Central).
  { paimon: '2.0.0+pypaimon-2.1.0', release: '2.0.0', pypaimon: '2.1.0', javaBundle: 'paimon-flink-2.0', pythonExtras: [], spark: { artifactId: 'paimon-spark-3.5_2.12', pyspark: '3.5.7', scala: '2.12' }, flink: { version: '2.0.0', connector: 'paimon-flink-2.0' }, pypaimonRust: '0.4.0', okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.4.2', pypaimon: '1.4.2', pythonExtras: ['backports.zstd==1.8.0'], spark: { artifactId: 'paimon-spark-3.5_2.12', pyspark: '3.5.7', scala: '2.12' }, flink: { version: '2.0.0', connector: 'paimon-flink-2.0' }, pypaimonRust: '0.4.0', okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.3.1', pypaimon: '1.3.1', pythonExtras: ['backports.zstd==1.8.0'], spark: { artifactId: 'paimon-spark-3.5', pyspark: '3.5.7', scala: '2.12' }, flink: { version: '1.20.3', connector: 'paimon-flink-1.20' }, pypaimonRust: '0.4.0', okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.2.0', pypaimon: { unavailable: NO_PYPAIMON }, pythonExtras: ['pyarrow==19.0.1'], spark: { artifactId: 'paimon-spark-3.5', pyspark: '3.5.7', scala: '2.12' }, flink: { version: '1.20.3', connector: 'paimon-flink-1.20' }, pypaimonRust: '0.4.0', okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.1.1', pypaimon: { unavailable: NO_PYPAIMON }, pythonExtras: ['pyarrow==19.0.1'], spark: { artifactId: 'paimon-spark-3.5', pyspark: '3.5.7', scala: '2.12' }, flink: { version: '2.0.0', connector: 'paimon-flink-2.0' }, pypaimonRust: '0.4.0', okhttp: '4.12.0', hadoop: '3.3.6' },
];

/**
 * The row a run uses when `--paimon` is not given: the newest release whose every component is
 * in the table and whose suite passes (2.0.0 is in the table for `--paimon 2.0.0|all`).
 */
export const DEFAULT_PAIMON = '1.4.2';

/** Rows built from Paimon's sources in this process (`--paimon git:<ref>`, see source-row.ts). */
const SOURCE_ROWS: PaimonVersionRow[] = [];

export function addSourceRow(row: PaimonVersionRow): void {
  if (!SOURCE_ROWS.some((r) => r.paimon === row.paimon)) SOURCE_ROWS.push(row);
}

export function versionRow(paimon: string | undefined): PaimonVersionRow | undefined {
  const id = paimon ?? DEFAULT_PAIMON;
  return PAIMON_VERSIONS.find((r) => r.paimon === id) ?? SOURCE_ROWS.find((r) => r.paimon === id);
}

/** The Paimon release whose Java artifacts a row uses (its id without a client variant). */
export const releaseOf = (row: PaimonVersionRow): string => row.release ?? row.paimon;
