import type { CanonicalType } from './canonical-type.ts';

/**
 * A value in canonical form, JSON-safe and comparable with `===` after serialization:
 * booleans as booleans; integers and decimals as exact decimal strings (decimals with exactly
 * their scale); floats as numbers; dates as `YYYY-MM-DD`; timestamps as
 * `YYYY-MM-DD HH:MM:SS.fff…` with the fractional digits the engine delivered; binary as `0x…`;
 * nested values as arrays/objects. NULL is `null`, never ''.
 */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [k: string]: CanonicalValue };

interface ResultColumn {
  name: string;
  type: CanonicalType;
  /** The type as the engine spelled it, for reports. */
  engineType?: string;
}

/** A successful step result from any engine, normalized. */
export interface CanonicalResult {
  columns: ResultColumn[];
  rows: CanonicalValue[][];
  /** Set when a report keeps only the first rows of a large result: how many there were. */
  rowCount?: number;
  /** Set when a report shows some long values by their start, length and digest only. */
  valuesCut?: boolean;
}
