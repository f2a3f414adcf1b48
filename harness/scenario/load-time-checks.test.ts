import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnownIssues } from '../known-issues/index.ts';
import { loadScenarioSource } from './index.ts';

/** The loader's checks that keep a wrong verdict from ever running: exactness, regexes, capabilities. */
const opts = {
  knownEngines: ['spark', 'pypaimon'],
  capabilities: { spark: ['sql', 'writes'], pypaimon: ['writes', 'principals', 'catalog-config'] },
  knownCapabilities: ['sql', 'writes', 'principals', 'merge-into', 'catalog-config'],
};
const codes = (lines: string[]) =>
  loadScenarioSource('s.yaml', lines.join('\n'), opts).problems.map((p) => [p.code, p.loc.line, p.loc.col]);
const table = [
  'name: t',
  'steps:',
  '  - on: pypaimon',
  '    create-table: { table: t, columns: { id: BIGINT, d: "DECIMAL(10, 2)", ok: BOOLEAN, b: TINYINT } }',
];

describe('load-time checks', () => {
  it('an invalid regular expression in an expectation is a located problem', () => {
    expect(
      codes([
        'name: t',
        'steps:',
        '  - on: pypaimon',
        '    read: { table: t }',
        '    expect: { error: { class: not-found, message: "(unclosed" } }',
      ]),
    ).toEqual([['BAD_REGEX', 5, 51]]);
  });

  it('an invalid known-issue signature is a located problem', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pi-known-')), 'known.yaml');
    await writeFile(
      file,
      [
        'deviations:',
        '  - id: x',
        '    scenario: s',
        '    engine: pypaimon',
        '    layer: reader',
        '    signature: "[oops"',
        '    reason: r',
      ].join('\n'),
    );
    const r = await loadKnownIssues(file);
    expect(r.problems.map((p) => [p.code, p.loc.line, p.loc.col])).toEqual([['BAD_REGEX', 6, 16]]);
  });

  it('a known issue that names neither a scenario nor a step kind, or an unknown kind, is a located problem', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pi-known-')), 'known.yaml');
    await writeFile(
      file,
      [
        'deviations:',
        '  - id: x',
        '    engine: pypaimon',
        '    layer: reader',
        '    reason: r',
        '  - id: y',
        '    kind: [insert, upsert]',
        '    engine: pypaimon',
        '    layer: writer',
        '    timeout: 8',
        '    reason: r',
      ].join('\n'),
    );
    const r = await loadKnownIssues(file);
    expect(r.problems.map((p) => [p.code, p.loc.line])).toEqual([
      ['BAD_VALUE', 2],
      ['BAD_VALUE', 7],
    ]);
  });

  it('a where that does not parse is located at its bad character; filtered needs a where', () => {
    expect(codes(['name: t', 'steps:', '  - on: pypaimon', '    read: { table: t, where: "a = 1 AND b LIKE \'%x\'" }'])).toEqual([
      ['BAD_PREDICATE', 4, 48],
    ]);
    expect(codes(['name: t', 'steps:', '  - on: pypaimon', '    read: { table: t, where: a BETWEEN 1 }'])).toEqual([
      ['BAD_PREDICATE', 4, 41],
    ]);
    expect(codes(['name: t', 'matrix: { w: ["a = 1"] }', 'steps:', '  - on: pypaimon', '    read: { table: t, where: "${w}" }'])).toEqual(
      [],
    );
    expect(
      codes(['name: t', 'steps:', '  - on: pypaimon', '    read: { table: t, where: a = 1, limit: 2 }', '    expect: { filtered: true }']),
    ).toEqual([['BAD_VALUE', 5, 15]]);
  });

  it('a time zone the platform does not know is a located problem, in the matrix too', () => {
    expect(codes(['name: t', 'time-zone: Mars/Olympus', 'steps:', '  - on: pypaimon', '    read: { table: t }'])).toEqual([
      ['BAD_VALUE', 2, 12],
    ]);
    expect(
      codes([
        'name: t',
        'time-zone: "${z}"',
        'matrix: { z: [Asia/Kathmandu, Nowhere/Else] }',
        'steps:',
        '  - on: pypaimon',
        '    read: { table: t }',
        '    time-zone: America/Los_Angeles',
      ]),
    ).toEqual([['BAD_TIME_ZONE', 3, 14]]);
  });

  it('a YAML number a double cannot carry must be quoted', () => {
    expect(codes([...table, '  - on: pypaimon', '    insert: { table: t, rows: [[9007199254740993, 1.5, true, 1]] }'])).toContainEqual([
      'INEXACT_NUMBER',
      6,
      33,
    ]);
    expect(codes([...table, '  - on: pypaimon', "    insert: { table: t, rows: [['9007199254740993', 1.50, true, 1e2]] }"])).toEqual([]);
  });

  it('an expected cell its declared column cannot hold exactly is a located problem, not a rounding', () => {
    const read = (row: string) => [...table, '  - on: pypaimon', '    read: { table: t }', `    expect: { rows: [${row}] }`];
    expect(codes(read('[1, 1.999, true, 1]'))).toEqual([['BAD_EXPECTED_VALUE', 7, 26]]);
    expect(codes(read('[1, 0.125, true, 1]'))).toEqual([['BAD_EXPECTED_VALUE', 7, 26]]);
    expect(codes(read('[1, 1.99, 1, 1]'))).toEqual([['BAD_EXPECTED_VALUE', 7, 32]]);
    expect(codes(read('[1, 1.99, true, 1]'))).toEqual([]);
  });

  it('an insert value that does not fit its column, or an unknown column, is a located problem', () => {
    const insert = (what: string) => [...table, '  - on: pypaimon', `    insert: ${what}`];
    expect(codes(insert('{ table: t, rows: [[1, 2.5, true, 300]] }'))).toEqual([['BAD_INSERT_VALUE', 6, 47]]);
    expect(codes(insert('{ table: t, rows: [[abc, 2.5, true, 1]] }'))).toEqual([['BAD_INSERT_VALUE', 6, 33]]);
    expect(codes(insert('{ table: t, columns: [id, nope], rows: [[1, 2]] }'))).toEqual([['BAD_INSERT_VALUE', 6, 39]]);
  });

  it('later steps are checked against the columns an alter-table leaves, and an alter makes exactly one change', () => {
    const alter = (change: string, insert: string) => [
      ...table,
      '  - on: pypaimon',
      `    alter-table: { table: t, ${change} }`,
      '  - on: pypaimon',
      `    insert: ${insert}`,
    ];
    expect(codes(alter('rename-column: { from: b, to: c }', '{ table: t, columns: [id, c], rows: [[1, 300]] }'))).toEqual([
      ['BAD_INSERT_VALUE', 8, 54],
    ]);
    expect(codes(alter('change-type: { column: b, type: INT }', '{ table: t, columns: [id, b], rows: [[1, 300]] }'))).toEqual([]);
    expect(codes(alter('drop-column: b', '{ table: t, columns: [id, b], rows: [[1, 1]] }'))).toEqual([['BAD_INSERT_VALUE', 8, 39]]);
    expect(codes(alter('add-column: { name: n, type: STRING, first: true }', '{ table: t, rows: [[x, 1, 2.5, true, 1]] }'))).toEqual([]);
    expect(codes(alter('move-column: { column: b, first: true }', '{ table: t, rows: [[1, 1, 2.5, true]] }'))).toEqual([]);
    expect(
      codes(alter('drop-column: b, rename-column: { from: d, to: e }', '{ table: t, rows: [[1, 2.5, true]] }')).map(([c]) => c),
    ).toEqual(['BAD_VALUE']);
    expect(codes(alter('move-column: { column: b }', '{ table: t, rows: [[1, 2.5, true, 1]] }')).map(([c]) => c)).toEqual(['BAD_VALUE']);
  });

  it('a database an engine creates, or a step works in, must be under the scenario database', () => {
    expect(codes(['name: t', 'steps:', '  - on: pypaimon', '    create-database: { name: other }']).map(([c]) => c)).toEqual(['BAD_VALUE']);
    expect(codes(['name: t', 'steps:', '  - on: pypaimon', '    database: other', '    list-tables: {}']).map(([c]) => c)).toEqual([
      'BAD_VALUE',
    ]);
    expect(
      codes([
        'name: t',
        'steps:',
        '  - on: pypaimon',
        "    create-database: { name: '${db}_made' }",
        '  - on: pypaimon',
        "    database: '${db}_made'",
        '    list-tables: {}',
      ]),
    ).toEqual([]);
  });

  it('a step an engine cannot run must expect unsupported', () => {
    expect(codes(['name: t', 'steps:', '  - on: pypaimon', '    sql: SELECT 1'])).toEqual([['UNSUPPORTED_BY_ENGINE', 3, 9]]);
    expect(codes(['name: t', 'steps:', '  - on: pypaimon', '    sql: SELECT 1', '    expect: { error: unsupported }'])).toEqual([]);
    expect(
      codes(['name: t', 'principals: { p: {} }', 'steps:', '  - on: [pypaimon, spark]', '    as: p', '    read: { table: t }']),
    ).toEqual([['UNSUPPORTED_BY_ENGINE', 4, 20]]);
  });

  it('on: any-writer stands alone on a portable write step', () => {
    expect(codes(['name: t', 'steps:', '  - on: any-writer', '    insert: { table: t, rows: [[1]] }'])).toEqual([]);
    expect(codes(['name: t', 'steps:', '  - on: [any-writer, pypaimon]', '    insert: { table: t, rows: [[1]] }'])).toEqual([
      ['BAD_VALUE', 3, 10],
    ]);
    expect(codes(['name: t', 'steps:', '  - on: any-writer', '    read: { table: t }'])).toEqual([['BAD_VALUE', 3, 9]]);
  });

  it("a scenario's catalog-config needs engines that open the catalog with it, and no principals", () => {
    const config = "catalog-config: { defaults: { 'table-default.bucket': '2' } }";
    expect(codes(['name: t', config, 'steps:', '  - on: [pypaimon, spark]', '    read: { table: t }'])).toEqual([
      ['UNSUPPORTED_BY_ENGINE', 4, 20],
    ]);
    expect(codes(['name: t', config, 'principals: { p: {} }', 'steps:', '  - rest: { method: GET, path: /databases }'])).toEqual([
      ['BAD_VALUE', 2, 17],
    ]);
  });

  it('requires.paimon must be a version range, and capabilities must exist', () => {
    expect(
      codes([
        'name: t',
        'requires: { paimon: "not a range", capabilities: [merge-into, teleport] }',
        'steps:',
        '  - { on: spark, sql: x }',
      ]),
    ).toEqual([
      ['BAD_VALUE', 2, 21],
      ['UNKNOWN_CAPABILITY', 2, 63],
    ]);
  });
});
