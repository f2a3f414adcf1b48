import { renderStepFailure, withStatus, type RawResults } from '../verdicts/index.ts';
import { applyKnownIssues } from './apply-known-issues.ts';
import type { KnownIssue } from './known-issue.ts';

/**
 * Applies a known-issues table to recorded raw results, as if the run had had it: known
 * deviations are undone first, then the table decides again (signature, version range,
 * expiry, unexpected pass). Lets a report be re-rendered after the table changes.
 */
export function reapplyKnownIssues(raw: RawResults, issues: readonly KnownIssue[], date: string): RawResults {
  const cellVersion = new Map(raw.cells.map((c) => [c.id, c.paimon]));
  const cellWriter = new Map(raw.cells.map((c) => [c.id, c.writer ?? c.paimon]));
  const scenarios = raw.scenarios.map((recorded) => {
    const s = structuredClone(recorded);
    if (s.status === 'skip' || s.status === 'error') return s;
    const site = {
      scenarioName: s.name,
      instanceId: s.id,
      params: s.params,
      paimon: cellVersion.get(s.cell),
      writer: cellWriter.get(s.cell),
      clients: raw.cells.find((c) => c.id === s.cell)?.versions,
      server: raw.cells.find((c) => c.id === s.cell)?.catalogServer,
    };
    s.failure = undefined;
    s.status = 'pass';
    for (const step of s.steps) {
      for (const e of step.engines) {
        if (e.status === 'known') e.status = 'fail';
        delete e.known;
        e.failures = e.failures.filter((f) => !f.aspect.startsWith('known issue '));
        if (e.status === 'fail' && !e.failures.length) e.status = 'pass';
      }
      withStatus(applyKnownIssues(step, site, issues, date));
      if (s.status === 'pass' && (step.status === 'fail' || step.status === 'error')) {
        s.status = step.status;
        s.failure = renderStepFailure(s.name, step, raw.cells.find((c) => c.id === s.cell)?.logs);
      }
    }
    if (s.status === 'pass' && s.steps.some((st) => st.status === 'known')) s.status = 'known';
    return s;
  });
  return { ...raw, scenarios };
}
