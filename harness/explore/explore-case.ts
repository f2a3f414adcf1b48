/**
 * A generated differential case: a table and a history of writes and reads. It becomes an
 * ordinary scenario (case-scenario.ts), so a finding replays with `paimon-interop run`.
 */

/** One column: its name, Paimon SQL type and the kind of values the generator draws for it. */
export interface ExploreColumn {
  name: string;
  type: string;
}

export type MergeEngine = 'deduplicate' | 'first-row';

export interface ExploreTable {
  columns: ExploreColumn[];
  /** Primary-key tables name their key (the first column) and merge engine; append tables neither. */
  primaryKey?: string[];
  mergeEngine?: MergeEngine;
  partitionKeys?: string[];
  /** Table options, from the option grammar (file format, compression, statistics, bucket). */
  options: Record<string, string>;
}

export interface ExploreInsert {
  kind: 'insert';
  writer: string;
  /** Values in the table's column order, as scenario cells (strings for exact numbers). */
  rows: unknown[][];
}

export interface ExploreRead {
  kind: 'read';
  /** A portable filter (docs/scenario-format.md `where`), judged with `filtered`. */
  where?: string;
  /** A projection, in its own order. */
  columns?: string[];
}

export type ExploreOp = ExploreInsert | ExploreRead;

export interface ExploreCase {
  table: ExploreTable;
  ops: ExploreOp[];
}
