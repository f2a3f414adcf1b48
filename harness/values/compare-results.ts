import { byteOrder } from '../byte-order.ts';
import { formatType, parseType, typeFamily, type CanonicalType } from './canonical-type.ts';
import type { CanonicalResult, CanonicalValue } from './canonical-value.ts';
import { NormalizeError, normalizeExpected } from './normalize-value.ts';
import { diffLines, formatRow, type DiffItem } from './render-diff.ts';
import { multisetDifference, rowsDigest } from './rows-digest.ts';

/** The outcome of one comparison: equal, or what differs as readable `-expected/+actual` lines. */
export interface Comparison {
  equal: boolean;
  /** What was compared, e.g. `rows`, `types`, `count`, `agree spark~pypaimon`. */
  aspect: string;
  diff: string[];
}

const same = (aspect: string): Comparison => ({ equal: true, aspect, diff: [] });

/**
 * The identity of a row for comparison: each value with its type family, so NULL and 'NULL',
 * true and 'true', 1 and '1' of different types never compare equal, whatever they print as.
 */
export function rowKey(row: readonly CanonicalValue[], types: readonly CanonicalType[]): string {
  return JSON.stringify(row.map((v, i) => [typeFamily(types[i] ?? { kind: 'unknown' }), instantKey(v, types[i])]));
}

/**
 * A timestamp's value without the trailing zeros of its fraction: a TIMESTAMP(3) column read as
 * `…56.120` and the same value read at an engine's microseconds (`…56.120000`, Spark, Doris) are
 * one value. The digits a file keeps are checked apart (inspect-files); a value that differs in a
 * non-zero digit still differs.
 */
function instantKey(v: CanonicalValue, type: CanonicalType | undefined): CanonicalValue {
  if (typeof v !== 'string' || (type?.kind !== 'timestamp' && type?.kind !== 'timestamp_ltz')) return v;
  return v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function rowItems(rows: readonly CanonicalValue[][], types: readonly CanonicalType[], ordered: boolean): DiffItem[] {
  const items = rows.map((r) => ({ key: rowKey(r, types), text: formatRow(r) }));
  return ordered ? items : items.sort((a, b) => byteOrder(a.key, b.key));
}

/** Beyond this many expected × actual lines a line diff is too big to compute or to read. */
const LINE_DIFF_LIMIT = 1_000_000;

function compareItems(aspect: string, expected: DiffItem[], actual: DiffItem[]): Comparison {
  if (expected.length === actual.length && expected.every((l, i) => l.key === actual[i]!.key)) return same(aspect);
  if (expected.length * actual.length > LINE_DIFF_LIMIT) return { equal: false, aspect, diff: digestDiff(expected, actual) };
  return { equal: false, aspect, diff: diffLines(expected, actual) };
}

/**
 * Large results: row count and an order-independent digest of each side, then the first rows
 * only one side has (as multisets, whatever the order).
 */
function digestDiff(expected: DiffItem[], actual: DiffItem[]): string[] {
  const sorted = (items: DiffItem[]) => [...items].sort((a, b) => byteOrder(a.key, b.key));
  const [exp, act] = [sorted(expected), sorted(actual)];
  const lines = [
    `- ${exp.length} rows, digest ${rowsDigest(exp.map((i) => i.key))}`,
    `+ ${act.length} rows, digest ${rowsDigest(act.map((i) => i.key))}`,
  ];
  const { missing, extra } = multisetDifference(exp, act, 10);
  if (!missing.length && !extra.length) lines.push('  (the same rows in another order)');
  lines.push(...missing.map((i) => `- ${i.text}`), ...extra.map((i) => `+ ${i.text}`));
  return lines;
}

const lineItems = (lines: readonly string[]): DiffItem[] => lines.map((l) => ({ key: l, text: l }));

/**
 * Compares expected rows (as written in a scenario) with a normalized result; expected cells
 * are read strictly by the actual column types. Unordered comparison treats rows as a multiset.
 * An expected cell its column type cannot hold is reported as such, never rounded to fit.
 */
export function compareRows(expected: readonly unknown[][], actual: CanonicalResult, ordered: boolean): Comparison {
  const types: CanonicalType[] = actual.columns.map((c) => c.type);
  const bad: string[] = [];
  const exp = expected.map((row, r) =>
    row.map((cell, i) => {
      const type = types[i] ?? { kind: 'unknown' };
      try {
        return normalizeExpected(cell, type);
      } catch (err) {
        if (!(err instanceof NormalizeError)) throw err;
        bad.push(`! expected row ${r + 1}, column ${actual.columns[i]?.name ?? i + 1} (${formatType(type)}): ${err.message}`);
        return cell as CanonicalValue;
      }
    }),
  );
  if (bad.length) return { equal: false, aspect: 'expected rows', diff: bad };
  const header = actual.columns.map((c) => c.name).join(' | ');
  const cmp = compareItems('rows', rowItems(exp, types, ordered), rowItems(actual.rows, types, ordered));
  return cmp.equal ? cmp : { ...cmp, diff: [`  # ${header}`, ...cmp.diff] };
}

export function compareColumns(expected: readonly string[], actual: CanonicalResult): Comparison {
  return compareItems('columns', lineItems(expected), lineItems(actual.columns.map((c) => c.name)));
}

export function compareTypes(expected: readonly string[], actual: CanonicalResult): Comparison {
  // The canonical spelling, or any spelling parseType reads (`row<name string>` for `row<name:string>`).
  const norm = (t: string) => {
    const parsed = parseType(t);
    return parsed.kind === 'unknown' ? t.replace(/\s+/g, '').toLowerCase() : formatType(parsed);
  };
  return compareItems('types', lineItems(expected.map(norm)), lineItems(actual.columns.map((c) => formatType(c.type))));
}

export function compareCount(expected: number, actual: CanonicalResult): Comparison {
  return compareItems('count', lineItems([String(expected)]), lineItems([String(actual.rows.length)]));
}

/**
 * Cross-engine agreement: the same columns, of the same type families, and the same canonical
 * rows (as a multiset unless ordered). Engines may spell a type differently (INT/BIGINT), but a
 * BOOLEAN never agrees with a STRING, and values may not differ.
 */
export function compareAgreement(
  refEngine: string,
  ref: CanonicalResult,
  otherEngine: string,
  other: CanonicalResult,
  ordered: boolean,
): Comparison {
  const aspect = `agree ${refEngine}~${otherEngine}`;
  const width = (r: CanonicalResult) => `${r.columns.length} columns: ${r.columns.map((c) => c.name).join(', ')}`;
  if (ref.columns.length !== other.columns.length) return { equal: false, aspect, diff: [`- ${width(ref)}`, `+ ${width(other)}`] };
  const families = (r: CanonicalResult) => r.columns.map((c) => `${c.name}: ${typeFamily(c.type)}`);
  const typeCmp = compareItems(aspect, lineItems(families(ref)), lineItems(families(other)));
  if (!typeCmp.equal) return { ...typeCmp, diff: ['  # column types', ...typeCmp.diff] };
  return compareItems(
    aspect,
    rowItems(
      ref.rows,
      ref.columns.map((c) => c.type),
      ordered,
    ),
    rowItems(
      other.rows,
      other.columns.map((c) => c.type),
      ordered,
    ),
  );
}
