export { classifyError } from './classify-error.ts';
export { EngineUnavailableError, type Engine, type EngineEndpoint, type EngineError, type EngineOutcome, type EngineRequest, type ErrorClass, type PrincipalCredentials, type StepContext } from './engine.ts';
export { createEngine, ENGINE_ADAPTERS, KNOWN_ENGINES } from './engine-registry.ts';
export { GatewayEngine, toCanonical } from './gateway-engine.ts';
