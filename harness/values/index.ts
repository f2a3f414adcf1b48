export {
  formatType,
  nestedTypeParts,
  PAIMON_SPELLINGS,
  parseType,
  typeFamily,
  type CanonicalType,
  type NestedTypeParts,
  type TypeSpellings,
} from './canonical-type.ts';
export type { CanonicalResult, CanonicalValue, ResultColumn } from './canonical-value.ts';
export { compareAgreement, compareColumns, compareCount, compareRows, compareTypes, rowKey, type Comparison } from './compare-results.ts';
export { NormalizeError, normalizeExpected, normalizeValue, numberText, timestampDigits } from './normalize-value.ts';
export { compareCanonical, OrderError, orderRows } from './order-rows.ts';
export { diffLines, formatRow, type DiffItem } from './render-diff.ts';
export { generatedCount, generatedRows, generatedValue, type GeneratedRange } from './generated-rows.ts';
export { multisetDifference, reportedResult, REPORTED_ROWS, rowsDigest } from './rows-digest.ts';
export {
  evaluatePredicate,
  filterRows,
  negationNormalForm,
  predicateLeaves,
  PredicateError,
  renderPredicate,
  type ComparisonOp,
  type Leaf,
  type Predicate,
  type PredicateLiteral,
} from './predicate.ts';
export { ltzValuesToUtc, utcToWallClock, wallClockToUtc } from './time-zone.ts';
