import { cacheFolderOwners, ENGINE_DESCRIPTORS, provisionForEngines } from '../engines/index.ts';
import { cacheDir, cacheEntries, formatBytes, versionRow, type PaimonVersionRow } from '../provisioning/index.ts';
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
    const prov = await provisionForEngines(row, { progress, refresh: opts.refresh });
    // Engines with more to install than the shared venv and class path (a distribution, a connector).
    for (const d of ENGINE_DESCRIPTORS) {
      const got = await d.local?.setup?.({ row, python: prov.python, progress, refresh: opts.refresh });
      if (got?.unavailable) prov.unavailable[d.name] = got.unavailable;
    }
    out(`Paimon ${row.paimon} ready in ${cacheDir()} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    for (const [component, why] of Object.entries(prov.unavailable)) out(`  ${component} unavailable: ${why}`);
  }
  const entries = await cacheEntries(undefined, cacheFolderOwners());
  if (rows.length > 1) out(`${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  out(`cache: ${formatBytes(entries.reduce((n, e) => n + e.bytes, 0))} in ${cacheDir()} (paimon-interop cache list shows each folder)`);
  return 0;
}
