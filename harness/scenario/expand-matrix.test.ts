import { describe, expect, it } from 'vitest';
import { expandScenario, matrixCells } from './expand-matrix.ts';
import { loadScenarioSource } from './load-scenario-file.ts';
import { scenarioJsonSchema } from './scenario-json-schema.ts';

describe('matrix expansion', () => {
  it('expands ranges and lists, first key slowest', () => {
    expect(matrixCells({ p: '0..2', f: ['parquet', 'orc'] })).toEqual([
      { p: 0, f: 'parquet' },
      { p: 0, f: 'orc' },
      { p: 1, f: 'parquet' },
      { p: 1, f: 'orc' },
      { p: 2, f: 'parquet' },
      { p: 2, f: 'orc' },
    ]);
    expect(matrixCells(undefined)).toEqual([{}]);
  });

  it('gives each cell the steps whose when admits it, keeping step indexes', () => {
    const src = [
      'name: m',
      'matrix: { f: [parquet, orc] }',
      'steps:',
      '  - on: spark',
      '    sql: A',
      '  - on: spark',
      '    sql: B',
      '    when: { f: [orc] }',
      '  - on: spark',
      '    sql: C',
    ].join('\n');
    const { scenario, problems } = loadScenarioSource('m.yaml', src, { knownEngines: ['spark'] });
    expect(problems).toEqual([]);
    expect(expandScenario(scenario!).map((i) => i.steps.map((s) => `${s.sql}${s.index}`).join(' '))).toEqual(['A0 C2', 'A0 B1 C2']);
    const bad = loadScenarioSource('m.yaml', src.replace('{ f: [orc] }', '{ f: [avro], g: [1] }'), { knownEngines: ['spark'] });
    expect(bad.problems.map((p) => [p.code, p.loc.line, p.loc.col])).toEqual([
      ['BAD_VALUE', 8, 17],
      ['BAD_VALUE', 8, 24],
    ]);
  });

  it("gives every step the scenario's time zone, with its matrix value, unless the step names its own", () => {
    const src = [
      'name: m',
      'time-zone: "${z}"',
      'matrix: { z: [Asia/Kathmandu, UTC] }',
      'steps:',
      '  - on: spark',
      '    sql: A',
      '  - on: spark',
      '    sql: B',
      '    time-zone: America/Los_Angeles',
    ].join('\n');
    const { scenario, problems } = loadScenarioSource('m.yaml', src, { knownEngines: ['spark'] });
    expect(problems).toEqual([]);
    expect(expandScenario(scenario!).map((i) => i.steps.map((s) => s['time-zone']))).toEqual([
      ['Asia/Kathmandu', 'America/Los_Angeles'],
      ['UTC', 'America/Los_Angeles'],
    ]);
    const plain = loadScenarioSource('p.yaml', ['name: p', 'steps:', '  - on: spark', '    sql: A'].join('\n'), {
      knownEngines: ['spark'],
    });
    expect(Object.keys(expandScenario(plain.scenario!)[0]!.steps[0]!)).not.toContain('time-zone');
  });

  it('leaves out the cells an exclude entry matches in full, and checks its values', () => {
    expect(
      matrixCells({ f: ['parquet', 'avro'], c: ['zstd', 'lz4'], w: ['a', 'b'] }, [
        { f: 'avro', c: 'lz4' },
        { w: 'b', f: 'parquet', c: 'zstd' },
      ]),
    ).toEqual([
      { f: 'parquet', c: 'zstd', w: 'a' },
      { f: 'parquet', c: 'lz4', w: 'a' },
      { f: 'parquet', c: 'lz4', w: 'b' },
      { f: 'avro', c: 'zstd', w: 'a' },
      { f: 'avro', c: 'zstd', w: 'b' },
    ]);
    const bad = loadScenarioSource(
      'm.yaml',
      [
        'name: m',
        'matrix: { f: [parquet] }',
        'matrix-exclude: [{ f: orc }, { g: 1 }]',
        'steps:',
        '  - on: spark',
        '    sql: SELECT 1',
      ].join('\n'),
      { knownEngines: ['spark'] },
    );
    expect(bad.problems.map((p) => [p.code, p.loc.line, p.loc.col])).toEqual([
      ['BAD_VALUE', 3, 20],
      ['BAD_VALUE', 3, 32],
    ]);
  });

  it('substitutes parameters, keeping the type of a whole-string variable, and leaves runtime variables', () => {
    const src = [
      'name: m',
      'matrix: { p: [3, 7] }',
      'steps:',
      '  - on: spark',
      '    sql: CREATE TABLE ${db}.t (ts TIMESTAMP(${p}))',
      '    expect: { rows: [["${p}"]] }',
    ].join('\n');
    const { scenario } = loadScenarioSource('m.yaml', src, { knownEngines: ['spark'] });
    const instances = expandScenario(scenario!);
    expect(instances.map((i) => i.id)).toEqual(['m.yaml#m[p=3]', 'm.yaml#m[p=7]']);
    expect(instances[1]!.steps[0]!.sql).toBe('CREATE TABLE ${db}.t (ts TIMESTAMP(7))');
    expect(instances[1]!.steps[0]!.expect!.rows).toEqual([[7]]);
    expect(instances[1]!.steps[0]!.loc.line).toBe(4);
  });
});

describe('JSON Schema', () => {
  it('is generated from the loader definition and closes objects', () => {
    const schema = scenarioJsonSchema() as { required?: string[]; additionalProperties?: boolean; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['name', 'steps']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('matrix');
  });
});
