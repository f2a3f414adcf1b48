import { describe, expect, it } from 'vitest';
import type { CellScenarioResult, RawResults, StepEngineResult } from './index.ts';
import { compareRunResults, renderRunComparison } from './index.ts';

const entry = (engine: string, durationMs: number, extra: Partial<StepEngineResult> = {}): StepEngineResult => ({
  engine,
  status: 'pass',
  durationMs,
  failures: [],
  ...extra,
});
const scenario = (id: string, runId: string, engines: StepEngineResult[], extra: Partial<CellScenarioResult> = {}): CellScenarioResult => ({
  id,
  name: id,
  file: 'f.yaml',
  loc: { file: 'f.yaml', line: 1, col: 1 },
  params: {},
  tags: [],
  status: engines.some((e) => e.status === 'fail') ? 'fail' : 'pass',
  cell: 'local/paimon-1.4.2',
  database: `pi_${runId}_${id}_x1`,
  durationMs: 5,
  steps: [
    { index: 0, name: 's', loc: { file: 'f.yaml', line: 2, col: 3 }, status: 'pass', engines, disagreements: [], skippedEngines: [] },
  ],
  ...extra,
});
const raw = (runId: string, scenarios: CellScenarioResult[]): RawResults => ({
  format: 'paimon-interop/raw-results@2',
  runId,
  startedAt: 'a',
  finishedAt: 'b',
  cells: [],
  scenarios,
});
const verdicts = (c: ReturnType<typeof compareRunResults>) => c.instances.map((i) => [i.id, i.verdict, i.content]);

describe('comparing runs of one suite', () => {
  it('runs that differ only in timings, the run id and engine-minted ids are stable with no content change', () => {
    const a = raw('r1', [
      scenario('a', 'r1', [entry('pypaimon', 10, { statement: 'read pi_r1_a_x1.t' })]),
      scenario('b', 'r1', [
        entry('flink', 5, {
          actual: { columns: [{ name: 'job id', type: { kind: 'string' } }], rows: [['53f9e4a7b69616880a6549bb2293b962']] },
        }),
      ]),
    ]);
    const b = raw('r2', [
      scenario('a', 'r2', [entry('pypaimon', 99, { statement: 'read pi_r2_a_x2.t', queuedMs: 40 })], { database: 'pi_r2_a_x2' }),
      scenario('b', 'r2', [
        entry('flink', 7, {
          actual: { columns: [{ name: 'job id', type: { kind: 'string' } }], rows: [['c8eee4657efdf2f51309cb7f2231ffda']] },
        }),
      ]),
    ]);
    expect(verdicts(compareRunResults([a, b]))).toEqual([
      ['a', 'stable-pass', []],
      ['b', 'stable-pass', []],
    ]);
  });

  it("a verdict change is flaky with each run's outcome per step; the same verdict with other rows is a content change, named", () => {
    const a = raw('r1', [
      scenario('a', 'r1', [entry('pypaimon', 1), entry('flink', 1)]),
      scenario('b', 'r1', [entry('flink', 1, { actual: { columns: [{ name: 'n', type: { kind: 'int' } }], rows: [[1]] } })]),
    ]);
    const b = raw('r2', [
      scenario('a', 'r2', [entry('pypaimon', 1, { status: 'fail' }), entry('flink', 1)]),
      scenario('b', 'r2', [entry('flink', 1, { actual: { columns: [{ name: 'n', type: { kind: 'int' } }], rows: [[2]] } })]),
    ]);
    const c = compareRunResults([a, b, a]);
    expect(c.instances[0]).toMatchObject({
      id: 'a',
      verdict: 'flaky',
      outcomes: ['pass', 'fail', 'pass'],
      flakySteps: [{ index: 0, engine: 'pypaimon', outcomes: ['pass', 'fail', 'pass'] }],
    });
    expect(c.instances[1]).toMatchObject({ id: 'b', verdict: 'stable-pass', content: ['step 1 on flink: actual'] });
    const md = renderRunComparison(c);
    expect(md).toContain('**3 runs: 1 stable pass, 0 stable fail, 1 flaky; 1 with the same verdicts but different content.**');
    expect(md).toContain('| `a` | local/paimon-1.4.2 | 1 s | pypaimon | pass | fail | pass |');
  });

  it('a failure in every run is stable; a known deviation is compared by its id, not its evidence', () => {
    const msg = (m: string, known = 'k1') =>
      entry('pypaimon', 1, {
        status: 'known',
        known: { id: known, reason: 'r' },
        error: { errorClass: 'engine-error', exception: 'E', message: m },
      });
    const a = raw('r1', [
      scenario('a', 'r1', [msg('commit 1795445937592 failed after 11749 millis, file eu/data-1.parquet')]),
      scenario('f', 'r1', [entry('flink', 1, { status: 'fail' })]),
    ]);
    const b = raw('r2', [
      scenario('a', 'r2', [msg('commit 1795446121654 failed after 11679 millis, file us/data-2.parquet')]),
      scenario('f', 'r2', [entry('flink', 1, { status: 'fail' })]),
    ]);
    expect(verdicts(compareRunResults([a, b]))).toEqual([
      ['a', 'stable-pass', []],
      ['f', 'stable-fail', []],
    ]);
    expect(compareRunResults([a, raw('r2', [scenario('a', 'r2', [msg('x', 'k2')])])]).instances[0]!.verdict).toBe('flaky');
  });

  it('flaky only where an intermittent known issue held is explained by it; one that held every time or never is reported', () => {
    const known = entry('pypaimon', 1, { status: 'known', known: { id: 'k1', reason: 'r' } });
    const passed = entry('pypaimon', 1, { intermittentApplies: 'k1' });
    const a = raw('r1', [
      scenario('a', 'r1', [known]),
      scenario('b', 'r1', [entry('flink', 1, { status: 'known', known: { id: 'k2', reason: 'r' } })]),
      scenario('c', 'r1', [entry('java', 1, { intermittentApplies: 'k3' })]),
    ]);
    const b = raw('r2', [
      scenario('a', 'r2', [passed]),
      scenario('b', 'r2', [entry('flink', 1, { status: 'known', known: { id: 'k2', reason: 'r' } })]),
      scenario('c', 'r2', [entry('java', 1, { intermittentApplies: 'k3' })]),
    ]);
    const c = compareRunResults([a, b], new Set(['k1', 'k2', 'k3']));
    expect(c.instances[0]).toMatchObject({ verdict: 'flaky', explainedBy: ['k1'] });
    expect(compareRunResults([a, b]).instances[0]!.explainedBy).toBeUndefined();
    expect(c.everyRun).toEqual([{ id: 'k2', sites: ['local/paimon-1.4.2 b step 1 on flink'] }]);
    expect(c.neverFired).toEqual([{ id: 'k3', sites: ['local/paimon-1.4.2 c step 1 on java'] }]);
    const md = renderRunComparison(c);
    expect(md).toContain('(1 only where a known issue marked intermittent held)');
    expect(md).toContain('known issue `k3` is marked intermittent, applied at 1 site(s) and never held in 2 run(s)');
  });

  it('an instance missing from a run, or a step one run never reached, is a verdict change', () => {
    const a = raw('r1', [scenario('a', 'r1', [entry('pypaimon', 1)])]);
    const short = raw('r2', [scenario('a', 'r2', [], { status: 'fail', steps: [] })]);
    expect(compareRunResults([a, short]).instances[0]).toMatchObject({ verdict: 'flaky', flakySteps: [{ outcomes: ['pass', 'not run'] }] });
  });
});
