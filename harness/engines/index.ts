export { classifyError } from './classify-error.ts';
export { EngineUnavailableError, type Engine, type EngineEndpoint, type EngineError, type EngineOutcome, type EngineRequest, type ErrorClass, type PrincipalCredentials, type StepContext } from './engine.ts';
export { createEngine, ENGINE_ADAPTERS, KNOWN_ENGINES, type EngineContext } from './engine-registry.ts';
export { createCatalogSql } from './doris-catalog.ts';
export { DorisEngine, dorisStatements, openMysql, queryOutcome } from './doris-engine.ts';
export { mysqlColumnType, mysqlError, mysqlResult } from './mysql-results.ts';
export { GatewayEngine, toCanonical } from './gateway-engine.ts';
