import type { CanonicalType } from './canonical-type.ts';
import type { CanonicalResult, CanonicalValue } from './canonical-value.ts';

/** `NaN` sorts above every number, as in Spark and Flink; `-0` sorts with 0. */
const floatRank = (v: number | string): number =>
  v === 'NaN'
    ? Number.POSITIVE_INFINITY
    : v === 'Infinity'
      ? Number.MAX_VALUE
      : v === '-Infinity'
        ? -Number.MAX_VALUE
        : v === '-0'
          ? 0
          : (v as number);

const decimalUnits = (v: string): bigint => BigInt(v.replace('.', ''));

/**
 * Orders two canonical values of one type the way SQL engines order them ascending, with
 * NULLs first (the default of Spark and Flink for ASC). Strings and binary compare by bytes
 * (UTF-8), as Paimon's BinaryString does.
 */
export function compareCanonical(a: CanonicalValue, b: CanonicalValue, type: CanonicalType): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  switch (type.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint': {
      const x = BigInt(a as string);
      const y = BigInt(b as string);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'decimal': {
      // Canonical decimals of one column share their scale, so their digits compare as integers.
      const x = decimalUnits(a as string);
      const y = decimalUnits(b as string);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'float':
    case 'double': {
      const x = floatRank(a as number | string);
      const y = floatRank(b as number | string);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'boolean':
      return Number(a) - Number(b);
    case 'binary':
      return Buffer.compare(Buffer.from((a as string).slice(2), 'hex'), Buffer.from((b as string).slice(2), 'hex'));
    case 'string':
      return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'));
    default:
      // Dates and timestamps are fixed-width canonical text; nested values by their JSON text.
      return Buffer.compare(
        Buffer.from(typeof a === 'string' ? a : JSON.stringify(a)),
        Buffer.from(typeof b === 'string' ? b : JSON.stringify(b)),
      );
  }
}

/** Why rows could not be ordered as asked (a column that is not in the result). */
export class OrderError extends Error {
  readonly code = 'ORDER_BY_UNKNOWN_COLUMN';
}

/**
 * Orders a result by the named columns, ascending, NULLs first: the one definition of ORDER BY
 * for engines that have no SQL (library gateways return rows as read). Stable, so rows equal on
 * every key keep the order the engine returned them in.
 */
export function orderRows(result: CanonicalResult, orderBy: readonly string[]): CanonicalResult {
  const keys = orderBy.map((name) => {
    const index = result.columns.findIndex((c) => c.name === name);
    if (index < 0)
      throw new OrderError(`cannot order by '${name}': no such column (columns: ${result.columns.map((c) => c.name).join(', ')})`);
    return { index, type: result.columns[index]!.type };
  });
  const rows = [...result.rows].sort((x, y) => {
    for (const k of keys) {
      const c = compareCanonical(x[k.index]!, y[k.index]!, k.type);
      if (c !== 0) return c;
    }
    return 0;
  });
  return { ...result, rows };
}
