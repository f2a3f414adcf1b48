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

function toInteger(raw: unknown): string {
  if (typeof raw === 'bigint') return raw.toString();
  if (typeof raw === 'number' && Number.isInteger(raw)) return String(raw);
  if (typeof raw === 'string' && INTEGER.test(raw.trim())) return BigInt(raw.trim()).toString();
  throw new NormalizeError(`not an integer: ${JSON.stringify(raw)}`);
}

/** Exact decimal text with exactly `scale` fractional digits (pads, never rounds). */
function toDecimal(raw: unknown, scale: number): string {
  const text = typeof raw === 'number' ? raw.toFixed(scale) : String(raw).trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new NormalizeError(`not a decimal: ${JSON.stringify(raw)}`);
  const [, sign, whole, frac = ''] = m as unknown as [string, string, string, string | undefined];
  const digits = frac.length >= scale ? frac : frac.padEnd(scale, '0');
  const intPart = whole.replace(/^0+(?=\d)/, '') || '0';
  return `${sign}${intPart}${digits.length ? `.${digits}` : ''}`;
}

function toFloat(raw: unknown): number | string {
  if (typeof raw === 'number') return Number.isNaN(raw) ? 'NaN' : raw;
  if (typeof raw === 'string') {
    if (/^(nan|-?inf(inity)?)$/i.test(raw)) return raw.toLowerCase().startsWith('nan') ? 'NaN' : raw.startsWith('-') ? '-Infinity' : 'Infinity';
    const n = Number(raw);
    if (!Number.isNaN(n)) return n;
  }
  throw new NormalizeError(`not a float: ${JSON.stringify(raw)}`);
}

/** Fractional digits a TIMESTAMP(p) value is written with: its storage unit (s, ms, us, ns). */
export const timestampDigits = (precision: number) => (precision === 0 ? 0 : precision <= 3 ? 3 : precision <= 6 ? 6 : 9);

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

function toBinary(raw: unknown): string {
  if (raw instanceof Uint8Array) return `0x${Buffer.from(raw).toString('hex')}`;
  if (typeof raw === 'string' && /^0x[0-9a-f]*$/i.test(raw)) return raw.toLowerCase();
  throw new NormalizeError(`not binary: ${JSON.stringify(raw)}`);
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
      return toInteger(raw);
    case 'decimal':
      return toDecimal(raw, type.scale);
    case 'float':
    case 'double':
      return toFloat(raw);
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
    case 'array':
      if (!Array.isArray(raw)) throw new NormalizeError(`not an array: ${JSON.stringify(raw)}`);
      return raw.map((v) => normalizeValue(v, type.element));
    case 'map': {
      const entries: [unknown, unknown][] = Array.isArray(raw) ? (raw as [unknown, unknown][]) : Object.entries(raw as object);
      const out: Record<string, CanonicalValue> = {};
      for (const [k, v] of entries) out[String(normalizeValue(k, type.key))] = normalizeValue(v, type.value);
      return out;
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
 * Reads an expected cell from a scenario against the actual column type. Lenient only where
 * YAML forces it (a number written for a string or decimal column); booleans, timestamps and
 * NULL stay strict so a wrong expectation shows as a difference, not an error.
 */
export function normalizeExpected(cell: unknown, type: CanonicalType): CanonicalValue {
  if (cell === null || cell === undefined) return null;
  try {
    if (type.kind === 'boolean' && typeof cell !== 'boolean') return cell as CanonicalValue;
    if (type.kind === 'string' && typeof cell !== 'string' && typeof cell !== 'object') return String(cell);
    if ((type.kind === 'timestamp' || type.kind === 'timestamp_ltz') && typeof cell !== 'string') return cell as CanonicalValue;
    return normalizeValue(cell, type);
  } catch {
    return cell as CanonicalValue;
  }
}
