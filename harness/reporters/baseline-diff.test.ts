import { describe, expect, it } from 'vitest';
import { loadKnownIssues, reapplyKnownIssues } from '../known-issues/index.ts';
import { diffWithBaseline } from './baseline-diff.ts';
import { readRawResults, totals } from '../verdicts/index.ts';

const FIXTURES = 'test/fixtures/reports';
const name = (k: string) => k.slice(k.indexOf('#') + 1);

describe('baseline diff on two recorded runs', () => {
  it('classifies newly failing, newly passing, still failing, added and removed', async () => {
    const [baseline, current] = await Promise.all([
      readRawResults(`${FIXTURES}/baseline-raw-results.json`),
      readRawResults(`${FIXTURES}/current-raw-results.json`),
    ]);
    const d = diffWithBaseline(current, baseline);
    expect({
      newlyFailing: d.newlyFailing.map(name),
      newlyPassing: d.newlyPassing.map(name),
      stillFailing: d.stillFailing.map(name),
      added: d.added.map(name),
      removed: d.removed.map(name),
    }).toEqual({
      newlyFailing: ['r-regressed'],
      newlyPassing: ['r-fixed'],
      stillFailing: ['r-still'],
      added: ['r-added'],
      removed: ['r-removed'],
    });
  });

  it('applies the known-issues rules: signature match, expiry, unexpected pass, version range', async () => {
    const [baseline, recorded] = await Promise.all([
      readRawResults(`${FIXTURES}/baseline-raw-results.json`),
      readRawResults(`${FIXTURES}/current-raw-results.json`),
    ]);
    const { issues, problems } = await loadKnownIssues(`${FIXTURES}/known-issues.yaml`);
    expect(problems).toEqual([]);
    const current = reapplyKnownIssues(recorded, issues, '2026-11-21');
    const status = Object.fromEntries(current.scenarios.map((s) => [s.name, s.status]));
    expect(status).toEqual({
      'r-added': 'pass',
      'r-fixed': 'pass', // its entry is for Paimon <1.0 only
      'r-regressed': 'fail', // its entry expired
      'r-stable': 'fail', // the entry expects a failure that no longer happens
      'r-still': 'known', // the signature matches the failure
    });
    expect(current.scenarios.find((s) => s.name === 'r-stable')!.failure).toContain('known issue stable-stale');
    expect(totals(current)).toEqual({ pass: 2, known: 1, fail: 2, skip: 0, error: 0, infrastructure: 0 });
    const d = diffWithBaseline(current, baseline);
    expect(d.newlyFailing.map(name)).toEqual(['r-regressed', 'r-stable']);
    expect(d.newlyPassing.map(name)).toEqual(['r-fixed', 'r-still']);
    // Re-applying is idempotent and leaves the recorded input untouched.
    expect(reapplyKnownIssues(current, issues, '2026-11-21').scenarios.map((s) => s.status)).toEqual(
      current.scenarios.map((s) => s.status),
    );
    expect(recorded.scenarios.find((s) => s.name === 'r-still')!.status).toBe('fail');
  });
});
