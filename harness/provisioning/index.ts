export { cacheDir } from './cache-dir.ts';
export {
  configuredSourceOrFail,
  provision,
  provisionVenv,
  type EngineProvisioning,
  type Provisioned,
  type PythonPackages,
} from './provision.ts';
export { DEFAULT_PAIMON, PAIMON_VERSIONS, pinOf, releaseOf, versionRow, type EnginePins, type PaimonVersionRow } from './version-table.ts';
export { BUILDS, cacheEntries, diskUsage, formatBytes, rowsUsing, type CacheEntry, type CacheFolderOwner } from './cache-entries.ts';
export {
  buildFromSource,
  configuredSource,
  exportSources,
  mavenBuildArgs,
  PAIMON_GIT_ENV,
  releaseTag,
  sourceCacheDir,
  stripTestDependencies,
  type BuildTarget,
  type PaimonSource,
} from './source-build.ts';
export { pomVersion, resolveSourceRow, sourceRef, sourceVersionRow } from './source-row.ts';
export { done, markDone, mvnCopy, progressFilter, type Progress } from './provision-steps.ts';
export { runTool } from './run-tool.ts';
export { sha256 } from './sha256.ts';
