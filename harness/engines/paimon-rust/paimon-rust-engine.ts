import { fileURLToPath } from 'node:url';
import { nestedTypeParts, parseType, type NestedTypeParts } from '../../values/index.ts';
import { classifyError } from '../classify-error.ts';
import type { ErrorClass, EngineRequest, StepContext } from '../engine.ts';
import type { EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayAdapter } from '../gateway-adapter.ts';
import { gatewayLauncher } from '../local-launch.ts';
import { paimonRustPackages } from './paimon-rust-provision.ts';
import {
  buildSql,
  columnPosition,
  mapEntries,
  optionList,
  respellType,
  rowValues,
  scalarLiteral,
  standardString,
  versionAsOf,
  type SqlDialect,
} from '../sql-builder.ts';

/** DataFusion quotes identifiers with double quotes; unquoted ones are folded to lower case. */
const doubleQuoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A value as a DataFusion literal of its column's type: `TIMESTAMP '…'` (nanoseconds; the
 * INSERT casts it to the column, the engine-cast path of the TIMESTAMP(p) rule), for
 * TIMESTAMP_LTZ the same cast to `TIMESTAMP WITH TIME ZONE` (the session zone's instant), `DATE '…'`,
 * `CAST('…' AS DECIMAL(p,s))` and `CAST('…' AS DOUBLE)` so no digit goes through a float,
 * `X'…'` for bytes, `[…]` for arrays.
 */
export function dataFusionLiteral(v: unknown, declared?: string): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const nested = declared === undefined ? undefined : nestedTypeParts(declared);
  if (nested) return dataFusionNestedLiteral(v, declared!, nested);
  if (Array.isArray(v)) return `[${v.map((x) => dataFusionLiteral(x)).join(', ')}]`;
  return scalarLiteral(v, declared ? parseType(declared) : { kind: 'unknown' }, {
    string: standardString,
    timestamp: (t) => `TIMESTAMP ${standardString(t)}`,
    // A wall-clock time of the session zone (datafusion.execution.time_zone), as Flink's CAST(… AS TIMESTAMP_LTZ).
    timestampLtz: (t) => `CAST(TIMESTAMP ${standardString(t)} AS TIMESTAMP WITH TIME ZONE)`,
    date: (t) => `DATE ${standardString(t)}`,
    time: (t) => `TIME ${standardString(t)}`,
    number(t, type) {
      if (type.kind === 'decimal') return `CAST(${standardString(t)} AS DECIMAL(${type.precision}, ${type.scale}))`;
      if (type.kind === 'float' || type.kind === 'double') return `CAST(${standardString(t)} AS ${type.kind.toUpperCase()})`;
      return /^-?\d+$/.test(t) ? t : standardString(t);
    },
  });
}

/**
 * A nested value as DataFusion's constructors, elements typed by the declared type:
 * `make_array(…)`, `MAP {k: v, …}`, `named_struct('field', …)` in field order (the INSERT casts
 * them to the column's type).
 */
function dataFusionNestedLiteral(v: unknown, type: string, parts: NestedTypeParts): string {
  switch (parts.kind) {
    case 'array':
      if (!Array.isArray(v)) throw new TypeError(`not an array for ${type}: ${JSON.stringify(v)}`);
      return `make_array(${v.map((x) => dataFusionLiteral(x, parts.element)).join(', ')})`;
    case 'map':
      return `MAP {${mapEntries(v, type)
        .map(([k, x]) => `${dataFusionLiteral(k, parts.key)}: ${dataFusionLiteral(x, parts.value)}`)
        .join(', ')}}`;
    case 'row': {
      const values = rowValues(
        v,
        type,
        parts.fields.map((f) => f.name),
      );
      return `named_struct(${parts.fields.map((f, i) => `${standardString(f.name)}, ${dataFusionLiteral(values[i], f.type)}`).join(', ')})`;
    }
  }
}

/**
 * A Paimon SQL type in DataFusion's DDL spelling: `MAP(K, V)` and `STRUCT<"name" T, …>` for
 * MAP<K, V> and ROW<…> (DataFusion's parser takes neither), ARRAY<T> as it is.
 */
export function dataFusionType(type: string): string {
  return respellType(type, {
    atomic: (t) => t,
    array: (element) => `ARRAY<${element}>`,
    map: (key, value) => `MAP(${key}, ${value})`,
    row: (fields) => `STRUCT<${fields.map((f) => `${doubleQuoteId(f.name)} ${f.type}`).join(', ')}>`,
  });
}

/**
 * paimon-rust's DataFusion SQL (`SQLContext`, catalog `paimon`). It has no SQL for incremental
 * reads (the adapter uses the table API for them) and lists tables through information_schema.
 */
const PAIMON_RUST_DIALECT: SqlDialect = {
  name: 'paimon-rust',
  quoteId: doubleQuoteId,
  literal: dataFusionLiteral,
  // DataFusion's CREATE SCHEMA takes no properties: with some there is no statement (unsupported).
  createDatabase: (qualified, options) => (Object.keys(options).length ? undefined : `CREATE SCHEMA ${qualified}`),
  createTable(table, request) {
    const cols = request.columns.map(([n, t]) => `${doubleQuoteId(n)} ${dataFusionType(t)}`);
    if (request.primaryKey?.length) cols.push(`PRIMARY KEY (${request.primaryKey.map(doubleQuoteId).join(', ')})`);
    const parts = request.partitionKeys?.length ? ` PARTITIONED BY (${request.partitionKeys.map(doubleQuoteId).join(', ')})` : '';
    const options =
      request.options && Object.keys(request.options).length
        ? ` WITH (${optionList(request.options, (x) => standardString(String(x)))})`
        : '';
    return `CREATE TABLE ${table} (${cols.join(', ')})${parts}${options}`;
  },
  showTables: (_qualified, catalog, database) =>
    `SELECT table_name FROM ${doubleQuoteId(catalog)}.information_schema.tables WHERE table_schema = ${standardString(database)} ORDER BY table_name`,
  // DataFusion has time travel by snapshot id or tag name; other scan options are not offered.
  scanSource: (qualified, options) => versionAsOf(qualified, options),
  // sqlparser's ALTER grammar; a move is MySQL's MODIFY COLUMN … AFTER (paimon-rust plans what it supports).
  alterTable(table, change) {
    const id = doubleQuoteId;
    switch (change.kind) {
      case 'set-options':
        return `ALTER TABLE ${table} SET TBLPROPERTIES (${optionList(change.options, (x) => standardString(String(x)))})`;
      case 'add-column':
        return `ALTER TABLE ${table} ADD COLUMN ${id(change.column)} ${dataFusionType(change.type)}${columnPosition(change, id)}`;
      case 'drop-column':
        return `ALTER TABLE ${table} DROP COLUMN ${id(change.column)}`;
      case 'rename-column':
        return `ALTER TABLE ${table} RENAME COLUMN ${id(change.column)} TO ${id(change.to)}`;
      case 'change-type':
        return `ALTER TABLE ${table} ALTER COLUMN ${id(change.column)} SET DATA TYPE ${change.type}`;
      case 'move-column':
        return change.type && `ALTER TABLE ${table} MODIFY COLUMN ${id(change.column)} ${change.type}${columnPosition(change, id)}`;
    }
  },
};

/**
 * DataFusion's error kinds as they open pypaimon-rust's messages. pypaimon-rust raises Python's
 * ValueError for every failure, so the class says nothing; the message's kind does.
 */
const RUST_INVALID = /^(SQL parse error|Schema error|Error during planning)|sql parser error|Cast error|No field named/i;

/** Paimon's Rust implementation through its gateway: SQL via DataFusion, incremental reads via the table API. */
class PaimonRustEngine extends GatewayAdapter {
  protected override translate(request: EngineRequest, ctx: StepContext): EngineRequest | undefined {
    return paimonRustRequest(request, ctx.database);
  }

  protected override classify(_exception: string | undefined, message: string): ErrorClass {
    const generic = classifyError(undefined, message);
    return generic === 'engine-error' && RUST_INVALID.test(message) ? 'invalid-argument' : generic;
  }
}

/** What the gateway runs: the action as DataFusion SQL, or an incremental read for the table API. */
export function paimonRustRequest(request: EngineRequest, database: string): EngineRequest | undefined {
  if (request.kind === 'read-incremental') return request;
  const sql = buildSql(request, PAIMON_RUST_DIALECT, database);
  return sql === undefined ? undefined : { kind: 'sql', sql };
}

/** paimon-rust (PyPI `pypaimon-rust`): Paimon's third implementation, with DataFusion SQL. */
const GATEWAY = { python: fileURLToPath(new URL('paimon_rust_gateway.py', import.meta.url)) };

export const paimonRustDescriptor: EngineDescriptor = {
  name: 'paimon-rust',
  summary: "Paimon's Rust implementation (pypaimon-rust) with its DataFusion SQL, behind a loopback gateway",
  capabilities: ['sql', 'writes', 'principals', 'merge-into', 'catalog-config'],
  createAdapter: (endpoint) => new PaimonRustEngine('paimon-rust', endpoint),
  gateway: GATEWAY,
  local: gatewayLauncher('paimon-rust', GATEWAY, { pythonPackages: paimonRustPackages }),
  clientReleases: true,
  wireClient: { userAgent: /^paimon-rust/i, family: 'paimon-rust' },
  issueTrackers: {
    paimon: {
      project: 'apache/paimon-rust',
      component: 'paimon-rust',
      tag: 'paimon-rust',
      newIssueUrl: 'https://github.com/apache/paimon-rust/issues/new',
    },
  },
};
