export { cacheDir } from './cache-dir.ts';
export { provisionFlink, type FlinkInstall } from './flink-provision.ts';
export { provision, provisionVenv, type Provisioned } from './provision.ts';
export { DEFAULT_PAIMON, PAIMON_VERSIONS, releaseOf, versionRow, type PaimonVersionRow } from './version-table.ts';
export { cacheEntries, diskUsage, formatBytes, rowsUsing, type CacheEntry } from './cache-entries.ts';
