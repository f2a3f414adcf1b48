import { describe, expect, it } from 'vitest';
import { parseType } from './canonical-type.ts';
import type { CanonicalResult } from './canonical-value.ts';
import { compareAgreement, compareCount, compareRows, compareTypes } from './compare-results.ts';
import { diffLines } from './render-diff.ts';

const result = (rows: CanonicalResult['rows']): CanonicalResult => ({
  columns: [
    { name: 'id', type: parseType('INT') },
    { name: 'name', type: parseType('STRING') },
    { name: 'clk', type: parseType('BOOLEAN') },
  ],
  rows,
});

describe('compareRows', () => {
  const actual = result([
    ['2', 'b', false],
    ['1', 'a', true],
  ]);

  it('treats rows as a multiset unless ordered', () => {
    expect(
      compareRows(
        [
          [1, 'a', true],
          [2, 'b', false],
        ],
        actual,
        false,
      ).equal,
    ).toBe(true);
    expect(
      compareRows(
        [
          [1, 'a', true],
          [2, 'b', false],
        ],
        actual,
        true,
      ).equal,
    ).toBe(false);
  });

  it('renders a -expected/+actual diff with the column header', () => {
    const cmp = compareRows(
      [
        [1, 'a', true],
        [2, 'B', false],
      ],
      actual,
      false,
    );
    expect(cmp.equal).toBe(false);
    expect(cmp.diff).toEqual(['  # id | name | clk', '  1 | a | true', '- 2 | B | false', '+ 2 | b | false']);
  });

  it('does not confuse NULL with the empty string, or a boolean with 1', () => {
    expect(compareRows([[1, '', true]], result([['1', null, true]]), false).equal).toBe(false);
    const boolAsInt = compareRows([[1, 'a', 1]], result([['1', 'a', true]]), false);
    expect(boolAsInt).toMatchObject({ equal: false, aspect: 'expected rows' });
    expect(compareRows([[1, 'NULL', true]], result([['1', null, true]]), false).diff).toEqual([
      '  # id | name | clk',
      '- 1 | "NULL" | true',
      '+ 1 | NULL | true',
    ]);
  });
});

describe('other comparisons', () => {
  it('compares canonical types regardless of spelling', () => {
    expect(compareTypes(['int', 'string', 'boolean'], result([])).equal).toBe(true);
    expect(compareTypes(['INT', 'String', 'int'], result([])).diff).toContain('- int');
  });

  it('compares counts', () => {
    expect(compareCount(2, result([['1', 'a', true]])).diff).toEqual(['- 2', '+ 1']);
  });

  it('finds disagreement between engines and names both', () => {
    const cmp = compareAgreement('spark', result([['1', 'a', true]]), 'doris', result([['1', 'a', false]]), false);
    expect(cmp.aspect).toBe('agree spark~doris');
    expect(cmp.diff).toEqual(['- 1 | a | true', '+ 1 | a | false']);
    expect(compareAgreement('a', result([]), 'b', { columns: [], rows: [] }, false).equal).toBe(false);
  });
});

describe('diffLines', () => {
  it('keeps common lines and marks the rest', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual(['  a', '- b', '  c', '+ d']);
  });
});

describe('agreement on timestamps of different precisions', () => {
  const at = (precision: number, v: string) => ({
    columns: [{ name: 'ts', type: { kind: 'timestamp' as const, precision } }],
    rows: [[v]],
  });
  it('takes a millisecond and a microsecond reading of one value as the same value', () => {
    expect(
      compareAgreement('paimon-java', at(3, '1970-01-01 00:00:00.000'), 'spark', at(6, '1970-01-01 00:00:00.000000'), false).equal,
    ).toBe(true);
    expect(
      compareAgreement('paimon-java', at(3, '2024-05-01 12:34:56.120'), 'spark', at(6, '2024-05-01 12:34:56.120000'), false).equal,
    ).toBe(true);
  });
  it('still tells values apart by any non-zero digit, and strings are not timestamps', () => {
    expect(compareAgreement('a', at(3, '2024-05-01 12:34:56.123'), 'b', at(6, '2024-05-01 12:34:56.123456'), false).equal).toBe(false);
    const str = (v: string) => ({ columns: [{ name: 's', type: { kind: 'string' as const } }], rows: [[v]] });
    expect(compareAgreement('a', str('12.50'), 'b', str('12.5'), false).equal).toBe(false);
  });
});
