export { caseArbitrary, DEFAULT_LIMITS, opsArbitrary, tableArbitrary, TYPE_POOL, type CaseLimits } from './case-arbitrary.ts';
export { caseSource, exploreKnownIssues, knownByExploreEntry, scenarioCaseRunner, type CaseRunnerOptions } from './case-runner.ts';
export { caseScenario, caseYaml } from './case-scenario.ts';
export { columnsAt, modelAt, modelRows } from './case-model.ts';
export type { ExploreCase, ExploreColumn, ExploreOp, ExploreTable } from './explore-case.ts';
export { explore, type CaseRunner, type ExploreOptions, type ExploreOutcome, type Finding } from './explore-loop.ts';
export { renderFindings } from './explore-report.ts';
export { findingSignature } from './finding-signature.ts';
