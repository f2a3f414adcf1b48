import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../scenario/index.ts';
import { selectInstances } from './select-instances.ts';

const opts = { knownEngines: ['pypaimon', 'flink'] };
const scenario = (lines: string[]) => {
  const loaded = loadScenarioSource('s.yaml', lines.join('\n'), opts);
  expect(loaded.problems).toEqual([]);
  return loaded.scenario!;
};

describe('selectInstances by tier', () => {
  const plain = scenario(['name: plain', 'steps:', '  - on: pypaimon', '    read: { table: t }']);
  const nightly = scenario(['name: night', 'tier: nightly', 'steps:', '  - on: pypaimon', '    read: { table: t }']);
  const matrix = scenario([
    'name: cells',
    'matrix: { format: [parquet, orc, avro], writer: [pypaimon, flink] }',
    'default-matrix: { format: [parquet] }',
    'steps:',
    '  - on: ${writer}',
    '    read: { table: t }',
  ]);
  const ids = (tier?: 'default' | 'nightly') => selectInstances([plain, nightly, matrix], { tier }).map((i) => i.id);

  it('the default tier leaves nightly scenarios out and keeps the default-matrix cells of the others', () => {
    expect(ids()).toEqual(['s.yaml#cells[format=parquet,writer=flink]', 's.yaml#cells[format=parquet,writer=pypaimon]', 's.yaml#plain']);
    expect(ids('default')).toEqual(ids());
  });

  it('the nightly tier runs every scenario and every cell, with the same ids', () => {
    const all = ids('nightly');
    expect(all).toHaveLength(8);
    expect(all).toContain('s.yaml#night');
    expect(all).toEqual(expect.arrayContaining(ids()));
  });

  it('default-matrix must name matrix parameters and their values', () => {
    const bad = loadScenarioSource(
      's.yaml',
      [
        'name: x',
        'matrix: { f: [a, b] }',
        'default-matrix: { f: [c], g: [a] }',
        'steps:',
        '  - on: pypaimon',
        '    read: { table: t }',
      ].join('\n'),
      opts,
    );
    expect(bad.problems.map((p) => [p.code, p.loc.line, p.loc.col])).toEqual([
      ['BAD_VALUE', 3, 23],
      ['BAD_VALUE', 3, 27],
    ]);
  });
});
