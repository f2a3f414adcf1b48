export { ACCESS_CONTROL_ACTOR, actorType, CATALOG_ACTOR, FILES_ACTOR, HARNESS_ACTOR, WIRE_PROXY_ACTOR } from './actors.ts';
export { withStatus, type ScenarioResult, type Status, type StepEngineResult, type StepResult } from './scenario-result.ts';
export { renderStepFailure, wireLine } from './render-failure.ts';
export { combineRepeats } from './repeat-results.ts';
export { compareRunResults, renderRunComparison, type RunComparison } from './run-comparison.ts';
export {
  mergeRawResults,
  readRawResults,
  totals,
  writeRawResults,
  type CellScenarioResult,
  type RawResults,
  type RunCell,
  type Totals,
} from './raw-results.ts';
