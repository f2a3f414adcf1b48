import { createHash } from 'node:crypto';
import { byteOrder } from '../byte-order.ts';
import { lengthAndDigest, type DiffItem } from './render-diff.ts';

/** An order-independent digest of typed row keys: sha256 over the keys in byte order (16 hex digits). */
export function rowsDigest(keys: readonly string[]): string {
  const hash = createHash('sha256');
  for (const k of [...keys].sort(byteOrder)) hash.update(k).update('\n');
  return hash.digest('hex').slice(0, 16);
}

/**
 * The first `limit` items only `expected` has and only `actual` has, counting duplicates
 * (multisets); both lists must be sorted by key in byte order.
 */
export function multisetDifference(
  expected: readonly DiffItem[],
  actual: readonly DiffItem[],
  limit: number,
): { missing: DiffItem[]; extra: DiffItem[] } {
  const missing: DiffItem[] = [];
  const extra: DiffItem[] = [];
  let i = 0;
  let j = 0;
  while ((i < expected.length || j < actual.length) && (missing.length < limit || extra.length < limit)) {
    const order = i >= expected.length ? 1 : j >= actual.length ? -1 : byteOrder(expected[i]!.key, actual[j]!.key);
    if (order === 0) {
      i++;
      j++;
    } else if (order < 0) {
      if (missing.length < limit) missing.push(expected[i]!);
      i++;
    } else {
      if (extra.length < limit) extra.push(actual[j]!);
      j++;
    }
  }
  return { missing, extra };
}

/** Rows a report keeps of one result; the rest are counted (`rowCount`), not stored. */
export const REPORTED_ROWS = 200;

/** Characters a report keeps of one text value; a longer one is shown by its start, length and digest. */
const REPORTED_VALUE_CHARS = 4_000;

function reportedValue(v: unknown): unknown {
  if (typeof v !== 'string' || v.length <= REPORTED_VALUE_CHARS) return v;
  return `${v.slice(0, 40)}… ${lengthAndDigest(v)}`;
}

/**
 * A result as reports keep it: all rows when few, else the first REPORTED_ROWS and the count;
 * text values over REPORTED_VALUE_CHARS (a 1 MB string) shown by start, length and digest.
 */
export function reportedResult<T extends { rows: unknown[][] }>(result: T): T & { rowCount?: number; valuesCut?: boolean } {
  const kept =
    result.rows.length <= REPORTED_ROWS ? result : { ...result, rows: result.rows.slice(0, REPORTED_ROWS), rowCount: result.rows.length };
  if (!kept.rows.some((r) => r.some((v) => typeof v === 'string' && v.length > REPORTED_VALUE_CHARS))) return kept;
  return { ...kept, rows: kept.rows.map((r) => r.map(reportedValue)), valuesCut: true };
}
