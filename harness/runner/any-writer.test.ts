import { describe, expect, it } from 'vitest';
import type { ScenarioInstance, ScenarioStep } from '../scenario/index.ts';
import { anyWriter, withAnyWriter } from './any-writer.ts';

const loc = { file: 's.yaml', line: 1, col: 1 };
const step = (on: string | string[], index: number): ScenarioStep => ({ on, insert: { table: 't', rows: [[1]] }, loc, index }) as unknown as ScenarioStep;
const instance = (steps: ScenarioStep[]): ScenarioInstance => ({ id: 's', params: {}, steps, scenario: { name: 's', file: 's.yaml', loc, steps } }) as unknown as ScenarioInstance;
const engines = (...names: string[]) => new Map(names.map((n) => [n, {}])) as never;

describe('on: any-writer', () => {
  it('is the first engine of the preference order that can write in the cell', () => {
    expect(anyWriter({ engines: engines('flink', 'paimon-java', 'pypaimon') })).toBe('pypaimon');
    expect(anyWriter({ engines: engines('flink', 'paimon-java') })).toBe('paimon-java');
    // Cross-version cells: a client the writer release lacks cannot take the write.
    expect(anyWriter({ engines: engines('pypaimon', 'paimon-rust'), writeUnavailable: new Map([['pypaimon', 'no release']]) })).toBe('paimon-rust');
    expect(anyWriter({ engines: engines('doris') })).toBeUndefined();
  });

  it('becomes that one engine on every step that says it, and leaves the others alone', () => {
    const out = withAnyWriter(instance([step('any-writer', 0), step(['flink', 'pypaimon'], 1), step('any-writer', 2)]), { engines: engines('flink', 'paimon-java') });
    expect(out.steps.map((s) => s.on)).toEqual(['paimon-java', ['flink', 'pypaimon'], 'paimon-java']);
  });

  it('stays any-writer where no engine can write, so the scenario is skipped as stranded', () => {
    const given = instance([step('any-writer', 0)]);
    expect(withAnyWriter(given, { engines: engines('doris') })).toBe(given);
  });
});
