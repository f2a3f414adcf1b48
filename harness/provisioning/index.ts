export { cacheDir } from './cache-dir.ts';
export { provisionFlink, type FlinkInstall } from './flink-provision.ts';
export { provision, provisionVenv, type Provisioned } from './provision.ts';
export { DEFAULT_PAIMON, PAIMON_VERSIONS, releaseOf, versionRow, type PaimonVersionRow } from './version-table.ts';
export { BUILDS, cacheEntries, diskUsage, formatBytes, rowsUsing, type CacheEntry } from './cache-entries.ts';
export { provisionSpark, provisionSparkClient, provisionSparkConnector, sparkClientPackages, type SparkInstall } from './spark-provision.ts';
export { buildFromSource, configuredSource, mavenBuildArgs, PAIMON_GIT_ENV, releaseTag, stripTestDependencies, type BuildTarget, type PaimonSource } from './source-build.ts';
export { pomVersion, resolveSourceRow, sourceRef, sourceVersionRow } from './source-row.ts';
