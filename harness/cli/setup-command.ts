import { cacheDir, cacheEntries, configuredSource, formatBytes, provision, provisionFlink, provisionSpark, versionRow, type PaimonVersionRow } from '../provisioning/index.ts';
import { err, out } from './cli-output.ts';
import { paimonVersions, resolveSourceVersions } from './version-args.ts';

/** The rows `--paimon` names: one version, a comma list, or `all`; default: the default row. */
export function setupRows(paimon: string | undefined): PaimonVersionRow[] {
  const names = paimon === undefined ? [undefined] : paimonVersions(paimon, '--paimon');
  return names.map((v) => versionRow(v)!);
}

/**
 * `setup`: install the local environment's engines and jars (catalog, pypaimon, paimon-rust, Java,
 * Flink, Spark's connector) into the cache for one, several or all rows, nothing else; shows each
 * component's progress, what each row lacks, and the cache's size at the end.
 */
export async function setupCommand(opts: { paimon?: string; refresh: boolean }): Promise<number> {
  const rows = setupRows(await resolveSourceVersions(opts.paimon));
  const started = Date.now();
  for (const [i, row] of rows.entries()) {
    const t0 = Date.now();
    const tag = rows.length > 1 ? `[setup ${i + 1}/${rows.length} Paimon ${row.paimon}]` : '[setup]';
    const progress = (m: string) => err(`${tag} ${m}`);
    const prov = await provision(row, { progress, engines: ['pypaimon'], refresh: opts.refresh });
    const flink = await provisionFlink(row, { python: prov.python, progress, refresh: opts.refresh });
    if ('unavailable' in flink) prov.unavailable.flink = flink.unavailable;
    const spark = await provisionSpark(row, { progress, choice: { source: configuredSource(), ref: row.source?.commit }, refresh: opts.refresh });
    if ('unavailable' in spark) prov.unavailable.spark = spark.unavailable;
    out(`Paimon ${row.paimon} ready in ${cacheDir()} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    for (const [component, why] of Object.entries(prov.unavailable)) out(`  ${component} unavailable: ${why}`);
  }
  const entries = await cacheEntries();
  if (rows.length > 1) out(`${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  out(`cache: ${formatBytes(entries.reduce((n, e) => n + e.bytes, 0))} in ${cacheDir()} (paimon-interop cache list shows each folder)`);
  return 0;
}
