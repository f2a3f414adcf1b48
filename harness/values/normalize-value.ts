import { byteOrder } from '../byte-order.ts';
import type { CanonicalType } from './canonical-type.ts';
import type { CanonicalValue } from './canonical-value.ts';

/** Why a raw value could not be read as its column type. */
export class NormalizeError extends Error {
  readonly code = 'NORMALIZE_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'NormalizeError';
  }
}

const INTEGER = /^-?\d+$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]00:?00)?$/;

function toBoolean(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  // MySQL-protocol engines (Doris) send BOOLEAN as TINYINT 1/0.
  if (raw === 1 || raw === '1' || raw === 'true') return true;
  if (raw === 0 || raw === '0' || raw === 'false') return false;
  throw new NormalizeError(`not a boolean: ${JSON.stringify(raw)}`);
}

const INTEGER_RANGE: Record<string, [bigint, bigint]> = {
  tinyint: [-(2n ** 7n), 2n ** 7n - 1n],
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** A JS number as plain decimal text, exactly as its shortest round-trip spelling (no exponent). */
export const numberText = (n: number): string => plainDecimal(String(n));

function toInteger(raw: unknown, kind: string): string {
  let value: bigint;
  if (typeof raw === 'bigint') value = raw;
  // A JSON number beyond 2^53 has already lost digits: engines must send such values as text.
  else if (typeof raw === 'number' && Number.isSafeInteger(raw)) value = BigInt(raw);
  else if (typeof raw === 'string' && INTEGER.test(raw.trim())) value = BigInt(raw.trim());
  else throw new NormalizeError(`not an exact integer: ${JSON.stringify(raw)}`);
  const [min, max] = INTEGER_RANGE[kind] ?? INTEGER_RANGE.bigint!;
  if (value < min || value > max) throw new NormalizeError(`${value} is out of the range of ${kind}`);
  return value.toString();
}

/**
 * Scientific notation as plain decimal text, digit for digit ('-1E-18' -> '-0.000000000000000001';
 * Java's BigDecimal.toString, which Flink's JSON rows use, writes small values so). Other text
 * is returned as it is.
 */
function plainDecimal(text: string): string {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, frac = '', exp] = m as unknown as [string, string, string, string | undefined, string];
  const digits = whole + frac;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Exact decimal text with exactly `scale` fractional digits. Pads and drops trailing zeros;
 * never rounds: a value with more nonzero fractional digits, or more integer digits, than
 * DECIMAL(precision, scale) holds is an error.
 */
function toDecimal(raw: unknown, precision: number, scale: number): string {
  const given = typeof raw === 'number' ? numberText(raw) : typeof raw === 'bigint' ? raw.toString() : String(raw).trim();
  const text = plainDecimal(given);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new NormalizeError(`not a decimal: ${JSON.stringify(raw)}`);
  const [, sign, whole, rawFrac = ''] = m as unknown as [string, string, string, string | undefined];
  const frac = rawFrac.length > scale ? rawFrac.slice(0, scale) + rawFrac.slice(scale).replace(/0+$/, '') : rawFrac;
  if (frac.length > scale) throw new NormalizeError(`${text} has more fractional digits than decimal(${precision},${scale}) holds`);
  const intPart = whole.replace(/^0+(?=\d)/, '') || '0';
  if (intPart !== '0' && intPart.length > precision - scale)
    throw new NormalizeError(`${text} has more integer digits than decimal(${precision},${scale}) holds`);
  const digits = frac.padEnd(scale, '0');
  const negative = sign === '-' && /[1-9]/.test(intPart + digits);
  return `${negative ? '-' : ''}${intPart}${digits.length ? `.${digits}` : ''}`;
}

/** Floats as numbers; FLOAT at float32, so 0.1 and 0.10000000149011612 are the same FLOAT. */
function toFloat(raw: unknown, kind: 'float' | 'double'): number | string {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^[+-]?(nan|inf(inity)?)$/i.test(raw.trim()))
    n = /nan/i.test(raw) ? NaN : raw.trim().startsWith('-') ? -Infinity : Infinity;
  else if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))) n = Number(raw);
  else throw new NormalizeError(`not a float: ${JSON.stringify(raw)}`);
  if (kind === 'float') n = Math.fround(n);
  // Not JSON numbers: NaN, the infinities, and -0 (which JSON would print as 0).
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(n, -0)) return '-0';
  return n;
}

/** Fractional digits a TIMESTAMP(p) value is written with: its storage unit (s, ms, us, ns). */
const timestampDigits = (precision: number) => (precision === 0 ? 0 : precision <= 3 ? 3 : precision <= 6 ? 6 : 9);

/**
 * A timestamp with the fraction written in the unit of its column's precision, so that an
 * engine delivering nanoseconds ('.123000000') and one delivering milliseconds ('.123') agree.
 * Nonzero digits are never dropped: a value finer than its unit keeps them and shows as a
 * difference, which is what precision tests look for.
 */
function toTimestamp(raw: unknown, precision: number): string {
  const m = TIMESTAMP.exec(String(raw).trim());
  if (!m) throw new NormalizeError(`not a timestamp: ${JSON.stringify(raw)}`);
  const digits = (m[3] ?? '').replace(/0+$/, '').padEnd(timestampDigits(precision), '0');
  return `${m[1]} ${m[2]}${digits ? `.${digits}` : ''}`;
}

/**
 * A time of day as `HH:MM:SS[.f…]`: the fraction without trailing zeros, padded to the column's
 * precision (digits an engine delivers beyond it are kept, so they show).
 */
function toTime(raw: unknown, precision: number): string {
  const m = /^(\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?$/.exec(String(raw).trim());
  if (!m) throw new NormalizeError(`not a time: ${JSON.stringify(raw)}`);
  const digits = (m[2] ?? '').replace(/0+$/, '').padEnd(precision, '0');
  return `${m[1]}${digits ? `.${digits}` : ''}`;
}

function toBinary(raw: unknown): string {
  if (raw instanceof Uint8Array) return `0x${Buffer.from(raw).toString('hex')}`;
  if (typeof raw === 'string' && /^0x[0-9a-f]*$/i.test(raw)) return raw.toLowerCase();
  throw new NormalizeError(`not binary: ${JSON.stringify(raw)}`);
}

/**
 * A VARIANT value's canonical form: its JSON text with object keys in order and no spaces
 * (engines print the same value with different spacing and key order). A value that is not JSON
 * text is not a variant.
 */
function toVariant(raw: unknown): string {
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new NormalizeError(`not a variant (JSON text): ${JSON.stringify(raw)}`);
    }
  }
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort(byteOrder)
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(parsed));
}

/** A map's canonical form: its entries in key order, since a map has no order of its own. */
function sortedMap(entries: [string, CanonicalValue][]): Record<string, CanonicalValue> {
  const out: Record<string, CanonicalValue> = {};
  for (const [k, v] of entries.sort(([a], [b]) => byteOrder(a, b))) out[k] = v;
  return out;
}

/** Normalizes one raw engine value to its canonical form, by the column's canonical type. */
export function normalizeValue(raw: unknown, type: CanonicalType): CanonicalValue {
  if (raw === null || raw === undefined) return null;
  switch (type.kind) {
    case 'boolean':
      return toBoolean(raw);
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return toInteger(raw, type.kind);
    case 'decimal':
      return toDecimal(raw, type.precision, type.scale);
    case 'float':
    case 'double':
      return toFloat(raw, type.kind);
    case 'string':
      return typeof raw === 'string' ? raw : String(raw);
    case 'binary':
      return toBinary(raw);
    case 'date': {
      const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw instanceof Date ? raw.toISOString() : String(raw));
      if (!m) throw new NormalizeError(`not a date: ${JSON.stringify(raw)}`);
      return m[1]!;
    }
    case 'timestamp':
    case 'timestamp_ltz':
      return toTimestamp(raw, type.precision);
    case 'time':
      return toTime(raw, type.precision);
    case 'variant':
      return toVariant(raw);
    case 'array':
      if (!Array.isArray(raw)) throw new NormalizeError(`not an array: ${JSON.stringify(raw)}`);
      return raw.map((v) => normalizeValue(v, type.element));
    case 'map': {
      const entries: [unknown, unknown][] = Array.isArray(raw) ? (raw as [unknown, unknown][]) : Object.entries(raw as object);
      return sortedMap(entries.map(([k, v]) => [String(normalizeValue(k, type.key)), normalizeValue(v, type.value)]));
    }
    case 'row': {
      const out: Record<string, CanonicalValue> = {};
      const src = raw as Record<string, unknown>;
      for (const f of type.fields) out[f.name] = normalizeValue(src[f.name], f.type);
      return out;
    }
    default:
      return typeof raw === 'object' ? JSON.parse(JSON.stringify(raw)) : (raw as CanonicalValue);
  }
}

/**
 * Reads an expected cell from a scenario against the actual column type. Strict: a cell that
 * is not a value of the type, or that the type cannot hold exactly (1.999 in DECIMAL(10,2)),
 * throws a NormalizeError instead of being rounded or coerced; YAML numbers are taken by
 * their exact decimal text (the loader rejects numbers a double cannot carry).
 */
export function normalizeExpected(cell: unknown, type: CanonicalType): CanonicalValue {
  if (cell === null || cell === undefined) return null;
  const kind = type.kind;
  if (kind === 'boolean' && typeof cell !== 'boolean')
    throw new NormalizeError(`expected a boolean for a boolean column, found ${JSON.stringify(cell)}`);
  if (kind === 'string' && typeof cell !== 'string') {
    if (typeof cell === 'number' && Number.isSafeInteger(cell)) return String(cell);
    throw new NormalizeError(`expected a string for a string column, found ${JSON.stringify(cell)} (quote it)`);
  }
  if (
    (kind === 'timestamp' || kind === 'timestamp_ltz' || kind === 'time' || kind === 'date' || kind === 'binary') &&
    typeof cell !== 'string'
  ) {
    throw new NormalizeError(`expected a quoted ${kind} for a ${kind} column, found ${JSON.stringify(cell)}`);
  }
  if (
    (kind === 'int' ||
      kind === 'bigint' ||
      kind === 'tinyint' ||
      kind === 'smallint' ||
      kind === 'decimal' ||
      kind === 'float' ||
      kind === 'double') &&
    typeof cell === 'boolean'
  ) {
    throw new NormalizeError(`expected a number for a ${kind} column, found ${cell}`);
  }
  // Nested values are held to the same rules, element by element.
  if (type.kind === 'array') {
    if (!Array.isArray(cell)) throw new NormalizeError(`expected a list for an array column, found ${JSON.stringify(cell)}`);
    return cell.map((v) => normalizeExpected(v, type.element));
  }
  if (type.kind === 'map') {
    const entries = Array.isArray(cell) ? cell : typeof cell === 'object' ? Object.entries(cell as object) : undefined;
    if (!entries || !entries.every((e) => Array.isArray(e) && e.length === 2))
      throw new NormalizeError(`expected a mapping or [key, value] pairs for a map column, found ${JSON.stringify(cell)}`);
    // A YAML mapping's keys are text: a numeric key is read as its type's value.
    return sortedMap(
      (entries as [unknown, unknown][]).map(([k, v]) => [String(normalizeValue(k, type.key)), normalizeExpected(v, type.value)]),
    );
  }
  if (type.kind === 'row') {
    if (typeof cell !== 'object' || Array.isArray(cell))
      throw new NormalizeError(`expected a mapping of field names for a row column, found ${JSON.stringify(cell)}`);
    const src = cell as Record<string, unknown>;
    const extra = Object.keys(src).filter((k) => !type.fields.some((f) => f.name === k));
    if (extra.length)
      throw new NormalizeError(`the row has no field(s) ${extra.join(', ')} (fields: ${type.fields.map((f) => f.name).join(', ')})`);
    const out: Record<string, CanonicalValue> = {};
    for (const f of type.fields) out[f.name] = normalizeExpected(src[f.name], f.type);
    return out;
  }
  return normalizeValue(cell, type);
}
