import { describe, expect, it } from 'vitest';
import { parseType } from './canonical-type.ts';
import { compareAgreement } from './compare-results.ts';
import { multisetDifference, rowsDigest } from './rows-digest.ts';

const item = (k: string) => ({ key: k, text: k });

describe('rows digest', () => {
  it('does not depend on order, and does on duplicates', () => {
    expect(rowsDigest(['a', 'b', 'b'])).toBe(rowsDigest(['b', 'a', 'b']));
    expect(rowsDigest(['a', 'b'])).not.toBe(rowsDigest(['a', 'b', 'b']));
  });

  it('finds what each side has alone, counting duplicates', () => {
    expect(multisetDifference(['a', 'b', 'b', 'c'].map(item), ['b', 'c', 'd'].map(item), 10)).toEqual({ missing: [item('a'), item('b')], extra: [item('d')] });
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
