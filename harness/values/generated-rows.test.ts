import { describe, expect, it } from 'vitest';
import { parseType } from './canonical-type.ts';
import { generatedCount, generatedRows, generatedValue } from './generated-rows.ts';
import { normalizeExpected } from './normalize-value.ts';

describe('generated rows', () => {
  const columns = ['INT', 'BIGINT', 'STRING', 'DECIMAL(10,2)', 'DOUBLE', 'DATE', 'TIMESTAMP(3)', 'BOOLEAN', 'TINYINT'].map((t, i) => ({
    name: `c${i}`,
    type: parseType(t),
  }));

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

describe('wide generated values', () => {
  it('are exactly width characters (STRING) or bytes (binary), and differ by row and column', () => {
    const s = generatedValue(7, 'payload', { kind: 'string' }, 1_048_576) as string;
    expect(s.length).toBe(1_048_576);
    expect(s.startsWith('payload-7-payload-7-')).toBe(true);
    const b = generatedValue(7, 'blob', { kind: 'binary' }, 1_000) as string;
    expect(b).toMatch(/^0x[0-9a-f]{2000}$/);
    expect(generatedValue(8, 'blob', { kind: 'binary' }, 1_000)).not.toBe(b);
    expect(generatedValue(7, 'payload', { kind: 'string' }, 5)).toBe('paylo');
    // Without a width, strings stay short and binary columns have no generated values.
    expect(generatedValue(7, 'payload', { kind: 'string' })).toBe('payload-7');
    expect(() => generatedValue(7, 'blob', { kind: 'binary' })).toThrow(/no generated values for binary/);
  });
});
