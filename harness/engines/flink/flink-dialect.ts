import { nestedTypeParts, parseType, type NestedTypeParts } from '../../values/index.ts';
import {
  backtickId,
  columnPosition,
  mapEntries,
  optionList,
  respellType,
  rowValues,
  scalarLiteral,
  standardString,
  type SqlDialect,
  type TypeSpelling,
} from '../sql-builder.ts';

/** Flink SQL strings: standard SQL, a quote doubled; backslashes are plain characters. */
const flinkString = standardString;

/**
 * Every Flink session of the harness: batch statements that return when done, times in UTC, and
 * results fetched in batches of up to 4 MB: Flink's default of 2 MB per batch cannot carry one
 * row of two 1 MB values (the limit is the client's result collection, not Paimon's reader).
 * Each batch passes the JobManager's heap, so larger batches cost memory: with 64 MB the
 * JobManager ran out of heap collecting 100,000 rows.
 */
export const SESSION_PROPERTIES = {
  'execution.runtime-mode': 'batch',
  'table.dml-sync': 'true',
  'table.local-time-zone': 'UTC',
  'collect-sink.batch-size.max': '4mb',
};

/**
 * A value as a Flink SQL literal of its column's type. Flink types an untyped literal by its
 * spelling (1.5 is DECIMAL(2,1), NULL is illegal in VALUES, a 20-digit number overflows), so
 * with the column type known every value is written as that type: `TIMESTAMP '…'` and
 * `DATE '…'` literals (Flink casts them to the column's precision when it writes, the path the
 * documented TIMESTAMP(p) rule is about), `CAST('…' AS DECIMAL(p,s))` for exact numbers, `X'…'`
 * for bytes, `CAST(NULL AS T)` for NULL.
 */
export function flinkLiteral(v: unknown, declared?: string): string {
  // A cast target is a type without its nullability.
  const type = declared === undefined ? undefined : flinkType(declared.replace(/\s+NOT\s+NULL\s*$/i, ''));
  const kind = type ? parseType(type).kind : 'unknown';
  if (v === null || v === undefined) return type ? `CAST(NULL AS ${type})` : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const nested = type === undefined ? undefined : nestedTypeParts(type);
  if (nested) return flinkNestedLiteral(v, type!, nested);
  // Flink's VARIANT constructor (Flink 2.1+) from the value's JSON text.
  if (kind === 'variant') return `PARSE_JSON(${flinkString(typeof v === 'string' ? v : JSON.stringify(v))})`;
  if (Array.isArray(v)) return `ARRAY[${v.map((x) => flinkLiteral(x)).join(', ')}]`;
  return scalarLiteral(v, type ? parseType(type) : { kind: 'unknown' }, {
    string: flinkString,
    timestamp: (t) => `TIMESTAMP ${flinkString(t)}`,
    timestampLtz: (t) => `CAST(TIMESTAMP ${flinkString(t)} AS ${type})`,
    date: (t) => `DATE ${flinkString(t)}`,
    time: (t) => `TIME ${flinkString(t)}`,
    number: (t) => `CAST(${flinkString(t)} AS ${type})`,
  });
}

/**
 * A nested value as Flink's constructors of the declared type: `ARRAY[…]` and `MAP[k, v, …]` of
 * typed elements, `CAST(ROW(…) AS ROW<…>)` by field name. Flink has no empty constructor, so an
 * empty array is a one-NULL array with the NULL removed (`ARRAY_REMOVE`) and an empty map is
 * built from two such arrays (`MAP_FROM_ARRAYS`).
 */
function flinkNestedLiteral(v: unknown, type: string, parts: NestedTypeParts): string {
  switch (parts.kind) {
    case 'array': {
      if (!Array.isArray(v)) throw new TypeError(`not an array for ${type}: ${JSON.stringify(v)}`);
      return v.length ? `ARRAY[${v.map((x) => flinkLiteral(x, parts.element)).join(', ')}]` : emptyFlinkArray(parts.element);
    }
    case 'map': {
      const entries = mapEntries(v, type);
      if (!entries.length) return `MAP_FROM_ARRAYS(${emptyFlinkArray(parts.key)}, ${emptyFlinkArray(parts.value)})`;
      return `MAP[${entries.map(([k, x]) => `${flinkLiteral(k, parts.key)}, ${flinkLiteral(x, parts.value)}`).join(', ')}]`;
    }
    case 'row': {
      const values = rowValues(
        v,
        type,
        parts.fields.map((f) => f.name),
      );
      return `CAST(ROW(${parts.fields.map((f, i) => flinkLiteral(values[i], f.type)).join(', ')}) AS ${type})`;
    }
  }
}

function emptyFlinkArray(element: string): string {
  const none = flinkLiteral(null, element);
  return `ARRAY_REMOVE(ARRAY[${none}], ${none})`;
}

/**
 * A type as Flink SQL spells it: the field names of ROW types back-quoted (a field may be named
 * like a reserved word, `inner`, `value`), BLOB as BYTES, NOT NULL kept.
 */
function flinkType(type: string): string {
  return respellType(type, FLINK_TYPES);
}

const FLINK_TYPES: TypeSpelling = {
  // Paimon's BLOB is BYTES in Flink's type system (Flink has no BLOB keyword).
  atomic: (t) => t.replace(/^\s*BLOB\b/i, 'BYTES'),
  array: (element) => `ARRAY<${element}>`,
  map: (key, value) => `MAP<${key}, ${value}>`,
  row: (fields) => `ROW<${fields.map((f) => `${backtickId(f.name)} ${f.type}`).join(', ')}>`,
};

/** Separators of the packed text of a bulk insert: ASCII record, unit and negative-acknowledge characters. */
const ROW_SEPARATOR = '\u001e';
const FIELD_SEPARATOR = '\u001f';
const NULL_MARK = '\u0015';

/**
 * Many rows as one statement Flink's planner takes quickly: the rows packed into one string
 * literal, unpacked at run time (`UNNEST(SPLIT(…))`, `SPLIT_INDEX`) and cast to the columns:
 * `INSERT INTO t SELECT CAST(NULLIF(SPLIT_INDEX(r, us, i), nak) AS Ti), … FROM (VALUES ('…')) AS
 * s(x) CROSS JOIN UNNEST(SPLIT(x, rs)) AS u(r)`. Thousands of typed literals in VALUES keep Flink
 * planning for minutes (and a packed VALUES of text literals is constant-folded as slowly), so a
 * generated volume insert could not run at all. The values reach the columns through Flink's
 * string casts, not the literal-to-column path of small inserts. Undefined (the plain INSERT …
 * VALUES) for nested or binary values and text holding the separators.
 */
function flinkBulkInsert(table: string, columns: string[] | undefined, rows: unknown[][], types: string[]): string | undefined {
  const plain = types.map((t) => t.replace(/\s+NOT\s+NULL\s*$/i, ''));
  if (plain.some((t) => ['binary', 'array', 'map', 'row', 'unknown'].includes(parseType(t).kind))) return undefined;
  const texts: string[] = [];
  for (const row of rows) {
    const fields: string[] = [];
    for (const v of row) {
      if (v !== null && typeof v === 'object') return undefined;
      const text = v === null || v === undefined ? NULL_MARK : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
      if (text !== NULL_MARK && /[\u001e\u001f\u0015]/.test(text)) return undefined;
      fields.push(text);
    }
    texts.push(fields.join(FIELD_SEPARATOR));
  }
  const projection = plain
    .map((t, i) => `CAST(NULLIF(SPLIT_INDEX(r, ${flinkString(FIELD_SEPARATOR)}, ${i}), ${flinkString(NULL_MARK)}) AS ${t})`)
    .join(', ');
  const cols = columns ? ` (${columns.map(backtickId).join(', ')})` : '';
  return `INSERT INTO ${table}${cols} SELECT ${projection} FROM (VALUES (${flinkString(texts.join(ROW_SEPARATOR))})) AS s(x) CROSS JOIN UNNEST(SPLIT(x, ${flinkString(ROW_SEPARATOR)})) AS u(r)`;
}

/** Flink SQL with Paimon's Flink connector (catalog `paimon`). */
export const FLINK_DIALECT: SqlDialect = {
  name: 'flink',
  quoteId: backtickId,
  literal: flinkLiteral,
  createDatabase: (qualified, options) =>
    `CREATE DATABASE ${qualified}${Object.keys(options).length ? ` WITH (${optionList(options, (x) => flinkString(String(x)))})` : ''}`,
  createTable(table, request) {
    const cols = request.columns.map(([n, t]) => `${backtickId(n)} ${flinkType(t)}`);
    if (request.primaryKey?.length) cols.push(`PRIMARY KEY (${request.primaryKey.map(backtickId).join(', ')}) NOT ENFORCED`);
    const parts = request.partitionKeys?.length ? ` PARTITIONED BY (${request.partitionKeys.map(backtickId).join(', ')})` : '';
    const options =
      request.options && Object.keys(request.options).length ? ` WITH (${optionList(request.options, (x) => flinkString(String(x)))})` : '';
    return `CREATE TABLE ${table} (${cols.join(', ')})${parts}${options}`;
  },
  // Paimon's `incremental-between` (start exclusive, end inclusive), as a dynamic table option.
  incrementalSource: (qualified, _database, _table, start, end) => `${qualified} /*+ OPTIONS('incremental-between'='${start},${end}') */`,
  showTables: (qualified) => `SHOW TABLES FROM ${qualified}`,
  // Paimon's Flink connector takes every scan option as a dynamic table option.
  scanSource: (qualified, options) => `${qualified} /*+ OPTIONS(${optionList(options, (x) => flinkString(String(x)))}) */`,
  alterTable(table, change) {
    const id = backtickId;
    switch (change.kind) {
      case 'set-options':
        return `ALTER TABLE ${table} SET (${optionList(change.options, (x) => flinkString(String(x)))})`;
      case 'add-column':
        return `ALTER TABLE ${table} ADD ${id(change.column)} ${flinkType(change.type)}${columnPosition(change, id)}`;
      case 'drop-column':
        return `ALTER TABLE ${table} DROP ${id(change.column)}`;
      case 'rename-column':
        return `ALTER TABLE ${table} RENAME ${id(change.column)} TO ${id(change.to)}`;
      case 'change-type':
        return `ALTER TABLE ${table} MODIFY ${id(change.column)} ${flinkType(change.type)}`;
      case 'move-column':
        // Flink moves a column by restating it: MODIFY <column> <its type> FIRST | AFTER <other>.
        return change.type && `ALTER TABLE ${table} MODIFY ${id(change.column)} ${flinkType(change.type)}${columnPosition(change, id)}`;
    }
  },
  bulkInsert: flinkBulkInsert,
};

/**
 * The session's Paimon catalog. It carries credentials: the adapter never returns this
 * statement in a step record, and redacts its secrets from every message.
 */
export function createCatalogSql(name: string, options: Record<string, string>): string {
  return `CREATE CATALOG ${backtickId(name)} WITH (${optionList({ type: 'paimon', ...options }, (x) => flinkString(String(x)))})`;
}
