import { describe, expect, it } from 'vitest';
import type { ScenarioInstance, ScenarioStep } from '../scenario/index.ts';
import type { EnvironmentDescriptor } from '../environment/index.ts';
import { anyWriter, withAnyWriter } from './any-writer.ts';

const loc = { file: 's.yaml', line: 1, col: 1 };
const step = (on: string | string[], index: number): ScenarioStep =>
  ({ on, insert: { table: 't', rows: [[1]] }, loc, index }) as unknown as ScenarioStep;
const instance = (steps: ScenarioStep[]): ScenarioInstance =>
  ({ id: 's', params: {}, steps, scenario: { name: 's', file: 's.yaml', loc, steps } }) as unknown as ScenarioInstance;
const engines = (...names: string[]) => new Map(names.map((n) => [n, {}])) as never;
/** A cell's engines, and the clients its writer release lacks (cross-version cells). */
const cell = (names: string[], writerLacks: Record<string, string> = {}) => ({
  engines: engines(...names),
  env: { writer: { engines: [], unavailable: writerLacks } } as unknown as EnvironmentDescriptor,
});

describe('on: any-writer', () => {
  it('is the first engine of the preference order that can write in the cell', () => {
    expect(anyWriter(cell(['flink', 'paimon-java', 'pypaimon']))).toBe('pypaimon');
    expect(anyWriter(cell(['flink', 'paimon-java']))).toBe('paimon-java');
    // Cross-version cells: a client the writer release lacks cannot take the write.
    expect(anyWriter(cell(['pypaimon', 'paimon-rust'], { pypaimon: 'no release' }))).toBe('paimon-rust');
    expect(anyWriter(cell(['doris']))).toBeUndefined();
  });

  it('becomes that one engine on every step that says it, and leaves the others alone', () => {
    const out = withAnyWriter(
      instance([step('any-writer', 0), step(['flink', 'pypaimon'], 1), step('any-writer', 2)]),
      cell(['flink', 'paimon-java']),
    );
    expect(out.steps.map((s) => s.on)).toEqual(['paimon-java', ['flink', 'pypaimon'], 'paimon-java']);
  });

  it('stays any-writer where no engine can write, so the scenario is skipped as stranded', () => {
    const given = instance([step('any-writer', 0)]);
    expect(withAnyWriter(given, cell(['doris']))).toBe(given);
  });
});
