export { formatType, parseType, type CanonicalType } from './canonical-type.ts';
export type { CanonicalResult, CanonicalValue, ResultColumn } from './canonical-value.ts';
export { compareAgreement, compareColumns, compareCount, compareRows, compareTypes, type Comparison } from './compare-results.ts';
export { NormalizeError, normalizeExpected, normalizeValue, timestampDigits } from './normalize-value.ts';
export { diffLines, formatRow } from './render-diff.ts';
