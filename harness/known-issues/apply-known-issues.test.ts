import { describe, expect, it } from 'vitest';
import type { StepResult } from '../verdicts/index.ts';
import { applyKnownIssues } from './apply-known-issues.ts';
import type { KnownIssue } from './known-issue.ts';

const issue: KnownIssue = {
  id: 'dup-keys',
  scenario: 's',
  step: 'read',
  engine: 'flink',
  layer: 'reader',
  signature: '\\+ 1 \\| r',
  reason: 'duplicate keys',
};
const scenario = { scenarioName: 's', instanceId: 's.yaml#s', params: {} };
const step = (status: 'pass' | 'fail'): StepResult => ({
  index: 0,
  name: 'read',
  loc: { file: 's.yaml', line: 1, col: 1 },
  kind: 'read',
  status,
  engines: [
    { engine: 'flink', status, durationMs: 1, failures: status === 'fail' ? [{ equal: false, aspect: 'rows', diff: ['+ 1 | r'] }] : [] },
  ],
  disagreements: [],
  skippedEngines: [],
});

describe('applyKnownIssues', () => {
  it('marks a matching failure known', () => {
    expect(applyKnownIssues(step('fail'), scenario, [issue], '2026-11-23').engines[0]).toMatchObject({
      status: 'known',
      known: { id: 'dup-keys' },
    });
  });

  it('fails a pass where an entry expects a failure, so a fix is never hidden', () => {
    const out = applyKnownIssues(step('pass'), scenario, [issue], '2026-11-23').engines[0]!;
    expect(out.status).toBe('fail');
    expect(out.failures[0]!.aspect).toBe('known issue dup-keys');
  });

  it('lets an intermittent deviation pass without calling it fixed', () => {
    expect(applyKnownIssues(step('pass'), scenario, [{ ...issue, intermittent: true }], '2026-11-23').engines[0]!.status).toBe('pass');
    expect(applyKnownIssues(step('fail'), scenario, [{ ...issue, intermittent: true }], '2026-11-23').engines[0]!.status).toBe('known');
  });
});
