import { describe, expect, it } from 'vitest';
import { parseType } from './canonical-type.ts';
import { compareAgreement } from './compare-results.ts';
import { multisetDifference, REPORTED_ROWS, reportedResult, rowsDigest } from './rows-digest.ts';

const item = (k: string) => ({ key: k, text: k });

describe('rows digest', () => {
  it('does not depend on order, and does on duplicates', () => {
    expect(rowsDigest(['a', 'b', 'b'])).toBe(rowsDigest(['b', 'a', 'b']));
    expect(rowsDigest(['a', 'b'])).not.toBe(rowsDigest(['a', 'b', 'b']));
  });

  it('finds what each side has alone, counting duplicates', () => {
    expect(multisetDifference(['a', 'b', 'b', 'c'].map(item), ['b', 'c', 'd'].map(item), 10)).toEqual({
      missing: [item('a'), item('b')],
      extra: [item('d')],
    });
  });

  it('large disagreements are shown as counts, digests and the first differing rows, not a line diff', () => {
    const columns = [{ name: 'id', type: parseType('INT') }];
    const a = { columns, rows: Array.from({ length: 5000 }, (_, i) => [String(i)]) };
    const b = { columns, rows: [...a.rows.slice(1), ['99999']] };
    const cmp = compareAgreement('x', a, 'y', b, false);
    expect(cmp.equal).toBe(false);
    expect(cmp.diff[0]).toMatch(/^- 5000 rows, digest [0-9a-f]{16}$/);
    expect(cmp.diff[1]).toMatch(/^\+ 5000 rows, digest [0-9a-f]{16}$/);
    expect(cmp.diff.slice(2)).toEqual(['- 0', '+ 99999']);
  });
});

describe('reported results', () => {
  it('keep the first rows with the count, and show long values by start, length and digest', () => {
    const big = 'x'.repeat(1_048_576);
    const kept = reportedResult({
      columns: [],
      rows: [
        [1, big],
        [2, 'short'],
      ],
    });
    expect(kept.valuesCut).toBe(true);
    expect(kept.rows[0]![1]).toMatch(/^x{40}… \(1048576 characters, sha256 [0-9a-f]{12}\)$/);
    expect(kept.rows[1]).toEqual([2, 'short']);
    const many = reportedResult({ columns: [], rows: Array.from({ length: REPORTED_ROWS + 5 }, (_, i) => [i]) });
    expect([many.rows.length, many.rowCount, many.valuesCut]).toEqual([REPORTED_ROWS, REPORTED_ROWS + 5, undefined]);
  });
});
