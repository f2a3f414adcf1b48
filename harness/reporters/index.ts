export { diffWithBaseline, type BaselineDiff } from './baseline-diff.ts';
export { EngineFeaturesReporter, featuresOfStep, renderEngineFeatures } from './engine-features-reporter.ts';
export { engineStatus, HtmlMatrixReporter, renderHtmlMatrix, type MatrixStatus } from './html-matrix-reporter.ts';
export { JUnitReporter, renderJUnit } from './junit-reporter.ts';
export type { Reporter } from './reporter.ts';
export { renderSummary, SummaryReporter } from './summary-reporter.ts';
export { writeReports } from './write-reports.ts';
