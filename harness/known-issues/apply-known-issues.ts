import type { StepResult } from '../verdicts/index.ts';
import type { KnownIssue } from './known-issue.ts';
import { appliesTo, findKnownIssue, type DeviationSite } from './match-known-issues.ts';

/**
 * Marks the failures of a step that a known-issues entry explains as `known`, drops
 * disagreements with those engines, and turns a pass where an entry expects a failure into a
 * loud failure, so the table never hides a fix. Mutates and returns the step; the caller
 * recomputes the step status.
 */
export function applyKnownIssues(
  step: StepResult,
  scenario: Omit<DeviationSite, 'stepName' | 'kind' | 'expectedError' | 'engine'>,
  issues: readonly KnownIssue[],
  date: string,
): StepResult {
  const known = new Set<string>();
  for (const e of step.engines) {
    const site = { ...scenario, stepName: step.name, kind: step.kind, expectedError: step.expectedError, engine: e.engine };
    if (e.status === 'fail') {
      const text = e.failures.flatMap((f) => [f.aspect, ...f.diff]).join('\n');
      const issue = findKnownIssue(issues, site, text, date);
      if (issue) {
        e.status = 'known';
        e.known = { id: issue.id, reason: issue.reason, layer: issue.layer, ...(issue.upstream ? { upstream: issue.upstream } : {}) };
        known.add(e.engine);
      }
    } else if (e.status === 'pass') {
      // An intermittent deviation that did not show this time proves nothing fixed (`--repeat`
      // reports one that never shows).
      const applying = issues.filter((i) => appliesTo(i, site, date));
      const stale = applying.find((i) => !i.intermittent);
      const intermittent = applying.find((i) => i.intermittent);
      if (intermittent && !stale) e.intermittentApplies = intermittent.id;
      if (stale) {
        e.status = 'fail';
        e.failures.push({
          equal: false,
          aspect: `known issue ${stale.id}`,
          diff: [`- a failure (${stale.reason})`, '+ passed: the deviation is gone; remove the entry from known-issues.yaml'],
        });
      }
    }
  }
  step.disagreements = step.disagreements.filter((d) => ![...known].some((e) => d.aspect.split(' ')[1]!.split('~').includes(e)));
  return step;
}
