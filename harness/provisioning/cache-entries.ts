import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from './cache-dir.ts';
import { PAIMON_VERSIONS, pinOf, releaseOf, type EnginePins } from './version-table.ts';

/** One top-level folder of the cache, its size on disk and the version-table rows that use it. */
export interface CacheEntry {
  name: string;
  path: string;
  bytes: number;
  /** Paimon versions of the table that use it; empty: no row does (prunable). */
  usedBy: string[];
}

/** Bytes under `path`, symlinks counted as links (the Flink lib/ links into the shared distribution). */
async function diskUsage(path: string): Promise<number> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  const names = await readdir(path).catch(() => [] as string[]);
  let total = 0;
  for (const n of names) total += await diskUsage(join(path, n));
  return total;
}

/**
 * An engine's shared cache folders (`flink-<fv>`, a Flink distribution; `spark-<sv>`, pyspark with
 * its Connect client): the rows using the folder of this name, or undefined when it is not one of
 * the engine's.
 */
export type CacheFolderOwner = (name: string) => string[] | undefined;

/**
 * The owner of an engine's shared folders `<prefix>-<version>`: the rows whose pin of that engine
 * has that version (`flink-2.0.0`: every row on Flink 2.0.0).
 */
export function sharedCacheFolders<T>(prefix: string, pins: EnginePins<T>, versionOf: (pin: T) => string | undefined): CacheFolderOwner {
  const pattern = new RegExp(`^${prefix}-(\\d.+)$`);
  return (name) => {
    const version = pattern.exec(name)?.[1];
    if (!version) return undefined;
    return PAIMON_VERSIONS.filter((r) => {
      const pin = pinOf(pins, r);
      return pin !== undefined && versionOf(pin) === version;
    }).map((r) => r.paimon);
  };
}

/** Cache folders that hold builds rather than a row's downloads, with what they hold. */
export const BUILDS: Record<string, string> = {
  'paimon-src': "builds from Paimon's sources, by commit (git:<ref> rows, connectors Maven lacks)",
  'flink-user': 'Flink lib/ folders for --flink-connector jars, by checksum',
};

/**
 * Rows that use a cache folder: `paimon-<v>` (catalog jars, venv, Spark jar, Flink lib/ of that
 * release) belongs to row v and to its client variants (`v+pypaimon-…`, whose own folder holds a
 * venv); an engine's shared folders to the rows its owner names; `paimon-src` holds builds from
 * Paimon's sources by commit.
 */
export function rowsUsing(name: string, owners: readonly CacheFolderOwner[] = []): string[] {
  // Builds from Paimon's sources (paimon-src/<commit>) and users' Flink connector jars: no row of
  // the table uses them; `cache prune` removes them (a build is redone when needed).
  if (BUILDS[name]) return [];
  const paimon = /^paimon-(.+)$/.exec(name)?.[1];
  if (paimon) return PAIMON_VERSIONS.filter((r) => r.paimon === paimon || releaseOf(r) === paimon).map((r) => r.paimon);
  for (const owner of owners) {
    const rows = owner(name);
    if (rows) return rows;
  }
  return [];
}

export async function cacheEntries(root = cacheDir(), owners: readonly CacheFolderOwner[] = []): Promise<CacheEntry[]> {
  const names = (await readdir(root).catch(() => [] as string[])).sort();
  const out: CacheEntry[] = [];
  for (const name of names) {
    const path = join(root, name);
    if (!(await lstat(path)).isDirectory()) continue;
    out.push({ name, path, bytes: await diskUsage(path), usedBy: rowsUsing(name, owners) });
  }
  return out;
}

export const formatBytes = (b: number): string =>
  b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(0)} MiB` : `${(b / 1024).toFixed(0)} KiB`;
