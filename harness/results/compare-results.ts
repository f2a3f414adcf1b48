import { byteOrder } from '../byte-order.ts';
import { formatType, type CanonicalType } from './canonical-type.ts';
import type { CanonicalResult, CanonicalValue } from './canonical-value.ts';
import { normalizeExpected } from './normalize-value.ts';
import { diffLines, formatRow } from './render-diff.ts';

/** The outcome of one comparison: equal, or what differs as readable `-expected/+actual` lines. */
export interface Comparison {
  equal: boolean;
  /** What was compared, e.g. `rows`, `types`, `count`, `agree spark~pypaimon`. */
  aspect: string;
  diff: string[];
}

const same = (aspect: string): Comparison => ({ equal: true, aspect, diff: [] });

function rowLines(rows: readonly CanonicalValue[][], ordered: boolean): string[] {
  const lines = rows.map(formatRow);
  return ordered ? lines : lines.sort(byteOrder);
}

function compareLines(aspect: string, expected: string[], actual: string[]): Comparison {
  if (expected.length === actual.length && expected.every((l, i) => l === actual[i])) return same(aspect);
  return { equal: false, aspect, diff: diffLines(expected, actual) };
}

/**
 * Compares expected rows (as written in a scenario) with a normalized result; expected cells
 * are read by the actual column types. Unordered comparison treats rows as a multiset.
 */
export function compareRows(expected: readonly unknown[][], actual: CanonicalResult, ordered: boolean): Comparison {
  const types: CanonicalType[] = actual.columns.map((c) => c.type);
  const exp = expected.map((row) => row.map((cell, i) => normalizeExpected(cell, types[i] ?? { kind: 'unknown' })));
  const lines = (rows: CanonicalValue[][]) => rowLines(rows, ordered);
  const header = actual.columns.map((c) => c.name).join(' | ');
  const cmp = compareLines('rows', lines(exp), lines(actual.rows));
  return cmp.equal ? cmp : { ...cmp, diff: [`  # ${header}`, ...cmp.diff] };
}

export function compareColumns(expected: readonly string[], actual: CanonicalResult): Comparison {
  return compareLines('columns', [...expected], actual.columns.map((c) => c.name));
}

export function compareTypes(expected: readonly string[], actual: CanonicalResult): Comparison {
  const norm = (t: string) => t.replace(/\s+/g, '').toLowerCase();
  return compareLines('types', expected.map(norm), actual.columns.map((c) => formatType(c.type)));
}

export function compareCount(expected: number, actual: CanonicalResult): Comparison {
  return compareLines('count', [String(expected)], [String(actual.rows.length)]);
}

/**
 * Cross-engine agreement: same number of columns and the same canonical rows (as a multiset
 * unless ordered). Column types may be spelled differently by engines; values may not differ.
 */
export function compareAgreement(refEngine: string, ref: CanonicalResult, otherEngine: string, other: CanonicalResult, ordered: boolean): Comparison {
  const aspect = `agree ${refEngine}~${otherEngine}`;
  const width = (r: CanonicalResult) => `${r.columns.length} columns: ${r.columns.map((c) => c.name).join(', ')}`;
  if (ref.columns.length !== other.columns.length) return { equal: false, aspect, diff: [`- ${width(ref)}`, `+ ${width(other)}`] };
  return compareLines(aspect, rowLines(ref.rows, ordered), rowLines(other.rows, ordered));
}
