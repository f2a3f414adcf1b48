import { describe, expect, it } from 'vitest';
import { parseType } from './canonical-type.ts';
import { generatedCount, generatedRows, generatedValue } from './generated-rows.ts';
import { normalizeExpected } from './normalize-value.ts';

describe('generated rows', () => {
  const columns = ['INT', 'BIGINT', 'STRING', 'DECIMAL(10,2)', 'DOUBLE', 'DATE', 'TIMESTAMP(3)', 'BOOLEAN', 'TINYINT'].map((t, i) => ({ name: `c${i}`, type: parseType(t) }));

  it('are a pure function of row number, column name and type', () => {
    expect(generatedRows({ from: 5, to: 6 }, columns)).toEqual(generatedRows({ from: 5, to: 6 }, columns));
    expect(generatedValue(3, 'a', parseType('INT'))).not.toEqual(generatedValue(3, 'b', parseType('INT')));
  });

  it('hold exactly in their column type (the expectation parser accepts every value)', () => {
    for (const row of generatedRows({ from: 1, to: 2000 }, columns)) {
      row.forEach((v, i) => expect(() => normalizeExpected(v, columns[i]!.type)).not.toThrow());
    }
  });

  it('ranges are checked', () => {
    expect(generatedCount({ from: 1, to: 100_000 })).toBe(100_000);
    expect(generatedCount({ from: 0, to: 3 })).toMatch(/from >= 1/);
    expect(generatedCount({ from: 1, to: 99_999_999 })).toMatch(/at most/);
  });
});
