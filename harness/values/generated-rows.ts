import type { CanonicalType } from './canonical-type.ts';

/** A range of generated rows: row numbers `from` to `to`, both included. */
export interface GeneratedRange {
  from: number;
  to: number;
  /** Each STRING value this many characters and each binary value this many bytes (large values). */
  width?: number;
}

const MAX_GENERATED_ROWS = 1_000_000;

/** How many rows a range holds, or why it is not a usable range. */
export function generatedCount(range: GeneratedRange): number | string {
  if (!Number.isSafeInteger(range.from) || !Number.isSafeInteger(range.to) || range.from < 1 || range.to < range.from)
    return `a range is from >= 1 to >= from (got ${range.from}..${range.to})`;
  const n = range.to - range.from + 1;
  return n > MAX_GENERATED_ROWS ? `at most ${MAX_GENERATED_ROWS} generated rows (got ${n})` : n;
}

/** A small per-column factor, so two columns of one type hold different values. */
function factor(name: string): number {
  let h = 7;
  for (const c of name) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return (h % 7) + 1;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The value of column `name` (of `type`) in generated row `i`: a pure function of the row
 * number, the column name and the type, so a writer can generate a table's rows and a reader's
 * expectation can generate the same rows for whatever columns it reads. Values are written as a
 * scenario would write them (strings for exact numbers, dates and timestamps) and stay exact in
 * their type: floats are multiples of 1/4, decimals have the column's scale. No NULLs.
 */
export function generatedValue(i: number, name: string, type: CanonicalType, width?: number): unknown {
  const k = factor(name);
  if (width !== undefined && (type.kind === 'string' || type.kind === 'binary')) return wideValue(i, name, type.kind, width);
  switch (type.kind) {
    case 'boolean':
      return (i + k) % 2 === 0;
    case 'tinyint':
      return ((i * k) % 256) - 128;
    case 'smallint':
      return ((i * k) % 65536) - 32768;
    case 'int':
      return i * k;
    case 'bigint':
      return String(BigInt(i) * 1_000_000_007n * BigInt(k));
    case 'float':
    case 'double':
      return ((i * k) % 1_000_000) / 4;
    case 'decimal': {
      const whole = (i * k) % 10 ** Math.min(9, Math.max(0, type.precision - type.scale));
      return type.scale ? `${whole}.${pad((i * k) % 10 ** Math.min(type.scale, 9), type.scale)}` : String(whole);
    }
    case 'string':
      return i % 10 === 0 ? `${name}-${i}-ü` : `${name}-${i}`;
    case 'date':
      return new Date(Date.UTC(2024, 0, 1) + ((i * k) % 3650) * 86_400_000).toISOString().slice(0, 10);
    case 'timestamp':
    case 'timestamp_ltz': {
      const ms = Date.UTC(2024, 0, 1) + i * 1000 * k + (i % 1000);
      const text = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
      return type.precision >= 3 ? text : text.slice(0, 19);
    }
    default:
      throw new Error(`no generated values for ${type.kind} columns`);
  }
}

/**
 * A value of exactly `width` characters (STRING: the row's `<column>-<i>-` repeated; bytes too
 * where the column name is ASCII) or bytes (binary, written as 0x… hex: bytes (i × k + j) mod 256).
 */
function wideValue(i: number, name: string, kind: 'string' | 'binary', width: number): string {
  if (kind === 'string') return `${name}-${i}-`.repeat(Math.ceil(width / (name.length + String(i).length + 2))).slice(0, width);
  const k = factor(name);
  const bytes = Buffer.alloc(width);
  for (let j = 0; j < width; j++) bytes[j] = (i * k + j) % 256;
  return `0x${bytes.toString('hex')}`;
}

/** Rows `from..to` for the given columns. */
export function generatedRows(range: GeneratedRange, columns: readonly { name: string; type: CanonicalType }[]): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = range.from; i <= range.to; i++) rows.push(columns.map((c) => generatedValue(i, c.name, c.type, range.width)));
  return rows;
}
