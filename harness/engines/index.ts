export { classifyError } from './classify-error.ts';
export {
  EngineUnavailableError,
  type AlterChange,
  type Engine,
  type EngineEndpoint,
  type EngineError,
  type EngineOutcome,
  type EngineRequest,
  type ErrorClass,
  type PrincipalCredentials,
  type StepContext,
} from './engine.ts';
export { CAPABILITIES, type Capability, type EngineContext, type EngineDescriptor } from './engine-descriptor.ts';
export {
  anyWriterOrder,
  cacheFolderOwners,
  clientReleaseEngines,
  createEngine,
  ENGINE_CAPABILITIES,
  ENGINE_DESCRIPTORS,
  engineDescriptor,
  KNOWN_ENGINES,
  SCENARIO_ENGINES,
  scenarioEngines,
  wireClientFamilies,
} from './engine-registry.ts';
export { createCatalogSql } from './doris/doris-catalog.ts';
export { DorisEngine, dorisStatements, openMysql, queryOutcome } from './doris/doris-engine.ts';
export { mysqlColumnType, mysqlError, mysqlResult } from './doris/mysql-results.ts';
export { GatewayAdapter, gatewayBody, toCanonical } from './gateway-adapter.ts';
export { callGateway, type GatewayReply } from './gateway-client.ts';
export { DEFAULT_STEP_TIMEOUT_MS, withStepTimeout, type HangEvidenceCollector } from './step-timeout.ts';
export { gatewayLauncher, type LocalEngineLauncher, type LocalLaunch, type LocalLaunchContext } from './local-launch.ts';
export { FlinkEngine, flinkDescriptor } from './flink/flink-engine.ts';
export { PAIMON_RUST_DIALECT, PaimonRustEngine, paimonRustDescriptor, paimonRustRequest } from './paimon-rust/paimon-rust-engine.ts';
export { EnvVarName, type ExternalEngineConfig } from './external-endpoint.ts';
export { startGateway, type GatewayOverrides } from './gateway-launch.ts';
export { provisionForEngines } from './provision-engines.ts';
export { provisionFlink, type FlinkInstall } from './flink/flink-provision.ts';
export { startFlinkCluster, type FlinkCluster } from './flink/flink-cluster.ts';
export { provisionSpark, provisionSparkClient, type SparkInstall } from './spark/spark-provision.ts';
export { startSparkConnect } from './spark/spark-connect-server.ts';
export { pypaimonRelease } from './pypaimon/pypaimon-provision.ts';
export { type OneShotResult, type OneShotRunner } from './one-shot.ts';
export { sparkExternalClient } from './spark/spark-local.ts';
