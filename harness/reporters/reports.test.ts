import { describe, expect, it } from 'vitest';
import { planCells } from '../cli/index.ts';
import { engineStatus, renderHtmlMatrix } from './html-matrix-reporter.ts';
import { renderJUnit } from './junit-reporter.ts';
import { mergeRawResults, readRawResults } from '../verdicts/index.ts';
import { renderSummary } from './summary-reporter.ts';

const current = () => readRawResults('test/fixtures/reports/current-raw-results.json');

describe('version matrix cells', () => {
  it('plans one cell per version, writer>reader pairs with --cross, and the catalog axis', () => {
    expect(planCells(undefined, undefined)).toEqual([{ paimon: undefined }]);
    expect(planCells('1.3.1,1.4.2', 'all')).toEqual([
      { paimon: '1.3.1' },
      { paimon: '1.4.2' },
      { paimon: '1.4.2', writer: '1.3.1' },
      { paimon: '1.3.1', writer: '1.4.2' },
    ]);
    expect(planCells('all', undefined).map((c) => c.paimon)).toEqual(['2.0.0', '2.0.0+pypaimon-2.1.0', '1.4.2', '1.3.1', '1.2.0', '1.1.1']);
    // Named pairs alone: only those cells run.
    expect(planCells(undefined, '1.1.1>2.0.0, 2.0.0>1.4.2')).toEqual([
      { paimon: '2.0.0', writer: '1.1.1' },
      { paimon: '1.4.2', writer: '2.0.0' },
    ]);
    expect(planCells(undefined, 'all')).toHaveLength(6 * 5);
    expect(planCells('1.3.1', undefined, '2.0.0')).toEqual([{ paimon: '1.3.1', catalogRelease: '2.0.0' }]);
    expect(() => planCells('9.9.9', undefined)).toThrow(/--paimon: Paimon 9\.9\.9 is not in the version table/);
    expect(() => planCells('1.4.2', 'all')).toThrow(/--cross all needs two or more/);
    expect(() => planCells(undefined, '1.4.2-2.0.0')).toThrow(/writer>reader pairs/);
    expect(() => planCells(undefined, '1.4.2>1.4.2')).toThrow(/the same version/);
    expect(() => planCells(undefined, '1.4.2>9.0.0')).toThrow(/--cross: Paimon 9\.0\.0/);
    expect(() => planCells(undefined, undefined, '0.1')).toThrow(/--catalog-paimon/);
  });
});

describe('reports rendered from raw results', () => {
  it('merges shards into one sorted file; a later result for a cell wins', async () => {
    const raw = await current();
    const shardA = { ...raw, scenarios: raw.scenarios.slice(0, 2) };
    const shardB = {
      ...raw,
      scenarios: raw.scenarios.slice(2),
      cells: [...raw.cells, { ...raw.cells[0]!, id: 'local/paimon-1.3.1', paimon: '1.3.1' }],
    };
    const merged = mergeRawResults([shardB, shardA]);
    expect(merged.scenarios.map((s) => s.name)).toEqual(raw.scenarios.map((s) => s.name));
    expect(merged.cells.map((c) => c.id)).toEqual(['local/paimon-1.3.1', 'local/paimon-1.4.2']);
  });

  it('writes JUnit XML with one suite per cell, failures with their diff', async () => {
    const xml = renderJUnit(await current());
    expect(xml).toContain('<testsuites name="paimon-interop');
    expect(xml).toMatch(/<testsuite name="local\/paimon-1.4.2" tests="5" failures="2" errors="0" skipped="0"/);
    // One <failure> per failed scenario, inside that scenario's testcase, carrying its whole failure text.
    const raw = await current();
    const failed = raw.scenarios.filter((s) => s.status === 'fail');
    expect(xml.match(/<failure /g)).toHaveLength(failed.length);
    for (const s of failed) {
      const esc = s.failure!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(xml).toContain(
        `name="${s.id.slice(s.id.indexOf('#') + 1)}" time="${(s.durationMs / 1000).toFixed(3)}">\n      <failure message="${esc.split('\n')[0]}">${esc}</failure>`,
      );
    }
  });

  it('renders engine statuses and a Markdown summary', async () => {
    const raw = await current();
    const s = raw.scenarios.find((x) => x.name === 'r-regressed')!;
    expect(engineStatus(s, 'pypaimon')).toBe('fail');
    expect(engineStatus(s, 'spark')).toBe('none');
    expect(renderHtmlMatrix(raw)).toContain('data-engine="pypaimon"');
    const md = renderSummary(raw);
    expect(md).toContain('**3 passed, 0 passed with known deviations, 2 failed, 0 errors, 0 skipped** of 5 scenario runs in 1 cell(s).');
    expect(md).toContain('### test/fixtures/reports/scenarios/r-regressed.yaml#r-regressed (local/paimon-1.4.2)');
  });
});

describe('summary.md for CI job summaries', () => {
  it('groups known deviations by entry (layer, engines, cells, counts, upstream) and skips by reason, never repeating a reason per step', async () => {
    const raw = await current();
    const template = raw.scenarios.find((x) => x.status === 'pass')!;
    const known = (id: string, upstream?: string) => ({
      engine: 'pypaimon',
      status: 'known' as const,
      durationMs: 1,
      failures: [],
      known: { id, reason: `the long reason of ${id} `.repeat(20), layer: 'reader', ...(upstream ? { upstream } : {}) },
    });
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...template,
      id: `${template.id}-${i}`,
      status: i % 10 === 9 ? ('skip' as const) : ('known' as const),
      reason: i % 10 === 9 ? `requires spark: no connector here` : undefined,
      steps:
        i % 10 === 9
          ? []
          : [
              {
                ...template.steps[0]!,
                status: 'known' as const,
                engines: [
                  known(i % 2 ? 'odd-entry' : 'even-entry', i % 2 ? 'https://github.com/apache/paimon/issues/4242' : 'none found'),
                  known('odd-entry'),
                ],
              },
            ],
    }));
    const md = renderSummary({ ...raw, scenarios: many });
    expect(md).toContain('| even-entry | reader | pypaimon | local/paimon-1.4.2 | 60 | 60 | none found |');
    expect(md).toContain(
      '| odd-entry | reader | pypaimon | local/paimon-1.4.2 | 108 | 156 | [apache/paimon#4242](https://github.com/apache/paimon/issues/4242) |',
    );
    expect(md).not.toContain('the long reason');
    expect(md).toMatch(/\| requires spark: no connector here \| 12 \| `[^`]+`, `[^`]+` \|/);
    expect(md.length).toBeLessThan(6_000);
  });

  it('shows new failures against the baseline first with their diffs, and cuts a long one', async () => {
    const raw = await current();
    const failing = raw.scenarios.filter((s) => s.status === 'fail');
    const long = { ...failing[0]!, failure: `${failing[0]!.failure}\n${'+ a row\n'.repeat(1000)}` };
    const md = renderSummary(
      { ...raw, scenarios: raw.scenarios.map((s) => (s === failing[0] ? long : s)) },
      {
        newlyFailing: [`${long.cell} | ${long.id}`],
        newlyPassing: [],
        stillFailing: [`${failing[1]!.cell} | ${failing[1]!.id}`],
        added: [],
        removed: [],
      },
    );
    expect(md.indexOf('### Newly failing')).toBeLessThan(md.indexOf('## Still failing'));
    expect(md).toMatch(/… \(\d+ characters in all: matrix\.html and raw-results\.json have the rest\)/);
  });
});
