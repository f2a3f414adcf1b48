import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioSource } from './load-scenario-file.ts';
import { loadScenarios } from './load-scenarios.ts';

const opts = { knownEngines: ['pypaimon', 'paimon-java', 'paimon-rust', 'flink', 'spark', 'doris'] };

/** Every problem has a code and a location inside the file (line 1..lines+1, column >= 1). */
function located(file: string, source: string) {
  const loaded = loadScenarioSource(file, source, opts);
  const lines = source.split(/\r?\n/).length;
  for (const p of loaded.problems) {
    expect(p.code).toMatch(/^[A-Z_]+$/);
    expect(p.loc.file).toBe(file);
    expect(p.loc.line).toBeGreaterThanOrEqual(1);
    expect(p.loc.line).toBeLessThanOrEqual(lines + 1);
    expect(p.loc.col).toBeGreaterThanOrEqual(1);
  }
  return loaded;
}

describe('the loader answers any input with located problems, never a throw', () => {
  let shipped: string[];
  beforeAll(async () => {
    shipped = await Promise.all(
      [
        'scenarios/writes/writes-and-snapshots.yaml',
        'scenarios/types/timestamp-precision-ms.yaml',
        'scenarios/permissions/permission-denied.yaml',
      ].map((f) => readFile(f, 'utf8')),
    );
  });

  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void located('x.yaml', text)),
      { numRuns: 300 },
    );
  });

  it('shipped scenarios with characters inserted, deleted or replaced', () => {
    const edit = fc.record({ doc: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 12 }), insert: fc.string({ maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = shipped[edits[0]!.doc % shipped.length]!;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        located('mutated.yaml', text);
      }),
      { numRuns: 300 },
    );
    // 300 loads of the larger shipped scenarios: seconds on a loaded 2-core machine.
  }, 60_000);

  it('YAML-shaped documents built from scenario keys and odd values', () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('${db}', '${nope}', '0..9', '*a', '&a x'),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom('name', 'on', 'sql', 'read', 'table', 'expect', 'rows', 'matrix', 'steps', 'insert', 'generate', 'from', 'to'),
          tie('v'),
          { maxKeys: 3 },
        ),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => void located('shaped.yaml', JSON.stringify({ name: 'shaped', steps: v }))),
      { numRuns: 300 },
    );
  });
});

describe('hostile files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostile-'));
  });

  const codes = (r: { problems: { code: string; loc: { line: number } }[] }) => r.problems.map((p) => [p.code, p.loc.line]);

  it('an alias expansion bomb is TOO_COMPLEX, not an internal error', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('name: bomb', 'steps: *a9');
    expect(codes(located('bomb.yaml', lines.join('\n')))).toEqual([['TOO_COMPLEX', 1]]);
  });

  it('a matrix of 10^8 instances is counted, not listed', () => {
    const t = performance.now();
    const r = located('matrix.yaml', 'name: big\nmatrix:\n  p: 0..99999999\n  q: [a, b]\nsteps:\n  - { on: spark, sql: "SELECT ${p}" }\n');
    expect(codes(r)).toEqual([['MATRIX_TOO_LARGE', 3]]);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('deep nesting is TOO_COMPLEX', () => {
    expect(located('deep.yaml', `name: deep\nsteps: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`).problems.map((p) => p.code)).toEqual([
      'TOO_COMPLEX',
    ]);
  });

  it('binary, non-UTF-8 and oversized files are refused before parsing, with no source to frame', async () => {
    await writeFile(join(dir, 'binary.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256)));
    await writeFile(join(dir, 'latin1.yaml'), Buffer.from('name: bad\ndescription: "caf\xe9"\nsteps: []\n', 'latin1'));
    await writeFile(join(dir, 'large.yaml'), `name: large\n# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    const binary = await loadScenarioFile(join(dir, 'binary.yaml'), opts);
    const latin1 = await loadScenarioFile(join(dir, 'latin1.yaml'), opts);
    const large = await loadScenarioFile(join(dir, 'large.yaml'), opts);
    expect([codes(binary), codes(latin1), codes(large)]).toEqual([[['NOT_TEXT', 1]], [['NOT_TEXT', 2]], [['FILE_TOO_LARGE', 1]]]);
    expect(latin1.problems[0]!.loc.col).toBe(19);
    expect([binary.source, latin1.source, large.source]).toEqual(['', '', '']);
  });

  it('a path given explicitly that holds no scenario is a problem; _ drafts are skipped by base name', async () => {
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await mkdir(join(dir, 'empty'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', '_draft.yaml'), 'name: draft\nsteps: []\n');
    const suite = await loadScenarios([join(dir, 'notes.txt'), join(dir, 'empty'), join(dir, 'sub')], opts);
    expect(suite.problems.map((p) => p.code)).toEqual(['NO_SCENARIOS', 'NO_SCENARIOS', 'NO_SCENARIOS']);
    expect(suite.files).toEqual([]);
  });
});
