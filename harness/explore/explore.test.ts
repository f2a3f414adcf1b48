import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_ENGINES } from '../engines/index.ts';
import { loadScenarioSource } from '../scenario/index.ts';
import type { ScenarioResult } from '../verdicts/index.ts';
import {
  caseArbitrary,
  caseScenario,
  caseSource,
  columnsAt,
  exploreKnownIssues,
  explore,
  findingSignature,
  knownByExploreEntry,
  modelAt,
  modelRows,
  type ExploreCase,
  type ExploreOp,
  type ExploreTable,
} from './index.ts';
import { compareValues } from './case-model.ts';
import type { AggregateFunction, MergeEngine } from './explore-case.ts';

const WRITERS = ['pypaimon', 'paimon-java', 'paimon-rust', 'flink'];
const opts = { origin: 'test', readers: WRITERS, creator: 'paimon-java' };

/** A scenario result with one failing step, as the runner reports it (a test double's answer). */
function failing(stepName: string, engine: string, aspect: string, diff = ['- a', '+ b']): ScenarioResult {
  return {
    id: 'x',
    name: 'x',
    file: 'x.yaml',
    loc: { file: 'x.yaml', line: 1, col: 1 },
    params: {},
    tags: [],
    status: 'fail',
    database: 'db',
    durationMs: 1,
    steps: [
      {
        index: 1,
        name: stepName,
        loc: { file: 'x.yaml', line: 2, col: 1 },
        status: 'fail',
        engines: [{ engine, status: 'fail', durationMs: 1, failures: [{ equal: false, aspect, diff }] }],
        disagreements: [],
        skippedEngines: [],
      },
    ],
  } as unknown as ScenarioResult;
}
const passing = { status: 'pass', steps: [] } as unknown as ScenarioResult;

describe('generated cases', () => {
  it('are valid scenarios the loader accepts, whatever the seed', () => {
    for (const c of fc.sample(caseArbitrary(WRITERS), { seed: 7, numRuns: 80 })) {
      const source = caseSource(c, 'explore-t-1', opts);
      const loaded = loadScenarioSource('explore/t.yaml', source, SCENARIO_ENGINES);
      expect(
        loaded.problems.map((p) => `${p.code}: ${p.message}`),
        source,
      ).toEqual([]);
    }
  });

  it('name aggregate functions only for columns CREATE TABLE has (the reference server never answers otherwise)', () => {
    const cases = fc.sample(caseArbitrary(WRITERS), { seed: 9, numRuns: 300 }).filter((c) => c.table.aggregates);
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases)
      for (const column of Object.keys(c.table.aggregates!)) expect(c.table.columns.map((col) => col.name)).toContain(column);
  });

  it('are the same for the same seed and differ for another', () => {
    const a = fc.sample(caseArbitrary(WRITERS), { seed: 42, numRuns: 5 });
    expect(fc.sample(caseArbitrary(WRITERS), { seed: 42, numRuns: 5 })).toEqual(a);
    expect(fc.sample(caseArbitrary(WRITERS), { seed: 43, numRuns: 5 })).not.toEqual(a);
  });
});

describe('the model of the table', () => {
  const columns = [
    { name: 'k', type: 'INT' },
    { name: 'v', type: 'STRING' },
    { name: 'n', type: 'INT' },
  ];
  const table = (mergeEngine?: MergeEngine, aggregates?: Record<string, AggregateFunction>): ExploreTable => ({
    columns,
    options: {},
    ...(mergeEngine ? { primaryKey: ['k'], mergeEngine } : {}),
    ...(aggregates ? { aggregates } : {}),
  });
  const ops: ExploreOp[] = [
    {
      kind: 'insert',
      n: 1,
      writer: 'pypaimon',
      rows: [
        [1, 'a', 5],
        [2, 'b', 7],
      ],
    },
    {
      kind: 'insert',
      n: 2,
      writer: 'flink',
      rows: [
        [2, null, 3],
        [3, 'd', null],
      ],
    },
  ];
  it('keeps every row of an append table, and one per key as the merge engine says', () => {
    expect(modelRows({ table: table(), ops })).toEqual([
      [1, 'a', 5],
      [2, 'b', 7],
      [2, null, 3],
      [3, 'd', null],
    ]);
    expect(modelRows({ table: table('deduplicate'), ops })).toEqual([
      [1, 'a', 5],
      [2, null, 3],
      [3, 'd', null],
    ]);
    expect(modelRows({ table: table('first-row'), ops })).toEqual([
      [1, 'a', 5],
      [2, 'b', 7],
      [3, 'd', null],
    ]);
    expect(modelRows({ table: table('partial-update'), ops })).toEqual([
      [1, 'a', 5],
      [2, 'b', 3],
      [3, 'd', null],
    ]);
    expect(modelRows({ table: table('aggregation', { n: 'max', v: 'last_value' }), ops })).toEqual([
      [1, 'a', 5],
      [2, null, 7],
      [3, 'd', null],
    ]);
    expect(modelRows({ table: table('aggregation', { n: 'min' }), ops })).toEqual([
      [1, 'a', 5],
      [2, 'b', 3],
      [3, 'd', null],
    ]);
  });

  it('gives rows written before an added column NULL there, and keeps each insert to the columns of its time', () => {
    const t: ExploreTable = { ...table(), later: [{ name: 'a1', type: 'STRING' }] };
    const history: ExploreOp[] = [
      { kind: 'insert', n: 1, writer: 'pypaimon', rows: [[1, 'a', 5, 'lost']] },
      { kind: 'alter', engine: 'flink', addColumn: true },
      { kind: 'insert', n: 2, writer: 'flink', rows: [[2, 'b', 6, 'kept']] },
    ];
    expect(modelAt({ table: t, ops: history })).toEqual({
      columns: [...columns, { name: 'a1', type: 'STRING' }],
      rows: [
        [1, 'a', 5, null],
        [2, 'b', 6, 'kept'],
      ],
    });
    expect(modelAt({ table: t, ops: history }, 1).rows).toEqual([[1, 'a', 5]]);
    expect(columnsAt({ table: t, ops: history }, 1)).toEqual(columns);
  });

  it('compares the ordered types as the generator writes them', () => {
    expect(compareValues('BIGINT', '9223372036854775807', '-1')).toBe(1);
    expect(compareValues('DECIMAL(10,2)', '-0.50', '-0.05')).toBe(-1);
    expect(compareValues('DATE', '0001-01-17', '1970-01-01')).toBe(-1);
  });
});

describe('the scenario of a case', () => {
  const table: ExploreTable = {
    columns: [
      { name: 'k', type: 'INT' },
      { name: 'v', type: 'STRING' },
    ],
    later: [{ name: 'a1', type: 'INT' }],
    options: {},
  };
  const history: ExploreOp[] = [
    { kind: 'insert', n: 1, writer: 'pypaimon', rows: [[1, 'a', 9]] },
    { kind: 'tag' },
    { kind: 'alter', engine: 'paimon-rust', addColumn: true },
    { kind: 'insert', n: 2, writer: 'flink', rows: [[2, 'b', 10]] },
    { kind: 'insert', n: 3, writer: 'paimon-java', rows: [[3, 'c', 11]] },
  ];
  const reads: ExploreOp[] = [
    { kind: 'read', afterInsert: 1 },
    { kind: 'read', tag: 1 },
    { kind: 'read', incremental: { from: 1, to: 3 } },
    { kind: 'read', system: 'snapshots' },
    { kind: 'read', tag: 2 },
  ];
  const doc = caseScenario({ table, ops: [...history, ...reads] }, { name: 'explore-t-1', ...opts }) as {
    steps: Record<string, unknown>[];
  };
  const step = (name: RegExp) => doc.steps.find((s) => name.test(String(s.name)))!;

  it('marks the moment after an insert a time-travel read needs, and reads the columns of that time', () => {
    expect(doc.steps.map((s) => s.name)).toContain('the moment after insert 1');
    expect(step(/as of the moment after insert 1/)).toMatchObject({
      read: { columns: ['k', 'v'], options: { 'scan.timestamp-millis': '${after_insert_1}' } },
      expect: { rows: [[1, 'a']] },
    });
  });

  it('writes each insert with the columns of its time, and an increment with NULL for columns added later', () => {
    expect(step(/^insert 1/)).toMatchObject({ insert: { rows: [[1, 'a']] } });
    expect(step(/^insert 2/)).toMatchObject({ insert: { rows: [[2, 'b', 10]] } });
    expect(step(/increment/)).toMatchObject({
      'read-incremental': { start: 1, end: 3 },
      expect: {
        rows: [
          [2, 'b', 10],
          [3, 'c', 11],
        ],
      },
    });
  });

  it('tags through Flink and leaves out a read whose tag shrinking dropped', () => {
    expect(step(/^tag: /)).toMatchObject({ on: 'flink', sql: expect.stringContaining("tag => 'tag1'") });
    expect(step(/as of tag1/)).toMatchObject({
      read: { columns: ['k', 'v'], options: { 'scan.tag-name': 'tag1' } },
      expect: { rows: [[1, 'a']] },
    });
    expect(doc.steps.some((s) => /tag2/.test(String(s.name)))).toBe(false);
  });

  it('leaves out of an increment the inserts after a compaction, whose snapshot ids are unknown', () => {
    const ops: ExploreOp[] = [
      ...history,
      { kind: 'compact' },
      { kind: 'insert', n: 4, writer: 'flink', rows: [[4, 'd', 12]] },
      { kind: 'read', incremental: { from: 1, to: 3 } },
    ];
    const d = caseScenario({ table, ops }, { name: 'explore-t-2', ...opts }) as { steps: Record<string, unknown>[] };
    expect(d.steps.find((s) => /increment/.test(String(s.name)))).toMatchObject({
      expect: {
        rows: [
          [2, 'b', 10],
          [3, 'c', 11],
        ],
      },
    });
  });

  it('reads $snapshots on the engines that have it, counting the commits after a schema change', () => {
    expect(step(/snapshots/)).toMatchObject({ on: ['paimon-java', 'paimon-rust', 'flink'], expect: { agree: true, count: 3 } });
  });
});

describe('finding signatures', () => {
  it('name the step kind, the failing engines and how they failed, not the case', () => {
    expect(findingSignature(failing('read 1: every row', 'paimon-rust', 'rows'))).toBe('read | paimon-rust:rows(changed) | reader');
    expect(findingSignature(failing('read 1: every row', 'paimon-rust', 'rows', ['- 1 | a']))).toBe(
      'read | paimon-rust:rows(missing) | reader',
    );
    expect(findingSignature(failing('read 2: where k IS NULL', 'pypaimon', 'filtered pypaimon'))).toBe(
      'filtered read | pypaimon:filtered | reader',
    );
    expect(findingSignature(failing('insert 3: flink writes 2 row(s)', 'flink', 'error'))).toBe('insert by flink | flink:error | writer');
    expect(findingSignature(failing('read 4: as of tag1', 'flink', 'rows', ['+ 2 | b']))).toBe('tag read | flink:rows(extra) | reader');
    expect(findingSignature(failing('alter: pypaimon adds column a1', 'pypaimon', 'error'))).toBe(
      'add-column by pypaimon | pypaimon:error | writer',
    );
    expect(findingSignature(passing)).toBeUndefined();
  });

  it('known deviations apply to generated cases by engine and signature alone, never as fixed', () => {
    const loose = exploreKnownIssues([
      { id: 'a', scenario: 's', step: 'x', engine: 'flink', layer: 'engine', reason: 'r', signature: 'IllegalStateException: boom' },
      { id: 'b', scenario: 's', engine: 'flink', layer: 'engine', reason: 'r' },
      // 'success' is in every unexpected error's text, '\\- 4' in countless diffs: they name a
      // deviation only together with their scenario and step.
      { id: 'd', scenario: 's', step: 'x', engine: 'flink', layer: 'engine', reason: 'r', signature: 'IllegalStateException|\\- 4' },
      { id: 'c', scenario: 's', step: 'x', engine: 'flink', layer: 'engine', reason: 'r', signature: 'success' },
    ]);
    expect(loose.map((i) => [i.id, i.scenario, i.step, i.intermittent])).toEqual([['a', undefined, undefined, true]]);
  });
});

describe('known deviations with an explore pattern', () => {
  const entry = {
    id: 'py-first-row',
    engine: 'pypaimon',
    layer: 'reader' as const,
    reason: 'r',
    clients: { pypaimon: '<2.0.0' },
    explore: '^read \\| pypaimon:rows\\S* [^\\n]*\\n[\\s\\S]*merge-engine: "first-row"',
  };
  const source = 'steps:\n  - create-table:\n      options:\n        merge-engine: "first-row"\n';
  const ctx = (pypaimon: string) => ({
    ctx: { env: { versions: { pypaimon } } } as never,
    exploreEntries: [entry],
    tag: 't',
    origin: 'o',
    readers: [],
    creator: 'paimon-java',
  });

  it('make a matching finding known on the versions the entry names, and nothing else', () => {
    const known = knownByExploreEntry(failing('read 1: every row', 'pypaimon', 'rows'), source, ctx('1.4.2'));
    expect([known.status, known.steps[0]!.engines[0]!.known?.id, findingSignature(known)]).toEqual(['known', 'py-first-row', undefined]);
    expect(knownByExploreEntry(failing('read 1: every row', 'pypaimon', 'rows'), source, ctx('2.0.0')).status).toBe('fail');
    expect(
      knownByExploreEntry(failing('read 1: every row', 'pypaimon', 'rows'), source.replace('first-row', 'deduplicate'), ctx('1.4.2'))
        .status,
    ).toBe('fail');
    expect(knownByExploreEntry(failing('read 1: every row', 'paimon-java', 'rows'), source, ctx('1.4.2')).status).toBe('fail');
  });

  it('make a finding of two deviations known when each failing engine has its entry', () => {
    const writerEntry = {
      id: 'py-writes-level-0',
      engine: ['paimon-java', 'flink'],
      layer: 'writer' as const,
      reason: 'w',
      explore: '^read \\| flink:rows\\S* paimon-java:rows\\S*( pypaimon:rows\\S*)? \\| \\w+\\n',
    };
    const readerEntry = { ...entry, explore: '^read \\| (\\S+ )*pypaimon:rows\\S* \\| \\w+\\n' };
    const both = failing('read 1: every row', 'flink', 'rows');
    const step = both.steps[0]!;
    step.engines.push({ ...step.engines[0]!, engine: 'paimon-java' }, { ...step.engines[0]!, engine: 'pypaimon' });
    const opts2 = { ...ctx('1.4.2'), exploreEntries: [writerEntry, readerEntry] };
    const known = knownByExploreEntry(structuredClone(both), source, opts2);
    expect(known.steps[0]!.engines.map((e) => [e.engine, e.known?.id])).toEqual([
      ['flink', 'py-writes-level-0'],
      ['paimon-java', 'py-writes-level-0'],
      ['pypaimon', 'py-first-row'],
    ]);
    // Without the reader's entry, pypaimon's part is unexplained: the case stays a finding.
    expect(knownByExploreEntry(structuredClone(both), source, { ...opts2, exploreEntries: [writerEntry] }).status).toBe('fail');
  });
});

describe('explore', { timeout: 20_000 }, () => {
  // A deliberate defect, as a test double of the engines: "paimon-rust" misreads any STRING
  // value holding an 'x' (a reversed conversion would look the same from outside).
  const defective = async (c: ExploreCase) => {
    const strings = c.table.columns.flatMap((col, i) => (col.type === 'STRING' ? [i] : []));
    const hit = c.ops.some(
      (o) => o.kind === 'insert' && o.rows.some((r) => strings.some((i) => typeof r[i] === 'string' && (r[i] as string).includes('x'))),
    );
    return hit ? failing('read 1: every row', 'paimon-rust', 'rows') : passing;
  };

  it('finds a defect, shrinks it to one insert of one row, and reports it once', async () => {
    const out = await explore({ seed: 1, budgetMs: 4000, writers: WRITERS, runCase: defective });
    expect(out.findings.map((f) => f.signature)).toEqual(['read | paimon-rust:rows(changed) | reader']);
    const minimal = out.findings[0]!.minimal;
    const inserts = minimal.ops.filter((o) => o.kind === 'insert');
    expect(inserts).toHaveLength(1);
    expect(inserts[0]!.kind === 'insert' && inserts[0]!.rows).toHaveLength(1);
    expect(out.findings[0]!.shrinks).toBeGreaterThan(0);
  });

  it('reports a second defect met while the round shrinks the first', async () => {
    // Two defects: paimon-rust misreads strings with an 'x'; flink fails on any DATE column.
    const twoDefects = async (c: ExploreCase) => {
      if (c.table.columns.some((col) => col.type === 'DATE')) return failing('read 1: every row', 'flink', 'rows', ['- 1']);
      return defective(c);
    };
    const out = await explore({ seed: 1, budgetMs: 4000, writers: WRITERS, runCase: twoDefects });
    expect(out.findings.map((f) => f.signature).sort()).toEqual([
      'read | flink:rows(missing) | reader',
      'read | paimon-rust:rows(changed) | reader',
    ]);
  }, 20_000);

  it('with two jobs in flight, still reports a signature once', async () => {
    const out = await explore({ seed: 1, budgetMs: 3000, jobs: 2, writers: WRITERS, runCase: defective });
    expect(out.findings.map((f) => f.signature)).toEqual(['read | paimon-rust:rows(changed) | reader']);
  });

  it('tallies an unsupported answer of an engine apart, never as a finding', async () => {
    const refusal = failing('insert 1: paimon-rust writes 1 row(s)', 'paimon-rust', 'error');
    refusal.steps[0]!.engines[0]!.error = { errorClass: 'unsupported', exception: 'x', message: 'no ORC writer' };
    const out = await explore({ seed: 1, budgetMs: 300, writers: WRITERS, runCase: async () => refusal });
    expect(out.findings).toEqual([]);
    expect(Object.keys(out.unsupported)).toEqual(['insert by paimon-rust | paimon-rust:error unsupported | engine']);
  });

  it('reports a hang as met, without shrinking it (each attempt would wait out the limit)', async () => {
    const hang = failing('paimon-java creates the table', 'paimon-java', 'error');
    hang.steps[0]!.engines[0]!.error = { errorClass: 'timeout', exception: 'x', message: 'no answer within 120s' };
    let runs = 0;
    const out = await explore({ seed: 1, budgetMs: 300, writers: WRITERS, runCase: async () => (++runs === 3 ? hang : passing) });
    expect(out.findings.map((f) => [f.signature, f.shrinks])).toEqual([
      ['create-table by paimon-java | paimon-java:error timeout | writer', 0],
    ]);
  });

  it('returns only when the last case has ended, though the budget ran out while it ran', async () => {
    let running = 0;
    const slow = async () => {
      running++;
      await new Promise((r) => setTimeout(r, 400));
      running--;
      return passing;
    };
    await explore({ seed: 1, budgetMs: 500, writers: WRITERS, runCase: slow });
    expect(running).toBe(0);
  });

  it('reports nothing where the engines agree (the control)', async () => {
    const out = await explore({ seed: 1, budgetMs: 300, writers: WRITERS, runCase: async () => passing });
    expect(out.findings).toEqual([]);
    expect(out.cases).toBeGreaterThan(10);
  });
});
