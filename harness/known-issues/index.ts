export { KnownIssueSchema, KnownIssuesFileSchema, type KnownIssue } from './known-issue.ts';
export { loadKnownIssues } from './load-known-issues.ts';
export { appliesTo, findKnownIssue, hangTimeoutMs, today, type DeviationSite } from './match-known-issues.ts';
export { applyKnownIssues } from './apply-known-issues.ts';
export { reapplyKnownIssues } from './reapply-known-issues.ts';
export { findingsWithoutUpstream, UPSTREAM_LAYERS, withFindingsList } from './upstream-list.ts';
