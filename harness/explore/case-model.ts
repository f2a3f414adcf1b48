import type { AggregateFunction, ExploreCase, ExploreColumn, ExploreInsert, ExploreOp } from './explore-case.ts';

/**
 * The harness's model of a Paimon table under a generated history: the columns it has and the
 * rows it holds after each operation. An append table keeps every row; a primary-key table one
 * row per key, merged by its engine: the last written (deduplicate), the first (first-row), the
 * last non-NULL value of each column (partial-update), or each column's aggregate function
 * (aggregation). ALTER TABLE ADD COLUMN gives earlier rows NULL; compaction, tags and option
 * changes leave the rows as they are.
 */
export interface ModelState {
  columns: ExploreColumn[];
  rows: unknown[][];
}

/** The index in `ops` of the latest insert with an ordinal up to `n`, or -1. */
export function insertAtOrBefore(ops: readonly ExploreOp[], n: number): number {
  let at = -1;
  ops.forEach((o, i) => {
    if (o.kind === 'insert' && o.n <= n && (at < 0 || o.n >= (ops[at] as ExploreInsert).n)) at = i;
  });
  return at;
}

/** Columns after the first `upto` operations: the table's, then one `later` column per add-column. */
export function columnsAt(c: ExploreCase, upto: number = c.ops.length): ExploreColumn[] {
  const added = c.ops.slice(0, upto).filter((o) => o.kind === 'alter' && o.addColumn).length;
  return [...c.table.columns, ...(c.table.later ?? []).slice(0, added)];
}

/** The table after the first `upto` operations of the history. */
export function modelAt(c: ExploreCase, upto: number = c.ops.length): ModelState {
  const keys = c.table.primaryKey;
  const at = (keys ?? []).map((k) => c.table.columns.findIndex((col) => col.name === k));
  let columns = [...c.table.columns];
  let appended: unknown[][] = [];
  const byKey = new Map<string, unknown[]>();
  c.ops.slice(0, upto).forEach((op, i) => {
    const now = columnsAt(c, i + 1);
    if (now.length > columns.length) {
      columns = now;
      appended = appended.map((r) => [...r, null]);
      for (const [k, r] of byKey) byKey.set(k, [...r, null]);
    }
    if (op.kind !== 'insert') return;
    for (const full of op.rows) {
      const row = full.slice(0, columns.length);
      if (!keys) {
        appended.push(row);
        continue;
      }
      const key = JSON.stringify(at.map((i) => row[i]));
      const old = byKey.get(key);
      byKey.set(key, old ? merge(c, columns, at, old, row) : row);
    }
  });
  return { columns, rows: keys ? [...byKey.values()] : appended };
}

/** The rows the table holds once the whole history ran. */
export const modelRows = (c: ExploreCase): unknown[][] => modelAt(c).rows;

function merge(c: ExploreCase, columns: readonly ExploreColumn[], keyAt: readonly number[], old: unknown[], row: unknown[]): unknown[] {
  switch (c.table.mergeEngine) {
    case 'first-row':
      return old;
    case 'partial-update':
      return row.map((v, i) => (keyAt.includes(i) || v !== null ? v : old[i]));
    case 'aggregation':
      return row.map((v, i) =>
        keyAt.includes(i) ? v : aggregate(c.table.aggregates?.[columns[i]!.name] ?? 'last_non_null_value', columns[i]!.type, old[i], v),
      );
    default:
      return row;
  }
}

function aggregate(fn: AggregateFunction, type: string, acc: unknown, v: unknown): unknown {
  if (fn === 'last_value') return v;
  if (v === null) return acc;
  if (fn === 'last_non_null_value' || acc === null) return v;
  const order = compareValues(type, v, acc);
  return (fn === 'max' ? order > 0 : order < 0) ? v : acc;
}

/**
 * The order of two non-NULL values of an ordered type as the generator writes them: INT as
 * numbers, BIGINT as decimal text, DECIMAL as text of one scale, DATE and TIMESTAMP as
 * fixed-width text.
 */
export function compareValues(type: string, a: unknown, b: unknown): number {
  if (type === 'INT') return Math.sign(Number(a) - Number(b));
  if (type === 'BIGINT' || type.startsWith('DECIMAL')) {
    const [x, y] = [BigInt(String(a).replace('.', '')), BigInt(String(b).replace('.', ''))];
    return x === y ? 0 : x < y ? -1 : 1;
  }
  const [x, y] = [String(a), String(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Snapshot ids of the inserts left in an append table's history, by ordinal: the k-th insert
 * commits snapshot k, as long as nothing else committed before it (a compaction's snapshot
 * would shift the ids: from there on they are unknown, and absent here).
 */
export function appendSnapshotIds(c: ExploreCase): Map<number, number> {
  const ids = new Map<number, number>();
  if (c.table.primaryKey) return ids;
  let id = 0;
  for (const op of c.ops) {
    if (op.kind === 'compact') break;
    if (op.kind === 'insert') ids.set(op.n, ++id);
  }
  return ids;
}
