import { coerce } from 'semver';
import { EnvironmentError } from '../environment-error.ts';
import { addSourceRow, PAIMON_VERSIONS, type PaimonVersionRow } from './version-table.ts';
import { configuredSource, gitShow, PAIMON_GIT_ENV, resolveRef, type PaimonSource } from './source-build.ts';

/** `--paimon git:<ref>`: the ref, or undefined for a version of the table. */
export function sourceRef(spec: string): string | undefined {
  const m = /^git:(.+)$/.exec(spec);
  return m?.[1];
}

/** A git ref as a semver build identifier part (`release-2.0.0` -> `release-2-0-0`). */
const buildId = (s: string) => s.replace(/[^0-9A-Za-z-]+/g, '-').replace(/^-+|-+$/g, '') || 'ref';

/** The project version of Paimon's root pom.xml (`2.0.0`, `2.1-SNAPSHOT`), as semver (`2.1.0-SNAPSHOT`). */
export function pomVersion(pom: string): string | undefined {
  const m = /<artifactId>paimon-parent<\/artifactId>[\s\S]*?<version>([^<]+)<\/version>/.exec(pom);
  if (!m) return undefined;
  const raw = m[1]!.trim();
  const base = coerce(raw)?.version;
  if (!base) return undefined;
  const pre = /-([0-9A-Za-z.-]+)$/.exec(raw)?.[1];
  return pre ? `${base}-${pre}` : base;
}

/**
 * The version row a ref of Paimon's sources makes: the table row of its release line (the newest
 * row not newer than the ref's version; the newest row for a newer line) lends Flink, Spark,
 * pypaimon-rust and the pins; everything Paimon's own (the reference catalog, the bundle, the
 * Flink and Spark connectors, pypaimon) is built from the ref. Its id is the ref's version with
 * the ref and commit as build metadata (`2.0.0+git.release-2-0-0.604e6d5e13`), so version ranges
 * of known issues and `requires.paimon` see the version.
 */
export function sourceVersionRow(
  ref: string,
  commit: string,
  version: string,
  table: readonly PaimonVersionRow[] = PAIMON_VERSIONS,
): PaimonVersionRow {
  const [major, minor] = version.split(/[.-]/).map(Number) as [number, number];
  const released = table.filter((r) => !r.release);
  const template =
    released.find((r) => {
      const [M, m] = r.paimon.split('.').map(Number) as [number, number];
      return M < major || (M === major && m <= minor);
    }) ?? released[0]!;
  return {
    ...template,
    paimon: `${version}+git.${buildId(ref)}.${commit.slice(0, 10)}`,
    release: version,
    javaBundle: undefined,
    pinsOf: template.paimon,
    source: { ref, commit },
  };
}

/**
 * Resolves `--paimon git:<ref>` against PAIMON_INTEROP_PAIMON_GIT into a version row (registered
 * so that the providers find it by id). One clear error when no source is configured or the ref
 * does not exist.
 */
export async function resolveSourceRow(ref: string, source: PaimonSource | undefined = configuredSource()): Promise<PaimonVersionRow> {
  if (!source)
    throw new EnvironmentError(
      'ENV_CONFIG',
      'paimon-source',
      `--paimon git:${ref} builds Paimon from its sources: set ${PAIMON_GIT_ENV} to a git URL or a local git directory of apache/paimon`,
    );
  const commit = await resolveRef(source, ref);
  const version = pomVersion(await gitShow(source, commit, 'pom.xml'));
  if (!version)
    throw new EnvironmentError(
      'ENV_CONFIG',
      'paimon-source',
      `${ref} (${commit.slice(0, 12)}): its pom.xml names no paimon-parent version; is ${source.location} apache/paimon?`,
    );
  const row = sourceVersionRow(ref, commit, version);
  addSourceRow(row);
  return row;
}
