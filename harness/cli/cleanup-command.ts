import { CatalogClient, describeEndpoint, RUN_PREFIX, runStartedAt } from '../catalog/index.ts';
import { EnvironmentError, externalCatalogEndpoint } from '../environment/index.ts';
import { err, out, UsageError } from './cli-output.ts';
import { durationMs } from './duration-arg.ts';

export interface CleanupOptions {
  env: string;
  config?: string;
  /** `30m`, `12h`, `1d`, or `0` (every run); default 1d, so a run still going is left alone. */
  olderThan?: string;
  dryRun: boolean;
  now?: Date;
}

export function parseAge(text: string): number {
  if (text === '0') return 0;
  const ms = durationMs(text, 'mhd', '[1-9]\\d{0,5}');
  if (ms === undefined) throw new UsageError(`--older-than takes a number with m, h or d (30m, 12h, 1d) or 0 (got '${text}')`);
  return ms;
}

/**
 * `cleanup --env external --config F [--older-than 1d] [--dry-run]`: drops what interrupted runs
 * left in a shared catalog. Only databases named by a run (`pi_<run id>_…`, the run id starting
 * with the run's UTC start time) older than the limit are dropped, each listed first with its
 * tables; anything else, under the prefix or not, is never touched (the catalog client refuses
 * changes outside the prefix as well).
 */
export async function cleanupCommand(opts: CleanupOptions): Promise<number> {
  if (opts.env !== 'external') {
    throw new UsageError(
      `cleanup works on an external catalog (--env external --config F); the ${opts.env} environment's catalog is gone with its run`,
    );
  }
  const file = opts.config ?? process.env.PAIMON_INTEROP_CONFIG;
  if (!file)
    throw new EnvironmentError(
      'ENV_CONFIG',
      'external',
      'no config file: pass --config <file> or set PAIMON_INTEROP_CONFIG (see docs/environments.md)',
    );
  const olderThanMs = parseAge(opts.olderThan ?? '1d');
  const now = opts.now ?? new Date();
  const endpoint = await externalCatalogEndpoint(file);
  const client = new CatalogClient(endpoint);
  const databases = await client.listDatabases().catch((e: Error & { status?: number }) => {
    throw new EnvironmentError(
      e.status === undefined ? 'ENV_UNAVAILABLE' : 'ENV_CONFIG',
      'catalog',
      `${describeEndpoint(endpoint)}: ${e.message}`,
    );
  });
  const runs = databases
    .map((name) => ({ name, startedAt: runStartedAt(name) }))
    .filter((d): d is { name: string; startedAt: Date } => d.startedAt !== undefined);
  const doomed = runs
    .filter((d) => now.getTime() - d.startedAt.getTime() >= olderThanMs)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const kept = databases.filter((n) => n.startsWith(RUN_PREFIX)).length - doomed.length;
  out(
    `cleanup: ${describeEndpoint(endpoint)}: ${databases.length} database(s), ${runs.length} left by runs, ${doomed.length} older than ${opts.olderThan ?? '1d'}`,
  );
  let failed = 0;
  for (const d of doomed) {
    const tables = await client.listTables(d.name).catch(() => [] as string[]);
    const what = `${d.name} (run started ${d.startedAt.toISOString().replace('.000Z', 'Z')}, ${tables.length} table(s)${tables.length ? `: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}` : ''})`;
    if (opts.dryRun) {
      out(`  would drop ${what}`);
      continue;
    }
    try {
      await client.dropDatabase(d.name);
      out(`  dropped ${what}`);
    } catch (e) {
      failed++;
      err(`  could not drop ${d.name}: ${(e as Error).message}`);
    }
  }
  if (kept > 0)
    out(
      `kept ${kept} database(s) under '${RUN_PREFIX}' that are newer or not named by a run id; nothing outside '${RUN_PREFIX}' is touched`,
    );
  if (opts.dryRun && doomed.length) out('dry run: nothing dropped');
  return failed ? 1 : 0;
}
