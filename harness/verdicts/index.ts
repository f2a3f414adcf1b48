export { isInfrastructureError, withStatus, type ScenarioResult, type Status, type StepEngineResult, type StepResult } from './scenario-result.ts';
export { renderStepFailure } from './render-failure.ts';
export { mergeRawResults, readRawResults, sortResults, totals, writeRawResults, type CellScenarioResult, type RawResults, type RunCell, type Totals } from './raw-results.ts';
