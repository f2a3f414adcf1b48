import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_ENGINES } from '../engines/index.ts';
import { loadScenarioSource } from '../scenario/index.ts';
import type { ScenarioResult } from '../verdicts/index.ts';
import { caseArbitrary, caseSource, exploreKnownIssues, explore, findingSignature, knownByExploreEntry, modelRows, type ExploreCase } from './index.ts';

const WRITERS = ['pypaimon', 'paimon-java', 'paimon-rust', 'flink'];
const opts = { origin: 'test', readers: WRITERS, creator: 'paimon-java' };

/** A scenario result with one failing step, as the runner reports it (a test double's answer). */
function failing(stepName: string, engine: string, aspect: string): ScenarioResult {
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
    steps: [{ index: 1, name: stepName, loc: { file: 'x.yaml', line: 2, col: 1 }, status: 'fail', engines: [{ engine, status: 'fail', durationMs: 1, failures: [{ equal: false, aspect, diff: ['- a', '+ b'] }] }], disagreements: [], skippedEngines: [] }],
  } as unknown as ScenarioResult;
}
const passing = { status: 'pass', steps: [] } as unknown as ScenarioResult;

describe('generated cases', () => {
  it('are valid scenarios the loader accepts, whatever the seed', () => {
    for (const c of fc.sample(caseArbitrary(WRITERS), { seed: 7, numRuns: 80 })) {
      const source = caseSource(c, 'explore-t-1', opts);
      const loaded = loadScenarioSource('explore/t.yaml', source, SCENARIO_ENGINES);
      expect(loaded.problems.map((p) => `${p.code}: ${p.message}`), source).toEqual([]);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const a = fc.sample(caseArbitrary(WRITERS), { seed: 42, numRuns: 5 });
    expect(fc.sample(caseArbitrary(WRITERS), { seed: 42, numRuns: 5 })).toEqual(a);
    expect(fc.sample(caseArbitrary(WRITERS), { seed: 43, numRuns: 5 })).not.toEqual(a);
  });
});

describe('the model of the table', () => {
  const table = (mergeEngine?: 'deduplicate' | 'first-row') => ({ columns: [{ name: 'k', type: 'INT' }, { name: 'v', type: 'STRING' }], options: {}, ...(mergeEngine ? { primaryKey: ['k'], mergeEngine } : {}) });
  const ops = [
    { kind: 'insert' as const, writer: 'pypaimon', rows: [[1, 'a'], [2, 'b']] },
    { kind: 'insert' as const, writer: 'flink', rows: [[2, 'c'], [3, 'd']] },
  ];
  it('keeps every row of an append table, the last per key with deduplicate, the first with first-row', () => {
    expect(modelRows({ table: table(), ops })).toEqual([[1, 'a'], [2, 'b'], [2, 'c'], [3, 'd']]);
    expect(modelRows({ table: table('deduplicate'), ops })).toEqual([[1, 'a'], [2, 'c'], [3, 'd']]);
    expect(modelRows({ table: table('first-row'), ops })).toEqual([[1, 'a'], [2, 'b'], [3, 'd']]);
  });
});

describe('finding signatures', () => {
  it('name the step kind, the failing engines and how they failed, not the case', () => {
    expect(findingSignature(failing('read 1: every row', 'paimon-rust', 'rows'))).toBe('read | paimon-rust:rows');
    expect(findingSignature(failing('read 2: where k IS NULL', 'pypaimon', 'filtered pypaimon'))).toBe('filtered read | pypaimon:filtered');
    expect(findingSignature(failing('insert 3: flink writes 2 row(s)', 'flink', 'error'))).toBe('insert by flink | flink:error');
    expect(findingSignature(passing)).toBeUndefined();
  });

  it('known deviations apply to generated cases by engine and signature alone, never as fixed', () => {
    const loose = exploreKnownIssues([
      { id: 'a', scenario: 's', step: 'x', engine: 'flink', layer: 'engine', reason: 'r', signature: 'boom' },
      { id: 'b', scenario: 's', engine: 'flink', layer: 'engine', reason: 'r' },
    ]);
    expect(loose.map((i) => [i.id, i.scenario, i.step, i.intermittent])).toEqual([['a', undefined, undefined, true]]);
  });
});

describe('known deviations with an explore pattern', () => {
  const entry = { id: 'py-first-row', engine: 'pypaimon', layer: 'reader' as const, reason: 'r', clients: { pypaimon: '<2.0.0' }, explore: '^read \\| pypaimon:rows\\n[\\s\\S]*merge-engine: "first-row"' };
  const source = 'steps:\n  - create-table:\n      options:\n        merge-engine: "first-row"\n';
  const ctx = (pypaimon: string) => ({ ctx: { clientVersions: { pypaimon } } as never, exploreEntries: [entry], tag: 't', origin: 'o', readers: [], creator: 'paimon-java' });

  it('make a matching finding known on the versions the entry names, and nothing else', () => {
    const known = knownByExploreEntry(failing('read 1: every row', 'pypaimon', 'rows'), source, ctx('1.4.2'));
    expect([known.status, known.steps[0]!.engines[0]!.known?.id, findingSignature(known)]).toEqual(['known', 'py-first-row', undefined]);
    expect(knownByExploreEntry(failing('read 1: every row', 'pypaimon', 'rows'), source, ctx('2.0.0')).status).toBe('fail');
    expect(knownByExploreEntry(failing('read 1: every row', 'pypaimon', 'rows'), source.replace('first-row', 'deduplicate'), ctx('1.4.2')).status).toBe('fail');
    expect(knownByExploreEntry(failing('read 1: every row', 'paimon-java', 'rows'), source, ctx('1.4.2')).status).toBe('fail');
  });
});

describe('explore', () => {
  // A deliberate defect, as a test double of the engines: "paimon-rust" misreads any STRING
  // value holding an 'x' (a reversed conversion would look the same from outside).
  const defective = async (c: ExploreCase) => {
    const strings = c.table.columns.flatMap((col, i) => (col.type === 'STRING' ? [i] : []));
    const hit = c.ops.some((o) => o.kind === 'insert' && o.rows.some((r) => strings.some((i) => typeof r[i] === 'string' && (r[i] as string).includes('x'))));
    return hit ? failing('read 1: every row', 'paimon-rust', 'rows') : passing;
  };

  it('finds a defect, shrinks it to one insert of one row, and reports it once', async () => {
    const out = await explore({ seed: 1, budgetMs: 4000, writers: WRITERS, runCase: defective });
    expect(out.findings.map((f) => f.signature)).toEqual(['read | paimon-rust:rows']);
    const minimal = out.findings[0]!.minimal;
    const inserts = minimal.ops.filter((o) => o.kind === 'insert');
    expect(inserts).toHaveLength(1);
    expect(inserts[0]!.kind === 'insert' && inserts[0]!.rows).toHaveLength(1);
    expect(out.findings[0]!.shrinks).toBeGreaterThan(0);
  });

  it('reports nothing where the engines agree (the control)', async () => {
    const out = await explore({ seed: 1, budgetMs: 300, writers: WRITERS, runCase: async () => passing });
    expect(out.findings).toEqual([]);
    expect(out.cases).toBeGreaterThan(10);
  });
});
