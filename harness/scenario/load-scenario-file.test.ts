import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource, loadScenarios, printScenario } from './index.ts';

const opts = { knownEngines: ['spark', 'pypaimon'] };
const load = (src: string) => loadScenarioSource('s.yaml', src, opts);
const codes = (src: string) => load(src).problems.map((p) => [p.code, p.loc.line, p.loc.col]);

describe('loadScenarioSource', () => {
  it('loads a valid scenario with a location on every step', () => {
    const r = load(
      ['name: ok', 'steps:', '  - on: spark', '    sql: SELECT 1', '  - on: [spark, pypaimon]', '    read: { table: t }'].join('\n'),
    );
    expect(r.problems).toEqual([]);
    expect(r.scenario!.steps.map((s) => [s.loc.line, s.loc.col])).toEqual([
      [3, 5],
      [5, 5],
    ]);
  });

  it('reports an unknown key at its own line and column', () => {
    expect(codes(['name: ok', 'steps:', '  - on: spark', '    sql: SELECT 1', '    expct: {}'].join('\n'))).toEqual([
      ['UNKNOWN_KEY', 5, 5],
    ]);
  });

  it('reports a wrong type at the value', () => {
    expect(codes(['name: ok', 'tags: nope', 'steps:', '  - { on: spark, sql: x }'].join('\n'))).toEqual([['BAD_TYPE', 2, 7]]);
  });

  it('reports a missing required key at the enclosing map', () => {
    expect(codes(['description: no name', 'steps:', '  - { on: spark, sql: x }'].join('\n'))).toEqual([['MISSING_KEY', 1, 1]]);
  });

  it('reports YAML syntax errors with their position', () => {
    const [p] = load('name: ok\nsteps: [\n').problems;
    expect(p!.code).toBe('YAML_SYNTAX');
    expect(p!.loc.line).toBeGreaterThanOrEqual(2);
  });

  it('reports an engine no adapter provides', () => {
    expect(codes(['name: ok', 'steps:', '  - on: [spark, trino]', '    sql: x'].join('\n'))).toEqual([['UNKNOWN_ENGINE', 3, 17]]);
  });

  it('reports a per-engine SQL variant for an unknown engine and a missing variant', () => {
    const src = ['name: ok', 'steps:', '  - on: [spark, pypaimon]', '    sql:', '      spark: SELECT 1', '      hive: SELECT 1'].join('\n');
    expect(codes(src)).toEqual([
      ['UNKNOWN_ENGINE', 6, 7],
      ['MISSING_KEY', 5, 7],
    ]);
  });

  it('reports a matrix that expands to nothing', () => {
    expect(codes(['name: ok', 'matrix:', '  p: 5..1', '  q: []', 'steps:', '  - { on: spark, sql: x }'].join('\n'))).toEqual([
      ['EMPTY_MATRIX', 3, 6],
      ['EMPTY_MATRIX', 4, 6],
    ]);
  });

  it('reports unknown variables but accepts runtime and matrix ones', () => {
    const src = ['name: ok', 'matrix: { p: [1] }', 'steps:', '  - on: spark', '    sql: SELECT ${p} FROM ${db}.t WHERE x = ${nope}'].join(
      '\n',
    );
    expect(codes(src)).toEqual([['UNKNOWN_VARIABLE', 5, 10]]);
  });

  it('a mark-time variable is known to the steps after it, not before', () => {
    const src = [
      'name: ok',
      'steps:',
      '  - { on: spark, sql: "SELECT ${t}" }',
      '  - mark-time: { variable: t }',
      '  - { on: spark, sql: "SELECT ${t}" }',
      '  - mark-time: { variable: db }',
    ].join('\n');
    expect(codes(src).map((c) => [c[0], c[1]])).toEqual([
      ['UNKNOWN_VARIABLE', 3],
      ['BAD_VALUE', 6],
    ]);
  });

  it('requires exactly one step kind and an engine for engine steps', () => {
    expect(codes(['name: ok', 'steps:', '  - on: spark', '  - sql: x'].join('\n')).map((c) => c[0])).toEqual(['BAD_VALUE', 'BAD_VALUE']);
  });

  it('rejects agree on a single engine and an undeclared principal', () => {
    const src = ['name: ok', 'steps:', '  - on: spark', '    as: bob', '    read: { table: t }', '    expect: { agree: true }'].join('\n');
    expect(codes(src).map((c) => c[0])).toEqual(['UNKNOWN_PRINCIPAL', 'BAD_VALUE']);
  });

  it('round-trips: model -> YAML -> model', () => {
    const src = [
      'name: rt',
      'description: d',
      'tags: [a]',
      'principals: { reader: { grants: [{ privilege: SELECT, on: "${db}.t" }] } }',
      'matrix: { p: 0..2, f: [parquet, orc] }',
      'steps:',
      '  - on: [spark, pypaimon]',
      '    create-table: { table: t, columns: { a: INT, ts: "TIMESTAMP(${p})" }, options: { file.format: "${f}" } }',
      '  - on: spark',
      '    as: reader',
      '    sql: { spark: "SELECT 1" }',
      '    expect: { rows: [[1, "x", null, true]], ordered: true, error: { class: not-found, message: "x.*" } }',
      '  - rest: { method: GET, path: /databases }',
      '    expect: { status: 200 }',
    ].join('\n');
    const first = load(src);
    expect(first.problems).toEqual([]);
    const printed = printScenario(first.scenario!);
    const second = load(printed);
    expect(second.problems).toEqual([]);
    const strip = (s: typeof first.scenario) =>
      JSON.parse(JSON.stringify({ ...s, loc: undefined, steps: s!.steps.map((st) => ({ ...st, loc: undefined })) }));
    expect(strip(second.scenario)).toEqual(strip(first.scenario));
  });
});

describe('loadScenarios', () => {
  it('reports a duplicate scenario name on the second file and a missing path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-dup-'));
    await writeFile(join(dir, 'a.yaml'), 'name: same\nsteps: [{ on: spark, sql: x }]\n');
    await writeFile(join(dir, 'b.yaml'), '# comment\nname: same\nsteps: [{ on: spark, sql: x }]\n');
    const suite = await loadScenarios([dir, join(dir, 'missing.yaml')], opts);
    expect(
      suite.problems.map((p) => [p.code, p.loc.file.endsWith(p.code === 'DUPLICATE_SCENARIO' ? 'b.yaml' : 'missing.yaml'), p.loc.line]),
    ).toEqual([
      ['FILE_UNREADABLE', true, 1],
      ['DUPLICATE_SCENARIO', true, 2],
    ]);
    expect(suite.scenarios.map((s) => s.name)).toEqual(['same']);
  });
});
