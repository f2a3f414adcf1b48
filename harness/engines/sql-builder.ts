import { nestedTypeParts, renderPredicate, type CanonicalType, type Predicate } from '../values/index.ts';
import type { AlterChange, EngineRequest } from './engine.ts';

/**
 * Where SQL dialects differ for the portable actions: quoting, literals, DDL clauses, and the
 * syntax of system tables, incremental reads and listings. Everything else is built once, in
 * `buildSql`, for every SQL engine (Spark, Doris, Flink).
 */
export interface SqlDialect {
  readonly name: string;
  quoteId(name: string): string;
  /** A value as a literal; `type` is the column's declared type when the harness knows it. */
  literal(value: unknown, type?: string): string;
  /** CREATE DATABASE with properties (`qualified` is `catalog.db` quoted); undefined when the dialect has no SQL for it. */
  createDatabase?(qualified: string, options: Record<string, string>): string | undefined;
  /** CREATE TABLE with primary key, partitions and table options; undefined when the engine does not create tables. */
  createTable?(table: string, request: Extract<EngineRequest, { kind: 'create-table' }>): string;
  /**
   * The FROM source of an incremental read between two snapshots (start exclusive); `qualified` is
   * `catalog.db.table` quoted. Undefined when the dialect has no SQL for it.
   */
  incrementalSource?(qualified: string, database: string, table: string, start: number, end: number): string;
  /** Lists a database's tables; `qualified` is `catalog.db` quoted, `catalog` and `database` are the plain names. */
  showTables(qualified: string, catalog: string, database: string): string;
  /** One schema change as a statement; undefined when the dialect has no SQL for it (the adapter answers `unsupported`). */
  alterTable?(table: string, change: AlterChange): string | undefined;
  /**
   * An INSERT of many rows, for a dialect whose planner cannot take as many typed literals
   * (Flink: thousands of casts in VALUES); used above BULK_INSERT_ROWS rows when the column types
   * are known. Undefined: the plain INSERT … VALUES.
   */
  bulkInsert?(table: string, columns: string[] | undefined, rows: unknown[][], types: string[]): string | undefined;
  /**
   * The FROM source of a read with scan options (time travel); undefined when the dialect cannot
   * express these options, so the adapter answers `unsupported` rather than ignoring them.
   */
  scanSource?(qualified: string, options: Record<string, string>): string | undefined;
}

/** Inserts of more rows than this use the dialect's bulkInsert, where it has one. */
const BULK_INSERT_ROWS = 100;

/** The catalog name every SQL engine registers the Paimon catalog under; raw SQL steps use it too. */
export const SQL_CATALOG = 'paimon';

const SNAPSHOT_COLUMNS = 'snapshot_id, commit_kind, total_record_count, delta_record_count';

/**
 * A portable action as one statement of the dialect, with tables qualified as
 * `catalog.database.table`. Undefined when the dialect cannot express the action (the adapter
 * answers `unsupported`). Raw SQL passes through untouched.
 */
export function buildSql(request: EngineRequest, dialect: SqlDialect, database: string, catalog = SQL_CATALOG): string | undefined {
  const q = dialect.quoteId;
  const table = (t: string) => `${q(catalog)}.${q(database)}.${q(t)}`;
  const order = (cols?: string[]) => (cols?.length ? ` ORDER BY ${cols.map(q).join(', ')}` : '');
  switch (request.kind) {
    case 'sql':
      return request.sql;
    case 'create-database':
      return dialect.createDatabase?.(`${q(catalog)}.${q(request.name)}`, request.options ?? {});
    case 'create-table':
      return dialect.createTable?.(table(request.table), request);
    case 'insert': {
      if (request.rows.length > BULK_INSERT_ROWS && dialect.bulkInsert && request.columnTypes) {
        const bulk = dialect.bulkInsert(table(request.table), request.columns, request.rows, request.columnTypes);
        if (bulk !== undefined) return bulk;
      }
      const cols = request.columns ? ` (${request.columns.map(q).join(', ')})` : '';
      const values = request.rows.map((r) => `(${r.map((v, i) => dialect.literal(v, request.columnTypes?.[i])).join(', ')})`).join(', ');
      return `INSERT INTO ${table(request.table)}${cols} VALUES ${values}`;
    }
    case 'read': {
      const scanned =
        request.options && Object.keys(request.options).length
          ? dialect.scanSource?.(table(request.table), request.options)
          : table(request.table);
      const where = request.where ? ` WHERE ${predicateSql(request.where, dialect, request.columnTypes)}` : '';
      const limit = request.limit !== undefined ? ` LIMIT ${request.limit}` : '';
      return (
        scanned &&
        `SELECT ${request.columns?.length ? request.columns.map(q).join(', ') : '*'} FROM ${scanned}${where}${order(request.orderBy)}${limit}`
      );
    }
    case 'read-incremental': {
      const source = dialect.incrementalSource?.(table(request.table), database, request.table, request.start, request.end);
      return source && `SELECT * FROM ${source}${order(request.orderBy)}`;
    }
    case 'list-snapshots':
      return `SELECT ${SNAPSHOT_COLUMNS} FROM ${table(`${request.table}$snapshots`)} ORDER BY snapshot_id`;
    case 'list-tables':
      return dialect.showTables(`${q(catalog)}.${q(database)}`, catalog, database);
    case 'alter-table':
      return dialect.alterTable?.(table(request.table), request.change);
    case 'drop-table':
      return `DROP TABLE ${table(request.table)}`;
  }
}

/**
 * A portable filter in the dialect's SQL: literals typed by their column's declared type where the
 * harness knows it (`types`), so `DATE '…'`, exact decimals and typed NULLs reach the engine as such.
 */
function predicateSql(p: Predicate, dialect: SqlDialect, types?: Record<string, string>): string {
  return renderPredicate(p, {
    column: dialect.quoteId,
    literal: (v, column) => dialect.literal(v, column === undefined ? undefined : types?.[column]),
  });
}

/** Standard SQL string literals: a quote doubled, backslashes plain (Flink, DataFusion). */
export const standardString = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** Backtick quoting (Spark, Doris and Flink all accept it). */
export const backtickId = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** Literals of engines whose strings take backslash escapes (Spark, Doris). */
export function backslashLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `array(${v.map(backslashLiteral).join(', ')})`;
  return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** ` FIRST` or ` AFTER <column>` (Flink and Spark), '' for the end. */
export function columnPosition(at: { first?: boolean; after?: string }, quoteId: (name: string) => string): string {
  return at.first ? ' FIRST' : at.after !== undefined ? ` AFTER ${quoteId(at.after)}` : '';
}

/** A key/value option list `'k' = 'v', ...` with the dialect's string literals. */
export const optionList = (options: Record<string, string>, literal: (v: unknown) => string) =>
  Object.entries(options)
    .map(([k, v]) => `${literal(k)} = ${literal(String(v))}`)
    .join(', ');

/**
 * Time travel as `<source> VERSION AS OF <snapshot id | 'tag'>` or, for `scan.timestamp-millis`
 * on a whole second, `<source> TIMESTAMP AS OF 'YYYY-MM-DD HH:MM:SS'` in UTC (DataFusion, Spark;
 * paimon-rust parses whole seconds only); undefined for any other scan option, so the engine
 * answers `unsupported` instead of ignoring it.
 */
export function versionAsOf(qualified: string, options: Record<string, string>): string | undefined {
  const entries = Object.entries(options);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0]!;
  if (key === 'scan.snapshot-id' && /^\d+$/.test(value)) return `${qualified} VERSION AS OF ${value}`;
  if (key === 'scan.tag-name') return `${qualified} VERSION AS OF ${standardString(value)}`;
  if (key === 'scan.timestamp-millis' && /^\d+000$/.test(value)) {
    return `${qualified} TIMESTAMP AS OF ${standardString(new Date(Number(value)).toISOString().replace('T', ' ').slice(0, 19))}`;
  }
  return undefined;
}

/**
 * How a dialect writes a scalar of a known type: the literals SQL dialects spell apart. `number`
 * gets the text of an exact or approximate number with its parsed type (a cast where the
 * dialect needs one); `time` is absent where the dialect has no TIME literal.
 */
export interface ScalarSpelling {
  string(text: string): string;
  timestamp(text: string): string;
  timestampLtz(text: string): string;
  date(text: string): string;
  time?(text: string): string;
  number(text: string, type: CanonicalType): string;
}

const NUMBER_KINDS = new Set(['decimal', 'float', 'double', 'tinyint', 'smallint', 'int', 'bigint']);

/** A non-NULL scalar value as a literal of its type (`unknown`: a number as written, anything else a string). */
export function scalarLiteral(v: unknown, type: CanonicalType, spell: ScalarSpelling): string {
  const text = String(v);
  if (NUMBER_KINDS.has(type.kind)) return spell.number(text, type);
  switch (type.kind) {
    case 'timestamp':
      return spell.timestamp(text);
    case 'timestamp_ltz':
      return spell.timestampLtz(text);
    case 'date':
      return spell.date(text);
    case 'time':
      return spell.time ? spell.time(text) : spell.string(text);
    case 'binary':
      return /^0x[0-9a-f]*$/i.test(text) ? `X'${text.slice(2)}'` : spell.string(text);
    default:
      return typeof v === 'number' || typeof v === 'bigint' ? text : spell.string(text);
  }
}

/** A map value from a scenario: an object (keys as text) or a list of [key, value] pairs. */
export function mapEntries(v: unknown, type: string): [unknown, unknown][] {
  if (Array.isArray(v)) {
    if (v.every((e) => Array.isArray(e) && e.length === 2)) return v as [unknown, unknown][];
  } else if (v !== null && typeof v === 'object') {
    return Object.entries(v);
  }
  throw new TypeError(`not a map for ${type}: ${JSON.stringify(v)}`);
}

/** A row value from a scenario (an object by field name, or a list by position) in field order. */
export function rowValues(v: unknown, type: string, names: string[]): unknown[] {
  if (Array.isArray(v) && v.length === names.length) return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !names.includes(k));
    if (!unknown.length) return names.map((n) => o[n] ?? null);
    throw new TypeError(`${type} has no field(s) ${unknown.join(', ')}`);
  }
  throw new TypeError(`not a row for ${type}: ${JSON.stringify(v)}`);
}

/** How a dialect spells types: atomic ones, and each nested kind from its already spelled parts. */
export interface TypeSpelling {
  atomic(type: string): string;
  array(element: string): string;
  map(key: string, value: string): string;
  row(fields: { name: string; type: string }[]): string;
}

/** A Paimon SQL type in a dialect's spelling, nested types part by part, NOT NULL kept. */
export function respellType(type: string, spell: TypeSpelling): string {
  const parts = nestedTypeParts(type);
  if (!parts) return spell.atomic(type);
  const notNull = /\s+NOT\s+NULL\s*$/i.test(type) ? ' NOT NULL' : '';
  const inner = (t: string) => respellType(t, spell);
  switch (parts.kind) {
    case 'array':
      return `${spell.array(inner(parts.element))}${notNull}`;
    case 'map':
      return `${spell.map(inner(parts.key), inner(parts.value))}${notNull}`;
    case 'row':
      return `${spell.row(parts.fields.map((f) => ({ name: f.name, type: inner(f.type) })))}${notNull}`;
  }
}
