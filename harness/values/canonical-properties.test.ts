import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseType, type CanonicalType } from './canonical-type.ts';
import type { CanonicalResult } from './canonical-value.ts';
import { compareAgreement, compareRows, rowKey } from './compare-results.ts';
import { normalizeExpected, normalizeValue, numberText } from './normalize-value.ts';
import { compareCanonical, orderRows } from './order-rows.ts';

/**
 * Properties of the oracle: every raw representation engines use for one value of a type
 * normalizes to one canonical value, and different values (or types) never compare equal.
 */
const same = (raws: unknown[], type: CanonicalType) => new Set(raws.map((r) => JSON.stringify(normalizeValue(r, type)))).size === 1;
const one = (raw: unknown, type: CanonicalType) => JSON.stringify(normalizeValue(raw, type));

const RANGES = { tinyint: 7n, smallint: 15n, int: 31n, bigint: 63n } as const;

describe('integers', () => {
  for (const [kind, bits] of Object.entries(RANGES)) {
    const value = fc.bigInt({ min: -(2n ** bits), max: 2n ** bits - 1n });
    const type = parseType(kind);
    it(`${kind}: a JSON number, text and bigint of one value are one canonical value`, () => {
      fc.assert(
        fc.property(value, (v) =>
          same([String(v), v, ...(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? [Number(v)] : [])], type),
        ),
      );
    });
    it(`${kind}: different values never compare equal`, () => {
      fc.assert(fc.property(value, value, (a, b) => a === b || one(String(a), type) !== one(String(b), type)));
    });
  }
  it('refuses a JSON number that already lost digits and a value out of range', () => {
    expect(() => normalizeValue(9007199254740993, parseType('bigint'))).toThrow(/exact integer/);
    expect(() => normalizeValue(128, parseType('tinyint'))).toThrow(/out of the range/);
  });
});

describe('decimals', () => {
  const decimal = fc
    .integer({ min: 1, max: 38 })
    .chain((precision) =>
      fc.tuple(
        fc.constant(precision),
        fc.integer({ min: 0, max: precision }),
        fc.bigInt({ min: -(10n ** BigInt(precision)) + 1n, max: 10n ** BigInt(precision) - 1n }),
      ),
    );
  const text = (unscaled: bigint, scale: number) => {
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
    const body = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
    return `${unscaled < 0n ? '-' : ''}${body}`;
  };
  it('plain text, padded text, leading zeros and an exact JSON number are one value', () => {
    fc.assert(
      fc.property(decimal, ([p, s, u]) => {
        const t = text(u, s);
        const raws: unknown[] = [t, `${t}${s ? '' : '.'}000`, t.replace(/^(-?)/, '$100')];
        const n = Number(t);
        // Only a number whose own spelling is exactly t's value (n * 10^s would round again and hide a lost digit).
        const trimmed = (x: string) => (x.includes('.') ? x.replace(/\.?0+$/, '') : x).replace(/^-0$/, '0');
        if (Number.isFinite(n) && String(n) !== t && trimmed(numberText(n)) === trimmed(t)) raws.push(n);
        return same(raws, { kind: 'decimal', precision: p, scale: s });
      }),
    );
  });
  it('different values never compare equal', () => {
    fc.assert(
      fc.property(decimal, fc.bigInt({ min: 1n, max: 10n ** 10n }), ([p, s, u], d) => {
        const max = 10n ** BigInt(p) - 1n;
        const other = u + d <= max ? u + d : u - d >= -max ? u - d : u > 0n ? u - 1n : u + 1n;
        return (
          one(text(u, s), { kind: 'decimal', precision: p, scale: s }) !== one(text(other, s), { kind: 'decimal', precision: p, scale: s })
        );
      }),
    );
  });
  it('never rounds: a value with more digits than the type holds is refused', () => {
    expect(() => normalizeExpected(1.999, parseType('decimal(10,2)'))).toThrow(/more fractional digits/);
    expect(() => normalizeExpected(0.125, parseType('decimal(10,2)'))).toThrow(/more fractional digits/);
    expect(() => normalizeExpected('123.4', parseType('decimal(3,1)'))).toThrow(/more integer digits/);
    expect(normalizeExpected(0.125, parseType('decimal(10,3)'))).toBe('0.125');
    expect(normalizeExpected('9007199254740993', parseType('decimal(20,0)'))).toBe('9007199254740993');
  });
});

describe('timestamps', () => {
  const MIN = Date.UTC(1900, 0, 1) * 1e6;
  const MAX = Date.UTC(9999, 11, 31) * 1e6;
  const fmt = (nanos: bigint, digits: number, sep = ' ') => {
    const second = 1_000_000_000n;
    const seconds = nanos >= 0n ? nanos / second : -((-nanos + second - 1n) / second);
    const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', sep);
    const frac = (nanos - seconds * second).toString().padStart(9, '0');
    return digits ? `${iso}.${frac.slice(0, digits)}` : iso;
  };
  const instant = fc.integer({ min: 0, max: 9 }).chain((p) => {
    const unit = 10n ** BigInt(9 - (p === 0 ? 0 : p <= 3 ? 3 : p <= 6 ? 6 : 9));
    return fc.tuple(
      fc.constant(p),
      fc.bigInt({ min: BigInt(MIN), max: BigInt(MAX) }).map((n) => (n / unit) * unit),
    );
  });
  it('nanosecond text, ISO text and text in the unit of the precision are one value', () => {
    fc.assert(
      fc.property(instant, ([p, n]) => {
        const unitDigits = p === 0 ? 0 : p <= 3 ? 3 : p <= 6 ? 6 : 9;
        return same([fmt(n, 9), fmt(n, 9, 'T'), fmt(n, unitDigits)], { kind: 'timestamp', precision: p });
      }),
    );
  });
  it('different instants never compare equal', () => {
    fc.assert(
      fc.property(
        instant,
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        ([p, n], d) => one(fmt(n, 9), { kind: 'timestamp', precision: p }) !== one(fmt(n + d, 9), { kind: 'timestamp', precision: p }),
      ),
    );
  });
});

describe('floats', () => {
  /** The shortest decimal text that reads back as the same float32, as Java's Float.toString. */
  const floatText = (f: number) => {
    if (Object.is(f, -0)) return '-0.0';
    for (let d = 1; d <= 9; d++) if (Math.fround(Number(f.toPrecision(d))) === f) return f.toPrecision(d);
    return String(f);
  };
  it('FLOAT compares at float32: 0.1 and 0.10000000149011612 are one FLOAT, not one DOUBLE', () => {
    expect(normalizeValue(0.1, parseType('float'))).toBe(normalizeValue(0.10000000149011612, parseType('float')));
    expect(normalizeValue(0.1, parseType('double'))).not.toBe(normalizeValue(0.10000000149011612, parseType('double')));
  });
  it('a float32, its widened double and its shortest text are one FLOAT', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (f) => same([f, Math.fround(f), floatText(f)], parseType('float'))),
    );
  });
  it('different float32 values never compare equal; -0 is not 0', () => {
    fc.assert(
      fc.property(
        fc.float(),
        fc.float(),
        (a, b) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || one(a, parseType('float')) !== one(b, parseType('float')),
      ),
    );
  });
});

describe('booleans', () => {
  it('true, 1, "1" and "true" are one value; so are the false ones; the two never meet', () => {
    const t = parseType('boolean');
    expect(same([true, 1, '1', 'true'], t) && same([false, 0, '0', 'false'], t)).toBe(true);
    expect(one(true, t)).not.toBe(one(false, t));
  });
});

describe('typed comparison', () => {
  const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.string(), fc.integer().map(String));
  it('values of different type families never share a row key', () => {
    fc.assert(fc.property(scalar, (v) => rowKey([v], [parseType('string')]) !== rowKey([v], [parseType('boolean')])));
  });
  it("NULL and the string 'NULL', true and 'true' differ", () => {
    const str: CanonicalResult = { columns: [{ name: 'c', type: parseType('string') }], rows: [[null]] };
    expect(compareRows([['NULL']], str, false).equal).toBe(false);
    const asString: CanonicalResult = { columns: [{ name: 'c', type: parseType('string') }], rows: [['true']] };
    const asBool: CanonicalResult = { columns: [{ name: 'c', type: parseType('boolean') }], rows: [[true]] };
    expect(compareAgreement('a', asString, 'b', asBool, false).equal).toBe(false);
  });
  const table = fc.array(fc.tuple(fc.option(fc.integer(), { nil: null }), fc.option(fc.string(), { nil: null })), { maxLength: 12 });
  const result = (rows: [number | null, string | null][]): CanonicalResult => ({
    columns: [
      { name: 'id', type: parseType('int') },
      { name: 's', type: parseType('string') },
    ],
    rows: rows.map(([a, b]) => [a === null ? null : String(a), b]),
  });
  it('a result agrees with any reordering of itself, unordered', () => {
    fc.assert(
      fc.property(table, fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort(() => (seed % 3) - 1);
        return compareAgreement('a', result(rows), 'b', result(shuffled), false).equal;
      }),
    );
  });
  it('changing one cell always breaks agreement', () => {
    fc.assert(
      fc.property(
        table.filter((r) => r.length > 0),
        fc.nat(),
        fc.string(),
        (rows, at, s) => {
          const i = at % rows.length;
          const changed = rows.map((r, j) => (j === i ? ([r[0], r[1] === s ? `${s}x` : s] as [number | null, string]) : r));
          return !compareAgreement('a', result(rows), 'b', result(changed), false).equal;
        },
      ),
    );
  });
});

describe('ordering on canonical values', () => {
  it('orders integers and decimals by value (10.00 after 9.00), NULLs first, stably', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), { nil: null })), (values) => {
        const res: CanonicalResult = {
          columns: [{ name: 'd', type: parseType('decimal(38,2)') }],
          rows: values.map((v) => [v === null ? null : normalizeValue(`${v}.00`, parseType('decimal(38,2)'))]),
        };
        const out = orderRows(res, ['d']).rows.map((r) => r[0]);
        const expected = [...values]
          .sort((a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : a < b ? -1 : a > b ? 1 : 0))
          .map((v) => (v === null ? null : `${v}.00`));
        return JSON.stringify(out) === JSON.stringify(expected);
      }),
    );
  });
  it('orders strings by UTF-8 bytes and refuses an unknown column', () => {
    expect(compareCanonical('\uFF61', '\u{1F600}', parseType('string'))).toBeLessThan(0);
    expect(() => orderRows({ columns: [], rows: [] }, ['x'])).toThrow(/no such column/);
  });
});
