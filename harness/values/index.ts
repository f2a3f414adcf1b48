export { formatType, nestedTypeParts, parseType, type CanonicalType, type NestedTypeParts } from './canonical-type.ts';
export type { CanonicalResult, CanonicalValue } from './canonical-value.ts';
export { compareAgreement, compareColumns, compareCount, compareRows, compareTypes, type Comparison } from './compare-results.ts';
export { NormalizeError, normalizeExpected, normalizeValue, numberText } from './normalize-value.ts';
export { OrderError, orderRows } from './order-rows.ts';
export { generatedRows, type GeneratedRange } from './generated-rows.ts';
export { reportedResult } from './rows-digest.ts';
export {
  evaluatePredicate,
  filterRows,
  negationNormalForm,
  predicateLeaves,
  PredicateError,
  renderPredicate,
  type ComparisonOp,
  type Predicate,
  type PredicateLiteral,
} from './predicate.ts';
export { ltzValuesToUtc, wallClockToUtc } from './time-zone.ts';
