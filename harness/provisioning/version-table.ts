/**
 * The rows of the version matrix (`--paimon`): each Paimon release (or a release with a client
 * variant) with the pins of the catalog side. Each engine keeps its own pins per row in its folder
 * (harness/engines/<name>/*-versions.ts) and reads them with pinOf; the registry assembles the
 * whole table (versionTable). The default row is DEFAULT_PAIMON.
 */
export interface PaimonVersionRow {
  /**
   * The row's id, as `--paimon` names it and cells show it: the Paimon release, or the release
   * with a client variant as semver build metadata (`2.0.0+pypaimon-2.1.0`: Paimon 2.0.0 with
   * the newer pypaimon). Version ranges (known issues, `requires.paimon`) see the release.
   */
  paimon: string;
  /** The Paimon release of the Java side (Maven artifacts, Flink connector), when the id is a variant. */
  release?: string;
  /**
   * The jar that carries Paimon's classes for the reference catalog and the Java gateway:
   * `paimon-bundle`, or, where Maven Central has no bundle of the release (2.0.0), a Flink
   * connector jar, which bundles the same classes.
   */
  javaBundle?: string;
  /**
   * Python packages the shared venv needs besides the engines' own: pypaimon reads what the Java
   * implementation writes only with `backports.zstd` (it pins only `fastavro>=1.4`, and fastavro
   * >= 1.13 reads zstd-compressed Avro, Java Paimon's default manifest compression, only with it;
   * see docs/known-issues.md); rows without pypaimon need pyarrow for the file inspector.
   */
  pythonExtras: string[];
  /**
   * A row built from Paimon's sources (`--paimon git:<ref>`): the ref, built with the commit it
   * names; its connectors, bundle and reference catalog come from that build, not from Maven.
   */
  source?: { ref: string; commit: string };
  /** A row built from source takes the engines' pins of this released row (the nearest older one). */
  pinsOf?: string;
  /** okhttp's mockwebserver the reference server was built against. */
  okhttp: string;
  hadoop: string;
}

/** One engine's pins: row id -> what the row uses (a release, coordinates), or why it has none. */
export type EnginePins<T> = Readonly<Record<string, T>>;

/** The pin of an engine for a row (a row built from source: its template row's). */
export function pinOf<T>(pins: EnginePins<T>, row: Pick<PaimonVersionRow, 'paimon' | 'pinsOf'>): T | undefined {
  return pins[row.paimon] ?? (row.pinsOf === undefined ? undefined : pins[row.pinsOf]);
}

/** Newest first; the default row is named (DEFAULT_PAIMON), not the first. */
export const PAIMON_VERSIONS: readonly PaimonVersionRow[] = [
  { paimon: '2.0.0', javaBundle: 'paimon-flink-2.0', pythonExtras: [], okhttp: '4.12.0', hadoop: '3.3.6' },
  // The 2.0 line's newest Python client (PYPAIMON_PINS) against 2.0.0's catalog, Java and Flink.
  { paimon: '2.0.0+pypaimon-2.1.0', release: '2.0.0', javaBundle: 'paimon-flink-2.0', pythonExtras: [], okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.4.2', pythonExtras: ['backports.zstd==1.8.0'], okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.3.1', pythonExtras: ['backports.zstd==1.8.0'], okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.2.0', pythonExtras: ['pyarrow==19.0.1'], okhttp: '4.12.0', hadoop: '3.3.6' },
  { paimon: '1.1.1', pythonExtras: ['pyarrow==19.0.1'], okhttp: '4.12.0', hadoop: '3.3.6' },
];

/**
 * The row a run uses when `--paimon` is not given: the newest release whose every component is
 * in the table and whose suite passes (2.0.0 is in the table for `--paimon 2.0.0|all`).
 */
const DEFAULT_PAIMON = '1.4.2';

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
