export { type KnownIssue } from './known-issue.ts';
export { loadKnownIssues } from './load-known-issues.ts';
export { appliesTo, hangTimeoutMs, today, type DeviationSite } from './match-known-issues.ts';
export { applyKnownIssues } from './apply-known-issues.ts';
export { reapplyKnownIssues } from './reapply-known-issues.ts';
export { withFindingsList } from './upstream-list.ts';
