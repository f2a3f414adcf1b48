export { conformancePassed, conformanceReport, type ConformanceReport } from './conformance-report.ts';
export { diffWithBaseline, type BaselineDiff } from './baseline-diff.ts';
export { renderHtmlMatrix } from './html-matrix-reporter.ts';
export { renderIssueReport } from './issue-report.ts';
export { writeReports } from './write-reports.ts';
