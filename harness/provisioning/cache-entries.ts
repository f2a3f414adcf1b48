import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from './cache-dir.ts';
import { PAIMON_VERSIONS, releaseOf } from './version-table.ts';

/** One top-level folder of the cache, its size on disk and the version-table rows that use it. */
export interface CacheEntry {
  name: string;
  path: string;
  bytes: number;
  /** Paimon versions of the table that use it; empty: no row does (prunable). */
  usedBy: string[];
}

/** Bytes under `path`, symlinks counted as links (the Flink lib/ links into the shared distribution). */
export async function diskUsage(path: string): Promise<number> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  const names = await readdir(path).catch(() => [] as string[]);
  let total = 0;
  for (const n of names) total += await diskUsage(join(path, n));
  return total;
}

/**
 * Rows that use a cache folder: `paimon-<v>` (catalog jars, venv, Spark jar, Flink lib/ of that
 * release) belongs to row v and to its client variants (`v+pypaimon-…`, whose own folder holds a venv); `flink-<fv>` (a Flink distribution)
 * and `spark-<sv>` (pyspark with its Connect client, the spark-connect jar) are shared by every row on that Flink or Spark;
 * `paimon-src` holds builds from Paimon's sources by commit.
 */
/** Cache folders that hold builds rather than a row's downloads, with what they hold. */
export const BUILDS: Record<string, string> = {
  'paimon-src': "builds from Paimon's sources, by commit (git:<ref> rows, connectors Maven lacks)",
  'flink-user': 'Flink lib/ folders for --flink-connector jars, by checksum',
};

export function rowsUsing(name: string): string[] {
  // Builds from Paimon's sources (paimon-src/<commit>) and users' Flink connector jars: no row of
  // the table uses them; `cache prune` removes them (a build is redone when needed).
  if (BUILDS[name]) return [];
  const paimon = /^paimon-(.+)$/.exec(name)?.[1];
  if (paimon) return PAIMON_VERSIONS.filter((r) => r.paimon === paimon || releaseOf(r) === paimon).map((r) => r.paimon);
  const flink = /^flink-(\d.+)$/.exec(name)?.[1];
  if (flink) return PAIMON_VERSIONS.filter((r) => 'version' in r.flink && r.flink.version === flink).map((r) => r.paimon);
  const spark = /^spark-(\d.+)$/.exec(name)?.[1];
  if (spark) return PAIMON_VERSIONS.filter((r) => r.spark.pyspark === spark).map((r) => r.paimon);
  return [];
}

export async function cacheEntries(root = cacheDir()): Promise<CacheEntry[]> {
  const names = (await readdir(root).catch(() => [] as string[])).sort();
  const out: CacheEntry[] = [];
  for (const name of names) {
    const path = join(root, name);
    if (!(await lstat(path)).isDirectory()) continue;
    out.push({ name, path, bytes: await diskUsage(path), usedBy: rowsUsing(name) });
  }
  return out;
}

export const formatBytes = (b: number): string => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(0)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
