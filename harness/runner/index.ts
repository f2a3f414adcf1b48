export { databaseName, runPrefix, type RunContext, type RunHooks } from './run-context.ts';
export { runScenario } from './run-scenario.ts';
export type { ScenarioResult, Status, StepEngineResult, StepResult } from './scenario-result.ts';
export { renderStepFailure } from './render-failure.ts';
export { stepEngines, stepKind, stepName, stepRequest } from './step-request.ts';
export { selectInstances } from './select-instances.ts';
export { checkInsert } from './steps/check-insert.ts';
export { inspectTimestampColumn, type InspectedFile } from './steps/inspect-files-step.ts';
