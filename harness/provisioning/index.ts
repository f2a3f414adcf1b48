export { cacheDir } from './cache-dir.ts';
export { provisionFlink, type FlinkInstall } from './flink-provision.ts';
export { provision, provisionVenv, type Provisioned } from './provision.ts';
export { PAIMON_VERSIONS, versionRow } from './version-table.ts';
