export { formatProblem } from './code-frame.ts';
export { cellIn, expandScenario, instanceId, matrixCells } from './expand-matrix.ts';
export { loadScenarioFile, loadScenarioSource, type LoadedFile } from './load-scenario-file.ts';
export { findScenarioFiles, loadScenarios, type LoadedSuite } from './load-scenarios.ts';
export { printScenario, toDocument } from './print-scenario.ts';
export { problem, ScenarioLoadError, type Loc, type Problem, type ProblemCode } from './problem.ts';
export { ANY_WRITER, RUNTIME_VARIABLES, type Scenario, type ScenarioInstance, type ScenarioStep } from './scenario-model.ts';
export {
  FAULT_NAMES,
  isTimeZone,
  ScenarioSchema,
  TIERS,
  type Tier,
  type ExpectDoc,
  type ExpectedCell,
  type RestCallDoc,
  type ScenarioDoc,
  type StepDoc,
} from './scenario-schema.ts';
export {
  isEngineKind,
  isReadKind,
  isWriteKind,
  kindFeature,
  kindNeeds,
  STEP_KIND_TABLE,
  STEP_KINDS,
  WRITE_KINDS,
  type StepKind,
} from './step-kinds.ts';
export { scenarioJsonSchema } from './scenario-json-schema.ts';
export { interpolate } from './variables.ts';
export { updateExpectedRows } from './update-expectations.ts';
export { Locator } from './locate.ts';
export { RegexString } from './regex-string.ts';
export { parsePredicate, printPredicate, PredicateSyntaxError } from './parse-predicate.ts';
