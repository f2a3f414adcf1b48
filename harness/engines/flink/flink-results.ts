import { normalizeValue, parseType, type CanonicalResult } from '../../values/index.ts';
import { classifyError } from '../classify-error.ts';
import type { EngineError } from '../engine.ts';

/** A column of a SQL Gateway result, as its REST API sends it (rowFormat JSON). */
export interface FlinkColumn {
  name: string;
  logicalType: FlinkLogicalType;
}

export interface FlinkLogicalType {
  type: string;
  nullable?: boolean;
  precision?: number | string;
  scale?: number | string;
  length?: number | string;
  elementType?: FlinkLogicalType;
  keyType?: FlinkLogicalType;
  valueType?: FlinkLogicalType;
  fields?: { name: string; fieldType: FlinkLogicalType }[];
}

const MAX_LENGTH = 2147483647;

/** Flink's logical type as the SQL type name it prints (`TIMESTAMP(9)`, `DECIMAL(38, 18)`, `STRING`). */
export function flinkTypeName(t: FlinkLogicalType): string {
  const n = (x: number | string | undefined) => Number(x);
  switch (t.type) {
    case 'VARCHAR':
      return n(t.length) === MAX_LENGTH ? 'STRING' : `VARCHAR(${n(t.length)})`;
    case 'CHAR':
      return `CHAR(${n(t.length)})`;
    case 'VARBINARY':
      return n(t.length) === MAX_LENGTH ? 'BYTES' : `VARBINARY(${n(t.length)})`;
    case 'BINARY':
      return `BINARY(${n(t.length)})`;
    case 'DECIMAL':
      return `DECIMAL(${n(t.precision)}, ${n(t.scale)})`;
    case 'INTEGER':
      return 'INT';
    case 'TIME_WITHOUT_TIME_ZONE':
      return `TIME(${n(t.precision)})`;
    case 'TIMESTAMP_WITHOUT_TIME_ZONE':
      return `TIMESTAMP(${n(t.precision)})`;
    case 'TIMESTAMP_WITH_LOCAL_TIME_ZONE':
      return `TIMESTAMP_LTZ(${n(t.precision)})`;
    case 'TIMESTAMP_WITH_TIME_ZONE':
      return `TIMESTAMP(${n(t.precision)}) WITH TIME ZONE`;
    case 'ARRAY':
      return `ARRAY<${flinkTypeName(t.elementType ?? { type: 'NULL' })}>`;
    case 'MAP':
      return `MAP<${flinkTypeName(t.keyType ?? { type: 'NULL' })}, ${flinkTypeName(t.valueType ?? { type: 'NULL' })}>`;
    case 'ROW':
      return `ROW<${(t.fields ?? []).map((f) => `${f.name} ${flinkTypeName(f.fieldType)}`).join(', ')}>`;
    default:
      return t.type;
  }
}

/** Bytes arrive base64-encoded in Flink's JSON row format; the canonical form is 0x-hex. */
function flinkRaw(v: unknown, type: FlinkLogicalType): unknown {
  if (v !== null && typeof v === 'string' && (type.type === 'VARBINARY' || type.type === 'BINARY'))
    return `0x${Buffer.from(v, 'base64').toString('hex')}`;
  return v;
}

/**
 * Rows of a SQL Gateway result (numbers kept as their exact JSON text, see sql-gateway-client)
 * as a canonical result, with precision and scale from the gateway's own result schema.
 */
export function flinkResult(columns: FlinkColumn[], rows: unknown[][]): CanonicalResult {
  const cols = columns.map((c) => {
    const engineType = flinkTypeName(c.logicalType);
    return { name: c.name, type: parseType(engineType), engineType };
  });
  return { columns: cols, rows: rows.map((r) => r.map((v, i) => normalizeValue(flinkRaw(v, columns[i]!.logicalType), cols[i]!.type))) };
}

/** Root causes that mean the cluster, not the statement, failed: an infrastructure error. */
const INFRASTRUCTURE =
  /NoResourceAvailableException|[Ss]lot request timed out|Could not acquire the minimum required resources|TaskManager .* (is )?no longer reachable|Heartbeat of TaskManager .* timed out|Connection refused|RecipientUnreachableException|JobManager is shutting down/i;

/** Flink's own messages for statements it cannot parse or validate. */
const FLINK_INVALID = /SqlParseException|Encountered ".*" at line|SQL parse failed|SqlValidatorException|ValidationException/;

/** The root cause of a SQL Gateway error body: the last `Caused by:` of the stack trace it carries. */
export function rootCause(errors: readonly string[]): { exception?: string; message: string; trace: string } {
  const trace = errors.join('\n');
  const causes = [...trace.matchAll(/^Caused by: ([\w.$]+)(?::\s?(.*))?$/gm)];
  const last = causes.at(-1);
  if (last) return { exception: last[1], message: (last[2] ?? '').trim() || last[1]!, trace };
  const first = /^([\w.$]+(?:Exception|Error))(?::\s?(.*))?$/m.exec(trace);
  if (first) return { exception: first[1], message: (first[2] ?? '').trim() || first[1]!, trace };
  return {
    message:
      errors
        .filter((e) => e !== 'Internal server error.')
        .at(-1)
        ?.split('\n')[0] ?? 'unknown error',
    trace,
  };
}

/** True when the error means the Flink cluster lost its TaskManager or cannot run jobs. */
export const isInfrastructureFailure = (trace: string) => INFRASTRUCTURE.test(trace);

/** A statement's error as a canonical engine error (the root cause, never the gateway's 500 wrapper). */
export function flinkError(errors: readonly string[]): EngineError {
  const { exception, message, trace } = rootCause(errors);
  const cls = classifyError(exception, message);
  // Parse and validation failures wrap a root cause that names neither (CalciteException: "Non-query expression ...").
  return { errorClass: cls === 'engine-error' && FLINK_INVALID.test(trace) ? 'invalid-argument' : cls, exception, message };
}
