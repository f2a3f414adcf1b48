export { caseArbitrary } from './case-arbitrary.ts';
export { caseSource, exploreKnownIssues, knownByExploreEntry, scenarioCaseRunner } from './case-runner.ts';
export { caseScenario } from './case-scenario.ts';
export { columnsAt, modelAt, modelRows } from './case-model.ts';
export type { ExploreCase, ExploreOp, ExploreTable } from './explore-case.ts';
export { explore } from './explore-loop.ts';
export { renderFindings } from './explore-report.ts';
export { findingSignature } from './finding-signature.ts';
