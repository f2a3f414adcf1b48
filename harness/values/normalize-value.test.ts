import { describe, expect, it } from 'vitest';
import { formatType, parseType } from './canonical-type.ts';
import { normalizeExpected, normalizeValue } from './normalize-value.ts';

const t = parseType;

describe('parseType', () => {
  it.each([
    ['INT', 'int'],
    ['BIGINT NOT NULL', 'bigint'],
    ['DECIMAL(10, 2)', 'decimal(10,2)'],
    ['decimal(38,18)', 'decimal(38,18)'],
    ['TIMESTAMP(9)', 'timestamp(9)'],
    ['TIMESTAMP(3) WITH LOCAL TIME ZONE', 'timestamp_ltz(3)'],
    ['TIMESTAMP_LTZ(6)', 'timestamp_ltz(6)'],
    ['timestamp_ntz', 'timestamp(6)'],
    // A bare TIMESTAMP is Paimon's TIMESTAMP(6); Spark's is session-zoned (engines/spark/spark-types.ts).
    ['timestamp', 'timestamp(6)'],
    ['TIMESTAMP', 'timestamp(6)'],
    ['DATETIMEV2(6)', 'timestamp(6)'],
    ['VARCHAR(20)', 'string'],
    ['STRING', 'string'],
    ['BOOLEAN', 'boolean'],
    ['array<int>', 'array<int>'],
    ['map<string,bigint>', 'map<string,bigint>'],
    ['struct<a:int,b:string>', 'row<a:int,b:string>'],
    ['GEOMETRY', 'unknown'],
    // arrow, as pyarrow prints it (paimon-rust's DataFusion results)
    ['timestamp[ns]', 'timestamp(9)'],
    ['timestamp[ms, tz=UTC]', 'timestamp_ltz(3)'],
    ['timestamp[s]', 'timestamp(0)'],
    ['decimal128(38, 18)', 'decimal(38,18)'],
    ['date32[day]', 'date'],
    ['list<element: int32>', 'array<int>'],
    ['map<string, int32>', 'map<string,int>'],
    ['struct<x: int32, y: string>', 'row<x:int,y:string>'],
    ['int8', 'tinyint'],
    ['uint64', 'bigint'],
  ])('%s -> %s', (raw, canonical) => {
    expect(formatType(t(raw))).toBe(canonical);
  });
});

describe('normalizeValue', () => {
  it('reads MySQL-protocol 1/0 and Spark true/false as the same boolean', () => {
    expect([normalizeValue(1, t('boolean')), normalizeValue(true, t('boolean')), normalizeValue('0', t('boolean'))]).toEqual([
      true,
      true,
      false,
    ]);
    expect(() => normalizeValue('yes', t('boolean'))).toThrow(/not a boolean/);
  });

  it('keeps integers exact beyond 2^53', () => {
    expect(normalizeValue('9007199254740993', t('bigint'))).toBe('9007199254740993');
    expect(normalizeValue(42, t('int'))).toBe('42');
  });

  it('keeps decimal scale and never rounds', () => {
    expect(normalizeValue('1.5', t('decimal(10,2)'))).toBe('1.50');
    expect(normalizeValue('0012.345', t('decimal(10,3)'))).toBe('12.345');
    expect(normalizeValue('-0.1', t('decimal(5,1)'))).toBe('-0.1');
    expect(normalizeValue('1.500', t('decimal(10,2)'))).toBe('1.50');
    expect(() => normalizeValue('1.999', t('decimal(10,2)'))).toThrow(/more fractional digits/);
  });

  it('reads scientific notation (Java BigDecimal.toString) digit for digit, still never rounding', () => {
    const d = (p: number, sc: number) => ({ kind: 'decimal' as const, precision: p, scale: sc });
    expect(normalizeValue('-1E-18', d(38, 18))).toBe('-0.000000000000000001');
    expect(normalizeValue('1.5E+3', d(10, 2))).toBe('1500.00');
    expect(() => normalizeValue('1E-19', d(38, 18))).toThrow(/more fractional digits/);
  });

  it('writes timestamp fractions in the unit of the precision, never dropping nonzero digits', () => {
    expect(normalizeValue('2024-05-01 12:34:56.123000000', t('TIMESTAMP(3)'))).toBe('2024-05-01 12:34:56.123');
    expect(normalizeValue('2024-05-01 12:34:56.123', t('TIMESTAMP(6)'))).toBe('2024-05-01 12:34:56.123000');
    expect(normalizeValue('2024-05-01 12:34:56.1234', t('TIMESTAMP(3)'))).toBe('2024-05-01 12:34:56.1234');
    expect(normalizeValue('2024-05-01 12:34:56.000000000', t('TIMESTAMP(0)'))).toBe('2024-05-01 12:34:56');
  });

  it('keeps the fractional digits of timestamps exactly as delivered', () => {
    expect(normalizeValue('2024-05-01T12:34:56.123456789', t('TIMESTAMP(9)'))).toBe('2024-05-01 12:34:56.123456789');
    expect(normalizeValue('2024-05-01 12:34:56.123000', t('TIMESTAMP(6)'))).toBe('2024-05-01 12:34:56.123000');
    expect(normalizeValue('2024-05-01 12:34:56', t('TIMESTAMP(0)'))).toBe('2024-05-01 12:34:56');
    expect(() => normalizeValue('yesterday', t('TIMESTAMP(3)'))).toThrow(/not a timestamp/);
  });

  it('reads TIME from every spelling with the column precision, keeping extra delivered digits', () => {
    expect(parseType('TIME(3)')).toEqual({ kind: 'time', precision: 3 });
    expect(parseType('time32[ms]')).toEqual({ kind: 'time', precision: 3 });
    expect(parseType('time64[us]')).toEqual({ kind: 'time', precision: 6 });
    expect(parseType('TIME')).toEqual({ kind: 'time', precision: 0 });
    expect(normalizeValue('12:34:56.789000', parseType('TIME(3)'))).toBe('12:34:56.789');
    expect(normalizeValue('12:34:56', parseType('TIME(3)'))).toBe('12:34:56.000');
    expect(normalizeValue('12:34:56.789', parseType('TIME(0)'))).toBe('12:34:56.789');
    expect(() => normalizeValue('12:34', parseType('TIME(0)'))).toThrow(/not a time/);
  });

  it('keeps NULL distinct from the empty string', () => {
    expect(normalizeValue(null, t('string'))).toBeNull();
    expect(normalizeValue('', t('string'))).toBe('');
  });

  it('normalizes nested values by their element types', () => {
    expect(normalizeValue([1, null], t('array<boolean>'))).toEqual([true, null]);
    expect(normalizeValue({ a: '1.5' }, t('map<string,decimal(3,2)>'))).toEqual({ a: '1.50' });
    expect(normalizeValue({ a: 1, b: 'x' }, t('struct<a:int,b:string>'))).toEqual({ a: '1', b: 'x' });
  });

  it('writes binary as lower-case hex and floats as numbers', () => {
    expect(normalizeValue('0xABCD', t('binary'))).toBe('0xabcd');
    expect(normalizeValue(new Uint8Array([1, 255]), t('binary'))).toBe('0x01ff');
    expect(normalizeValue('NaN', t('double'))).toBe('NaN');
    expect(normalizeValue('1.25', t('float'))).toBe(1.25);
  });
});

describe('normalizeExpected', () => {
  it('reads YAML numbers exactly for integers, decimals and strings; booleans and timestamps strict', () => {
    expect(normalizeExpected(1, t('int'))).toBe('1');
    expect(normalizeExpected(1.5, t('decimal(10,2)'))).toBe('1.50');
    expect(normalizeExpected(1e-7, t('decimal(10,7)'))).toBe('0.0000001');
    expect(normalizeExpected(7, t('string'))).toBe('7');
    expect(normalizeExpected(null, t('string'))).toBeNull();
    expect(() => normalizeExpected(1, t('boolean'))).toThrow(/expected a boolean/);
    expect(() => normalizeExpected(1.5, t('string'))).toThrow(/quote it/);
    expect(() => normalizeExpected(20240501, t('timestamp(3)'))).toThrow(/quoted timestamp/);
    expect(() => normalizeExpected(true, t('int'))).toThrow(/expected a number/);
  });

  it('holds nested values to the same rules, element by element; a map has no order', () => {
    const row = t('row<name string, inner row<d decimal(20,2), tags array<string>>>');
    expect(normalizeExpected({ name: 'a', inner: { d: 1.5, tags: [null, 'x'] } }, row)).toEqual({
      name: 'a',
      inner: { d: '1.50', tags: [null, 'x'] },
    });
    expect(() => normalizeExpected({ name: 'a', extra: 1 }, row)).toThrow(/no field\(s\) extra/);
    expect(() => normalizeExpected([1.5], t('array<string>'))).toThrow(/quote it/);
    expect(() => normalizeExpected({ a: true }, t('map<string, int>'))).toThrow(/expected a number/);
    // YAML gives a map's keys as text; a MAP<INT, …> key is read as its type's value.
    const m = t('map<int, string>');
    expect(JSON.stringify(normalizeExpected({ 2: 'b', 1: 'a' }, m))).toBe(
      JSON.stringify(
        normalizeValue(
          [
            [1, 'a'],
            [2, 'b'],
          ],
          m,
        ),
      ),
    );
    const s = t('map<string, int>');
    expect(
      JSON.stringify(
        normalizeValue(
          [
            ['q', 1],
            ['p', 2],
          ],
          s,
        ),
      ),
    ).toBe(JSON.stringify(normalizeValue({ p: 2, q: 1 }, s)));
  });
});
