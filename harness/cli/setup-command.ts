import { provisionFlink } from '../provisioning/index.ts';
import { provision } from '../provisioning/index.ts';
import { cacheDir } from '../provisioning/index.ts';
import { PAIMON_VERSIONS, versionRow } from '../provisioning/index.ts';
import { err, out, UsageError } from './cli-output.ts';

/** `setup`: install the local environment's engines and jars (catalog, pypaimon, Java, Flink, Spark's connector) into the cache, nothing else. */
export async function setupCommand(opts: { paimon?: string; refresh: boolean }): Promise<number> {
  const row = versionRow(opts.paimon);
  if (!row) throw new UsageError(`Paimon ${opts.paimon} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`);
  const started = Date.now();
  const progress = (m: string) => err(`[setup] ${m}`);
  const prov = await provision(row, { progress, engines: ['pypaimon', 'spark'], refresh: opts.refresh });
  const flink = await provisionFlink(row, { python: prov.python, progress, refresh: opts.refresh });
  if ('unavailable' in flink) prov.unavailable.flink = flink.unavailable;
  out(`Paimon ${row.paimon} ready in ${cacheDir()} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  for (const [component, why] of Object.entries(prov.unavailable)) out(`  ${component} unavailable: ${why}`);
  return 0;
}
