export {
  conformancePassed,
  conformanceReport,
  type CapabilityRow,
  type CapabilityVerdict,
  type CellConformance,
  type ConformanceReport,
  type EndpointRow,
} from './conformance-report.ts';
export { ConformanceReporter, renderConformanceHtml, renderConformanceMarkdown } from './conformance-reporter.ts';
export { diffWithBaseline, type BaselineDiff } from './baseline-diff.ts';
export { EngineFeaturesReporter, featuresOfStep, renderEngineFeatures } from './engine-features-reporter.ts';
export { engineStatus, HtmlMatrixReporter, renderHtmlMatrix, type MatrixStatus } from './html-matrix-reporter.ts';
export { issueOwner, renderIssueReport, type IssueEvidence, type IssueOwner } from './issue-report.ts';
export { JUnitReporter, renderJUnit } from './junit-reporter.ts';
export type { Reporter } from './reporter.ts';
export { renderSummary, SummaryReporter } from './summary-reporter.ts';
export { writeReports } from './write-reports.ts';
