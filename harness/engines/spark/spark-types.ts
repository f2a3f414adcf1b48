import { parseType, type CanonicalType } from '../../values/index.ts';

/** Spark's type spellings: its bare `timestamp` is session-zoned (Paimon's TIMESTAMP_LTZ(6)); `timestamp_ntz` is Paimon's TIMESTAMP(6). */
export const sparkType = (engineType: string): CanonicalType => parseType(engineType, { bareTimestamp: 'timestamp_ltz' });
