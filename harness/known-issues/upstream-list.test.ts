import { describe, expect, it } from 'vitest';
import { loadKnownIssues } from './load-known-issues.ts';
import { findingsWithoutUpstream, UPSTREAM_LAYERS } from './upstream-list.ts';

describe('findings without an upstream report', () => {
  it('lists searched-and-none-found entries and unsearched ones of the upstream layers, not engine casts or reported ones', () => {
    const list = findingsWithoutUpstream([
      { id: 'b-none', engine: 'flink', layer: 'reader', reason: 'r', upstream: 'none found (searched 2026-12-05)' },
      { id: 'a-open', engine: ['pypaimon', 'flink'], layer: 'writer', reason: 'r' },
      { id: 'c-reported', engine: 'flink', layer: 'reader', reason: 'r', upstream: 'https://github.com/apache/paimon/issues/1' },
      { id: 'd-cast', engine: 'flink', layer: 'engine-cast', reason: 'r' },
    ]);
    expect(list).toContain('1 entries have no upstream report');
    expect(list).toContain('- `b-none` (reader, flink): none found (searched 2026-12-05)');
    expect(list).toContain('Not searched yet:\n\n- `a-open` (writer, pypaimon, flink)');
    expect(list).not.toMatch(/c-reported|d-cast/);
  });

  it('every entry of known-issues.yaml that is an upstream defect says where it was reported, or that a search found none', async () => {
    const { issues } = await loadKnownIssues('known-issues.yaml');
    const unsearched = issues.filter((i) => UPSTREAM_LAYERS.includes(i.layer) && !i.upstream).map((i) => i.id);
    expect(unsearched, 'add upstream: <issue or PR URL> or upstream: none found (searched YYYY-MM-DD)').toEqual([]);
  });
});
