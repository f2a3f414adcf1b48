import { nestedTypeParts, parseType, type NestedTypeParts } from '../../values/index.ts';
import {
  backslashLiteral,
  backtickId,
  columnPosition,
  mapEntries,
  optionList,
  respellType,
  rowValues,
  scalarLiteral,
  versionAsOf,
  type SqlDialect,
  type TypeSpelling,
} from '../sql-builder.ts';

/**
 * A Paimon type as Spark SQL spells it: TIMESTAMP(p) is Spark's TIMESTAMP_NTZ and
 * TIMESTAMP_LTZ(p) / TIMESTAMP(p) WITH LOCAL TIME ZONE its TIMESTAMP (both microsecond, with no
 * precision), BYTES and VARBINARY are BINARY, ROW is STRUCT. Types Spark lacks (TIME, VARIANT
 * before Spark 4) keep their names: the statement then fails on Spark, which is the fact.
 */
export function sparkType(type: string): string {
  return respellType(type, SPARK_TYPES);
}

const SPARK_TYPES: TypeSpelling = {
  atomic(t) {
    if (/^\s*TIMESTAMP_LTZ\b|^\s*TIMESTAMP(\(\d+\))?\s+WITH\s+LOCAL\s+TIME\s+ZONE/i.test(t)) return 'TIMESTAMP';
    if (/^\s*TIMESTAMP(\(\d+\))?(\s+WITHOUT\s+TIME\s+ZONE)?\s*$/i.test(t)) return 'TIMESTAMP_NTZ';
    if (/^\s*(VARBINARY|BYTES|BLOB)\b|^\s*BINARY\(\d+\)/i.test(t)) return 'BINARY';
    return t;
  },
  array: (element) => `ARRAY<${element}>`,
  map: (key, value) => `MAP<${key}, ${value}>`,
  row: (fields) => `STRUCT<${fields.map((f) => `${backtickId(f.name)}: ${f.type}`).join(', ')}>`,
};

/**
 * A value as a Spark SQL literal of its column's type. Spark's ANSI store assignment refuses to
 * put a string into a TIMESTAMP or DATE column, so with the type known every value is written as
 * that type: `TIMESTAMP_NTZ '…'` for TIMESTAMP(p) (the connector writes it at the column's
 * precision: the documented TIMESTAMP(p) rule's path), `TIMESTAMP '…'` (read in the session zone)
 * for TIMESTAMP_LTZ, `DATE '…'`, `X'…'` for bytes, exact numbers and floats cast from their text
 * (NaN and infinities too), `CAST(NULL AS T)` for NULL, and `array`, `map` and `named_struct` of
 * typed parts (empty ones cast to their type).
 */
export function sparkLiteral(v: unknown, declared?: string): string {
  const bare = declared?.replace(/\s+NOT\s+NULL\s*$/i, '');
  const type = bare === undefined ? undefined : sparkType(bare);
  if (v === null || v === undefined) return type ? `CAST(NULL AS ${type})` : 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const nested = bare === undefined ? undefined : nestedTypeParts(bare);
  if (nested) return sparkNestedLiteral(v, bare!, type!, nested);
  if (bare && parseType(bare).kind === 'variant') return `parse_json(${backslashLiteral(typeof v === 'string' ? v : JSON.stringify(v))})`;
  if (Array.isArray(v)) return `array(${v.map((x) => sparkLiteral(x)).join(', ')})`;
  return scalarLiteral(v, bare ? parseType(bare) : { kind: 'unknown' }, {
    string: backslashLiteral,
    timestamp: (t) => `TIMESTAMP_NTZ ${backslashLiteral(t)}`,
    timestampLtz: (t) => `TIMESTAMP ${backslashLiteral(t)}`,
    date: (t) => `DATE ${backslashLiteral(t)}`,
    number: (t) => `CAST(${backslashLiteral(t)} AS ${type})`,
  });
}

function sparkNestedLiteral(v: unknown, declared: string, type: string, parts: NestedTypeParts): string {
  switch (parts.kind) {
    case 'array': {
      if (!Array.isArray(v)) throw new TypeError(`not an array for ${declared}: ${JSON.stringify(v)}`);
      return v.length ? `array(${v.map((x) => sparkLiteral(x, parts.element)).join(', ')})` : `CAST(array() AS ${type})`;
    }
    case 'map': {
      const entries = mapEntries(v, declared);
      return entries.length
        ? `map(${entries.map(([k, x]) => `${sparkLiteral(k, parts.key)}, ${sparkLiteral(x, parts.value)}`).join(', ')})`
        : `CAST(map() AS ${type})`;
    }
    case 'row': {
      const values = rowValues(
        v,
        declared,
        parts.fields.map((f) => f.name),
      );
      return `CAST(named_struct(${parts.fields.map((f, i) => `${backslashLiteral(f.name)}, ${sparkLiteral(values[i], f.type)}`).join(', ')}) AS ${type})`;
    }
  }
}

/** Spark SQL with the Paimon catalog and session extensions. */
export const SPARK_DIALECT: SqlDialect = {
  name: 'spark',
  quoteId: backtickId,
  literal: (v, type) => sparkLiteral(v, type),
  createDatabase: (qualified, options) =>
    `CREATE DATABASE ${qualified}${Object.keys(options).length ? ` WITH DBPROPERTIES (${optionList(options, backslashLiteral)})` : ''}`,
  createTable(table, request) {
    const cols = request.columns.map(([n, t]) => `${backtickId(n)} ${sparkType(t)}`).join(', ');
    const props: Record<string, string> = { ...request.options };
    if (request.primaryKey?.length) props['primary-key'] = request.primaryKey.join(',');
    const tblprops = Object.keys(props).length ? ` TBLPROPERTIES (${optionList(props, backslashLiteral)})` : '';
    const parts = request.partitionKeys?.length ? ` PARTITIONED BY (${request.partitionKeys.map(backtickId).join(', ')})` : '';
    return `CREATE TABLE ${table} (${cols})${parts}${tblprops}`;
  },
  // Catalog-qualified: the function resolves a shorter name in the session's current catalog.
  incrementalSource: (qualified, _database, _table, start, end) =>
    `paimon_incremental_query(${backslashLiteral(qualified)}, ${start}, ${end})`,
  // Spark 3.3+ time travel by snapshot id or tag name.
  scanSource: (qualified, options) => versionAsOf(qualified, options),
  showTables: (qualified) => `SHOW TABLES IN ${qualified}`,
  alterTable(table, change) {
    const id = backtickId;
    switch (change.kind) {
      case 'set-options':
        return `ALTER TABLE ${table} SET TBLPROPERTIES (${optionList(change.options, backslashLiteral)})`;
      case 'add-column':
        return `ALTER TABLE ${table} ADD COLUMNS (${id(change.column)} ${sparkType(change.type)}${columnPosition(change, id)})`;
      case 'drop-column':
        return `ALTER TABLE ${table} DROP COLUMN ${id(change.column)}`;
      case 'rename-column':
        return `ALTER TABLE ${table} RENAME COLUMN ${id(change.column)} TO ${id(change.to)}`;
      case 'change-type':
        return `ALTER TABLE ${table} ALTER COLUMN ${id(change.column)} TYPE ${sparkType(change.type)}`;
      case 'move-column':
        return `ALTER TABLE ${table} ALTER COLUMN ${id(change.column)}${columnPosition(change, id)}`;
    }
  },
};
