export { cacheDir } from './cache-dir.ts';
export { configuredSourceOrFail, provision, provisionVenv, type Provisioned } from './provision.ts';
export { PAIMON_VERSIONS, pinOf, releaseOf, versionRow, type EnginePins, type PaimonVersionRow } from './version-table.ts';
export { BUILDS, cacheEntries, formatBytes, rowsUsing, sharedCacheFolders, type CacheFolderOwner } from './cache-entries.ts';
export {
  buildFromSource,
  configuredSource,
  exportSources,
  PAIMON_GIT_ENV,
  releaseTag,
  sourceCacheDir,
  type PaimonSource,
} from './source-build.ts';
export { resolveSourceRow, sourceRef } from './source-row.ts';
export { done, markDone, mvnCopy, progressFilter, type Progress } from './provision-steps.ts';
export { runTool } from './run-tool.ts';
export { sha256 } from './sha256.ts';
