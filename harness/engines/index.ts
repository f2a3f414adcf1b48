export { classifyError } from './classify-error.ts';
export { EngineUnavailableError, type Engine, type EngineEndpoint, type EngineError, type EngineOutcome, type EngineRequest, type ErrorClass, type PrincipalCredentials, type StepContext } from './engine.ts';
export { CAPABILITIES, type Capability, type EngineContext, type EngineDescriptor } from './engine-descriptor.ts';
export { createEngine, ENGINE_CAPABILITIES, ENGINE_DESCRIPTORS, engineDescriptor, KNOWN_ENGINES, SCENARIO_ENGINES } from './engine-registry.ts';
export { createCatalogSql } from './doris-catalog.ts';
export { DorisEngine, dorisStatements, openMysql, queryOutcome } from './doris-engine.ts';
export { mysqlColumnType, mysqlError, mysqlResult } from './mysql-results.ts';
export { GatewayEngine, toCanonical } from './gateway-engine.ts';
export { DEFAULT_STEP_TIMEOUT_MS, withStepTimeout } from './step-timeout.ts';
