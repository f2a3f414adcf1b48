import { createHash } from 'node:crypto';
import type { CanonicalValue } from './canonical-value.ts';

/** One row as a diff line: `1 | '25-34' | M | true | NULL`. */
export function formatRow(row: readonly CanonicalValue[]): string {
  return row.map(formatCell).join(' | ');
}

/** Longer values are shown by their start, length and digest: a diff line stays readable. */
const MAX_CELL_CHARS = 200;

/** How a long text value is shown in a diff line or a report: its length and a digest (after its start). */
export function lengthAndDigest(v: string): string {
  return `(${v.length} characters, sha256 ${createHash('sha256').update(v).digest('hex').slice(0, 12)})`;
}

/** Strings that would read as something else (NULL, '', padding, a separator) are quoted. */
function formatCell(v: CanonicalValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
    return `${JSON.stringify(v.slice(0, 40))}… ${lengthAndDigest(v)}`;
  }
  if (typeof v === 'string') return v === '' || v === 'NULL' || /^\s|\s$|\||^"/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A line of a diff: what is compared (`key`) and how it is shown (`text`). */
export interface DiffItem {
  key: string;
  text: string;
}

/**
 * Line diff (LCS) of two lists, as ` `, `-` and `+` lines. Items compare by `key` when given
 * (typed values), so two rows that print alike but differ in type still show as different.
 */
export function diffLines(expected: readonly (string | DiffItem)[], actual: readonly (string | DiffItem)[]): string[] {
  const item = (x: string | DiffItem): DiffItem => (typeof x === 'string' ? { key: x, text: x } : x);
  const exp = expected.map(item);
  const act = actual.map(item);
  const n = exp.length;
  const m = act.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = exp[i]!.key === act[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (exp[i]!.key === act[j]!.key) {
      out.push(`  ${exp[i++]!.text}`);
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push(`- ${exp[i++]!.text}`);
    else out.push(`+ ${act[j++]!.text}`);
  }
  while (i < n) out.push(`- ${exp[i++]!.text}`);
  while (j < m) out.push(`+ ${act[j++]!.text}`);
  return out;
}
