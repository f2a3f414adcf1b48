import type { FieldPacket } from 'mysql2';
import { normalizeValue, parseType, type CanonicalResult } from '../../values/index.ts';
import { classifyError } from '../classify-error.ts';
import type { EngineError, ErrorClass } from '../engine.ts';

const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;

const flagSet = (f: FieldPacket, flag: number) => (typeof f.flags === 'number' ? (f.flags & flag) !== 0 : false);

/**
 * The canonical type of a column from MySQL-protocol metadata, as Doris (and any MySQL server)
 * sends it: BOOLEAN arrives as TINYINT(1), DATETIMEV2(p) as DATETIME with p decimals,
 * DECIMALV3 as NEWDECIMAL with precision folded into the column length.
 */
function mysqlColumnType(f: FieldPacket): string {
  const len = f.columnLength ?? 0;
  switch (f.columnType) {
    case 1:
      return len === 1 ? 'BOOLEAN' : 'TINYINT';
    case 2:
      return 'SMALLINT';
    case 3:
    case 9:
      return 'INT';
    case 8:
      return 'BIGINT';
    case 4:
      return 'FLOAT';
    case 5:
      return 'DOUBLE';
    case 0:
    case 246: {
      const scale = f.decimals;
      const precision = len - (scale > 0 ? 1 : 0) - (flagSet(f, UNSIGNED_FLAG) ? 0 : 1);
      return `DECIMAL(${precision}, ${scale})`;
    }
    case 10:
    case 14:
      return 'DATE';
    case 7:
    case 12:
      return `TIMESTAMP(${Math.min(f.decimals, 9)})`;
    case 16:
      return 'BINARY';
    case 15:
    case 249:
    case 250:
    case 251:
    case 252:
    case 253:
    case 254:
      return f.characterSet === BINARY_CHARSET ? 'BINARY' : 'STRING';
    default:
      return 'STRING';
  }
}

/** Rows as mysql2 returns them (dateStrings, bigNumberStrings) to a canonical result. */
export function mysqlResult(fields: FieldPacket[] | undefined, rows: unknown): CanonicalResult {
  if (!fields || !Array.isArray(rows)) return { columns: [], rows: [] };
  const columns = fields.map((f) => {
    const engineType = mysqlColumnType(f);
    return { name: f.name, type: parseType(engineType), engineType };
  });
  return { columns, rows: (rows as unknown[][]).map((r) => r.map((v, i) => normalizeValue(v, columns[i]!.type))) };
}

/** MySQL error numbers with a meaning of their own; the rest is classified by message. */
const ERRNO: Record<number, ErrorClass> = {
  1044: 'permission-denied',
  1142: 'permission-denied',
  1143: 'permission-denied',
  1227: 'permission-denied',
  1045: 'unauthenticated',
  1049: 'not-found',
  1146: 'not-found',
  1007: 'already-exists',
  1050: 'already-exists',
  1064: 'invalid-argument',
  1235: 'unsupported',
};

export function mysqlError(err: { errno?: number; code?: string; sqlMessage?: string; message: string }): EngineError {
  const message = err.sqlMessage ?? err.message;
  const exception = `mysql:${err.code ?? 'ERROR'}${err.errno ? `(${err.errno})` : ''}`;
  return { errorClass: (err.errno !== undefined && ERRNO[err.errno]) || classifyError(undefined, message), exception, message };
}
