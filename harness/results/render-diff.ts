import type { CanonicalValue } from './canonical-value.ts';

/** One row as a diff line: `1 | '25-34' | M | true | NULL`. */
export function formatRow(row: readonly CanonicalValue[]): string {
  return row.map(formatCell).join(' | ');
}

function formatCell(v: CanonicalValue): string {
  if (v === null) return 'NULL';
  if (v === '') return "''";
  if (typeof v === 'string') return /^\s|\s$|\|/.test(v) ? JSON.stringify(v) : v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Line diff (LCS) of two line lists, as ` `, `-` and `+` lines. */
export function diffLines(expected: readonly string[], actual: readonly string[]): string[] {
  const n = expected.length;
  const m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = expected[i] === actual[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (expected[i] === actual[j]) {
      out.push(`  ${expected[i++]}`);
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push(`- ${expected[i++]}`);
    else out.push(`+ ${actual[j++]}`);
  }
  while (i < n) out.push(`- ${expected[i++]}`);
  while (j < m) out.push(`+ ${actual[j++]}`);
  return out;
}
