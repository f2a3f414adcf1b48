import { describe, expect, it } from 'vitest';
import type { CellScenarioResult, RawResults, StepEngineResult } from '../verdicts/index.ts';
import { compareRuns, differingScenarios, engineTimeMs, engineTimes, quantile } from './bench-stats.ts';

const entry = (engine: string, durationMs: number, extra: Partial<StepEngineResult> = {}): StepEngineResult => ({ engine, status: 'pass', durationMs, failures: [], ...extra });
const scenario = (id: string, runId: string, engines: StepEngineResult[]): CellScenarioResult => ({
  id, name: id, file: 'f.yaml', loc: { file: 'f.yaml', line: 1, col: 1 }, params: {}, tags: [], status: 'pass', cell: 'local/paimon-1.4.2',
  database: `pi_${runId}_${id}_x1`, durationMs: 5, steps: [{ index: 0, name: 's', loc: { file: 'f.yaml', line: 2, col: 3 }, status: 'pass', engines, disagreements: [], skippedEngines: [] }],
});
const raw = (runId: string, scenarios: CellScenarioResult[]): RawResults => ({ format: 'paimon-interop/raw-results@2', runId, startedAt: 'a', finishedAt: 'b', cells: [], scenarios });

describe('bench statistics', () => {
  it('quantiles by nearest rank', () => {
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([...Array(100).keys()].map((i) => i + 1), 0.95)).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('per engine: statements, median, p95 and engine-reported time; skipped entries are not statements', () => {
    const r = raw('r1', [scenario('a', 'r1', [entry('pypaimon', 10, { engineMillis: 4 }), entry('flink', 300), entry('pypaimon', 30, { engineMillis: 6 }), entry('flink', 0, { status: 'skip' })])]);
    expect(engineTimes(r)).toEqual([
      { engine: 'flink', statements: 1, medianMs: 300, p95Ms: 300, engineReportedMs: 0 },
      { engine: 'pypaimon', statements: 2, medianMs: 10, p95Ms: 30, engineReportedMs: 10 },
    ]);
    // The engines' own account where they give one, else the measured step time.
    expect(engineTimeMs(r)).toBe(4 + 300 + 6);
    // Engines that ran a step at once count as the slowest of them.
    r.scenarios[0]!.steps[0]!.enginesAtOnce = true;
    expect(engineTimeMs(r)).toBe(300);
  });

  it('two runs that differ only in timings and run id are identical; a changed status or value is not', () => {
    const a = raw('r1', [scenario('a', 'r1', [entry('pypaimon', 10, { statement: 'read pi_r1_a_x1.t' })]), scenario('b', 'r1', [entry('flink', 5)])]);
    const b = raw('r2', [scenario('a', 'r2', [entry('pypaimon', 99, { statement: 'read pi_r2_a_x1.t', queuedMs: 40 })]), scenario('b', 'r2', [entry('flink', 7)])]);
    expect(differingScenarios(a, b)).toEqual([]);
    // A Flink job id is minted per run, as is a UUID.
    const job = (id: string, runId: string) => raw(runId, [scenario('a', runId, [entry('flink', 1, { actual: { columns: [{ name: 'job id', type: { kind: 'string' } }], rows: [[id]] } })])]);
    expect(differingScenarios(job('53f9e4a7b69616880a6549bb2293b962', 'r1'), job('c8eee4657efdf2f51309cb7f2231ffda', 'r2'))).toEqual([]);
    const c = raw('r2', [scenario('a', 'r2', [entry('pypaimon', 10, { statement: 'read pi_r2_a_x1.t', status: 'fail' })]), scenario('b', 'r2', [entry('flink', 5)])]);
    expect(differingScenarios(a, c)).toEqual(['local/paimon-1.4.2 a']);
    expect(differingScenarios(a, raw('r2', [scenario('b', 'r2', [entry('flink', 5)])]))).toContain('local/paimon-1.4.2 a');
  });

  it('engine-minted times and the evidence of a known deviation are not differences; its id and an intermittent one are', () => {
    const msg = (m: string, known = 'k1') => entry('pypaimon', 1, { status: 'known', known: { id: known, reason: 'r' }, error: { errorClass: 'engine-error', exception: 'E', message: m } });
    const a = raw('r1', [scenario('a', 'r1', [msg('commit 1795445937592 failed after 11749 millis, file eu/data-1.parquet')])]);
    const b = raw('r2', [scenario('a', 'r2', [msg('commit 1795446121654 failed after 11679 millis, file us/data-2.parquet')])]);
    expect(differingScenarios(a, b)).toEqual([]);
    const other = raw('r2', [scenario('a', 'r2', [msg('x', 'k2')])]);
    expect(differingScenarios(a, other)).toEqual(['local/paimon-1.4.2 a']);
    const passed = raw('r2', [scenario('a', 'r2', [entry('pypaimon', 1)])]);
    expect(compareRuns(a, passed, new Set(['k1']))).toEqual({ differing: [], intermittent: ['local/paimon-1.4.2 a'] });
    expect(compareRuns(a, passed, new Set())).toEqual({ differing: ['local/paimon-1.4.2 a'], intermittent: [] });
  });
});
