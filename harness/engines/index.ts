export {
  EngineUnavailableError,
  type AlterChange,
  type Engine,
  type EngineEndpoint,
  type EngineError,
  type EngineOutcome,
  type EngineRequest,
  type PrincipalCredentials,
  type StepContext,
} from './engine.ts';
export { paimonTracker, type EngineDescriptor, type IssueTracker } from './engine-descriptor.ts';
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
  wireClientFamilies,
} from './engine-registry.ts';
export { openMysql, queryOutcome } from './doris/index.ts';
export { gatewayBody } from './gateway-adapter.ts';
export { callGateway } from './gateway-client.ts';
export { withStepTimeout, type HangEvidenceCollector } from './step-timeout.ts';
export { type LocalEngineLauncher } from './local-launch.ts';
export { paimonRustRequest } from './paimon-rust/index.ts';
export { EnvVarName } from './external-endpoint.ts';
export { startGateway } from './gateway-launch.ts';
export { provisionForEngines } from './provision-engines.ts';
export { provisionFlink, startFlinkCluster, type FlinkCluster } from './flink/index.ts';
export { provisionSparkClient, sparkExternalClient, startSparkConnect, type SparkInstall } from './spark/index.ts';
export { pypaimonRelease } from './pypaimon/index.ts';
export { type OneShotRunner } from './one-shot.ts';
