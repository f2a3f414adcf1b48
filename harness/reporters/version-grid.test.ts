import { describe, expect, it } from 'vitest';
import type { CellScenarioResult, RawResults, RunCell, Status } from '../verdicts/index.ts';
import { renderHtmlMatrix } from './html-matrix-reporter.ts';
import { newlyBrokenPairs, versionGrid } from './version-grid.ts';

const cell = (paimon: string, writer?: string): RunCell => ({
  id: `local/paimon-${writer ? `${writer}>` : ''}${paimon}`,
  environment: 'local',
  paimon,
  writer,
  versions: {},
  catalog: 'c',
  unavailable: {},
  logs: {},
});
const result = (c: RunCell, id: string, status: Status): CellScenarioResult => ({
  id,
  name: id,
  file: 'f.yaml',
  loc: { file: 'f.yaml', line: 1, col: 1 },
  params: {},
  tags: [],
  status,
  cell: c.id,
  database: 'd',
  durationMs: 1,
  steps: [],
});

describe('version grid', () => {
  const plain = cell('2.0.0');
  const up = cell('2.0.0', '1.1.1');
  const down = cell('1.4.2', '2.0.0');
  const raw: RawResults = {
    format: 'paimon-interop/raw-results@2',
    runId: 'r',
    startedAt: 'a',
    finishedAt: 'b',
    cells: [plain, up, down],
    scenarios: [
      result(plain, 'a', 'pass'),
      result(up, 'a', 'pass'),
      result(up, 'b', 'known'),
      result(down, 'a', 'fail'),
      result(down, 'b', 'pass'),
    ],
  };

  it('puts writers down and readers across, the plain cell on the diagonal, each with its worst status and counts', () => {
    const g = versionGrid(raw);
    expect(g.writers).toEqual(['2.0.0', '1.1.1']);
    expect(g.readers).toEqual(['2.0.0', '1.4.2']);
    expect(g.squares.find((s) => s.writer === '1.1.1' && s.reader === '2.0.0')).toMatchObject({
      cell: 'local/paimon-1.1.1>2.0.0',
      status: 'known',
      counts: { pass: 1, known: 1 },
    });
    expect(g.squares.find((s) => s.writer === '2.0.0' && s.reader === '1.4.2')).toMatchObject({ status: 'fail' });
    expect(g.squares.find((s) => s.writer === '2.0.0' && s.reader === '2.0.0')).toMatchObject({
      cell: 'local/paimon-2.0.0',
      status: 'pass',
    });
    expect(versionGrid({ ...raw, cells: [plain] }).squares).toEqual([]);
  });

  it('names newly broken pairs, and the HTML shows the grid with links to each cell and the pair marked', () => {
    expect(newlyBrokenPairs(raw, ['local/paimon-2.0.0>1.4.2 | a', 'local/paimon-2.0.0 | b'])).toEqual(['2.0.0>1.4.2']);
    const page = renderHtmlMatrix(raw, {
      newlyFailing: ['local/paimon-2.0.0>1.4.2 | a'],
      newlyPassing: [],
      stillFailing: [],
      added: [],
      removed: [],
    });
    expect(page).toContain('<table id="version-grid">');
    expect(page).toMatch(
      /<td class="fail new" data-writer="2\.0\.0" data-reader="1\.4\.2"><a href="#cell-local-paimon-2\.0\.0-1\.4\.2">1 passed, 1 failed<\/a><\/td>/,
    );
    expect(page).toContain('id="cell-local-paimon-2.0.0-1.4.2"');
    expect(page).toContain('<td class="none">–</td>');
  });
});
