import type { Scenario, ScenarioInstance } from './scenario-model.ts';
import { interpolate } from './variables.ts';

type MatrixValue = string | number | boolean;

/** Values of one matrix parameter: a list as written, or an inclusive range `a..b`. */
export function matrixValues(spec: readonly MatrixValue[] | string): MatrixValue[] {
  if (typeof spec !== 'string') return [...spec];
  const [lo, hi] = spec.split('..').map(Number) as [number, number];
  const out: number[] = [];
  for (let v = lo; v <= hi; v++) out.push(v);
  return out;
}

/** How many values a matrix parameter has, counted without listing them (a range may be huge). */
export function matrixSize(spec: readonly MatrixValue[] | string): number {
  if (typeof spec !== 'string') return spec.length;
  const [lo, hi] = spec.split('..').map(Number) as [number, number];
  return Math.max(0, hi - lo + 1);
}

/**
 * Every combination of the matrix, in declaration order (first key varies slowest), without the
 * cells an `exclude` entry matches (all of its values).
 */
export function matrixCells(matrix: Scenario['matrix'], exclude: Scenario['matrix-exclude'] = []): Record<string, MatrixValue>[] {
  let cells: Record<string, MatrixValue>[] = [{}];
  for (const [key, spec] of Object.entries(matrix ?? {})) {
    cells = cells.flatMap((cell) => matrixValues(spec).map((v) => ({ ...cell, [key]: v })));
  }
  return cells.filter((cell) => !exclude.some((ex) => Object.entries(ex).every(([k, v]) => cell[k] === v)));
}

function instanceId(scenario: Scenario, params: Record<string, MatrixValue>): string {
  const cell = Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${scenario.file}#${scenario.name}${cell ? `[${cell}]` : ''}`;
}

/**
 * Whether a matrix cell takes, for every parameter named, one of the values listed: a step's
 * `when`, a scenario's `default-matrix`. Nothing listed admits every cell.
 */
export const cellIn = (values: Record<string, MatrixValue[]> | undefined, params: Record<string, MatrixValue>): boolean =>
  Object.entries(values ?? {}).every(([k, vs]) => vs.includes(params[k]!));

/** Expands a scenario into one instance per matrix cell, with parameters substituted and the steps of that cell. */
export function expandScenario(scenario: Scenario): ScenarioInstance[] {
  return matrixCells(scenario.matrix, scenario['matrix-exclude']).map((params) => ({
    id: instanceId(scenario, params),
    scenario,
    params,
    // The scenario's session zone is each step's unless the step names its own.
    steps: scenario.steps
      .filter((s) => cellIn(s.when, params))
      .map((s) => {
        const zone = s['time-zone'] ?? scenario['time-zone'];
        return { ...interpolate(zone === undefined ? s : { ...s, 'time-zone': zone }, params), loc: s.loc, index: s.index };
      }),
  }));
}
