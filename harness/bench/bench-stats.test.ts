import { describe, expect, it } from 'vitest';
import type { CellScenarioResult, RawResults, StepEngineResult } from '../verdicts/index.ts';
import { engineTimeMs, engineTimes, quantile } from './bench-stats.ts';

const entry = (engine: string, durationMs: number, extra: Partial<StepEngineResult> = {}): StepEngineResult => ({
  engine,
  status: 'pass',
  durationMs,
  failures: [],
  ...extra,
});
const scenario = (id: string, runId: string, engines: StepEngineResult[]): CellScenarioResult => ({
  id,
  name: id,
  file: 'f.yaml',
  loc: { file: 'f.yaml', line: 1, col: 1 },
  params: {},
  tags: [],
  status: 'pass',
  cell: 'local/paimon-1.4.2',
  database: `pi_${runId}_${id}_x1`,
  durationMs: 5,
  steps: [
    { index: 0, name: 's', loc: { file: 'f.yaml', line: 2, col: 3 }, status: 'pass', engines, disagreements: [], skippedEngines: [] },
  ],
});
const raw = (runId: string, scenarios: CellScenarioResult[]): RawResults => ({
  format: 'paimon-interop/raw-results@2',
  runId,
  startedAt: 'a',
  finishedAt: 'b',
  cells: [],
  scenarios,
});

describe('bench statistics', () => {
  it('quantiles by nearest rank', () => {
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(
      quantile(
        [...Array(100).keys()].map((i) => i + 1),
        0.95,
      ),
    ).toBe(95);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('per engine: statements, median, p95 and engine-reported time; skipped entries are not statements', () => {
    const r = raw('r1', [
      scenario('a', 'r1', [
        entry('pypaimon', 10, { engineMillis: 4 }),
        entry('flink', 300),
        entry('pypaimon', 30, { engineMillis: 6 }),
        entry('flink', 0, { status: 'skip' }),
      ]),
    ]);
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
});
