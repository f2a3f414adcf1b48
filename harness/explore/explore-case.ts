/**
 * A generated differential case: a table and a history of writes, schema and option changes,
 * compactions and tags, then reads. It becomes an ordinary scenario (case-scenario.ts), so a
 * finding replays with `paimon-interop run`.
 */

/** One column: its name and Paimon SQL type. */
export interface ExploreColumn {
  name: string;
  type: string;
}

export type MergeEngine = 'deduplicate' | 'first-row' | 'partial-update' | 'aggregation';

/** Aggregate functions the model evaluates (Paimon's `fields.<c>.aggregate-function`). */
export type AggregateFunction = 'last_non_null_value' | 'last_value' | 'max' | 'min';

export interface ExploreTable {
  /** The engine that creates it (default: the environment's, paimon-java where present). */
  creator?: string;
  columns: ExploreColumn[];
  /** Columns that ALTER TABLE ADD COLUMN adds later, in order (the k-th add-column op adds the k-th). */
  later?: ExploreColumn[];
  /** Primary-key tables name their key (the first column) and merge engine; append tables neither. */
  primaryKey?: string[];
  mergeEngine?: MergeEngine;
  /** An aggregation table's functions by column (others: last_non_null_value, Paimon's default). */
  aggregates?: Record<string, AggregateFunction>;
  partitionKeys?: string[];
  /** Table options, from the option grammar (file format, compression, statistics, bucket). */
  options: Record<string, string>;
}

export interface ExploreInsert {
  kind: 'insert';
  /** The insert's ordinal in the generated history; reads refer to it (time travel, increments). */
  n: number;
  writer: string;
  /**
   * Values for the table's columns and then its `later` ones, as scenario cells (strings for
   * exact numbers); the scenario keeps those of the columns the table has at that point.
   */
  rows: unknown[][];
}

/** One schema or option change by one engine: the next `later` column, or table options. */
interface ExploreAlter {
  kind: 'alter';
  engine: string;
  addColumn?: true;
  setOptions?: Record<string, string>;
}

/** A full compaction (Flink's `sys.compact`): what every reader sees must not change. */
interface ExploreCompact {
  kind: 'compact';
}

/** A tag on the latest snapshot (Flink's `sys.create_tag`), named `tag<k>` for the k-th, for a read as of it. */
interface ExploreTag {
  kind: 'tag';
}

export interface ExploreRead {
  kind: 'read';
  /** A portable filter (docs/scenario-format.md `where`), judged with `filtered`. */
  where?: string;
  /** A projection, in its own order. */
  columns?: string[];
  /**
   * Time travel (scan.timestamp-millis) to the moment after insert `n`: the latest insert left
   * with an ordinal up to n once shrinking has dropped some (none left: the read goes too).
   */
  afterInsert?: number;
  /** Time travel to the k-th tag (scan.tag-name). */
  tag?: number;
  /** Rows committed after insert `from` (0: from the start) up to insert `to`, by snapshot ids (append tables). */
  incremental?: { from: number; to: number };
  /** A system table every reader that has it must agree on. */
  system?: 'snapshots';
}

export type ExploreOp = ExploreInsert | ExploreAlter | ExploreCompact | ExploreTag | ExploreRead;

export interface ExploreCase {
  table: ExploreTable;
  ops: ExploreOp[];
}
