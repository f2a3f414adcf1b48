import { rm } from 'node:fs/promises';
import { cacheFolderOwners } from '../engines/index.ts';
import { BUILDS, cacheDir, cacheEntries, formatBytes } from '../provisioning/index.ts';
import { out, UsageError } from './cli-output.ts';
import { paimonVersions } from './version-args.ts';

export interface CacheOptions {
  action: string | undefined;
  /** prune: these Paimon versions' folders (comma list), or `all`; default: folders no row uses. */
  paimon?: string;
  dryRun: boolean;
}

/**
 * `cache list`: every cache folder with its size and the version-table rows that use it.
 * `cache prune`: removes the folders no row uses (or those of `--paimon`), listing each first;
 * `--dry-run` only lists. A shared Flink distribution goes only when none of its rows stays.
 */
export async function cacheCommand(opts: CacheOptions): Promise<number> {
  const root = cacheDir();
  const entries = await cacheEntries(root, cacheFolderOwners());
  if (opts.action === 'list') {
    out(`cache: ${root}`);
    if (!entries.length) out('  (empty)');
    for (const e of entries)
      out(
        `  ${e.name.padEnd(22)} ${formatBytes(e.bytes).padStart(10)}  ${e.usedBy.length ? `used by Paimon ${e.usedBy.join(', ')}` : BUILDS[e.name] ? `${BUILDS[e.name]} (cache prune removes them)` : 'used by no row of the version table (cache prune removes it)'}`,
      );
    out(`total: ${formatBytes(entries.reduce((n, e) => n + e.bytes, 0))}`);
    return 0;
  }
  if (opts.action !== 'prune') throw new UsageError(`cache takes list or prune (got '${opts.action ?? ''}')`);
  const versions = opts.paimon === undefined ? undefined : paimonVersions(opts.paimon, '--paimon');
  // A folder goes when every row that uses it is pruned (none, for folders no row uses).
  const doomed = entries.filter((e) => e.usedBy.every((v) => versions?.includes(v)));
  if (!doomed.length) {
    out('cache prune: nothing to remove');
    return 0;
  }
  for (const e of doomed) {
    out(`${opts.dryRun ? 'would remove' : 'removing'} ${e.path} (${formatBytes(e.bytes)})`);
    if (!opts.dryRun) await rm(e.path, { recursive: true, force: true });
  }
  out(`${opts.dryRun ? 'would free' : 'freed'} ${formatBytes(doomed.reduce((n, e) => n + e.bytes, 0))}`);
  return 0;
}
