import type { CanonicalType } from './canonical-type.ts';
import type { CanonicalResult, CanonicalValue } from './canonical-value.ts';
import { normalizeExpected } from './normalize-value.ts';
import { compareCanonical } from './order-rows.ts';

/** A literal as written in a `where`: read by its column's type, like an insert value. */
export type PredicateLiteral = string | number | boolean | null;

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/**
 * A read step's portable filter (`where`), one tree for every engine: SQL engines render it in
 * their dialect, library engines get it through their predicate builders with exact filtering
 * asked; the harness evaluates it too (`expect.filtered`).
 */
export type Predicate =
  | { op: 'and' | 'or'; args: Predicate[] }
  | { op: 'not'; arg: Predicate }
  | { op: ComparisonOp; column: string; value: PredicateLiteral }
  | { op: 'between' | 'not-between'; column: string; low: PredicateLiteral; high: PredicateLiteral }
  | { op: 'in' | 'not-in'; column: string; values: PredicateLiteral[] }
  | { op: 'is-null' | 'is-not-null'; column: string }
  /** `LIKE 'abc%'`: the only LIKE every Paimon implementation pushes down. */
  | { op: 'starts-with' | 'not-starts-with'; column: string; prefix: string };

export type Leaf = Exclude<Predicate, { op: 'and' | 'or' | 'not' }>;

/** The leaves of a predicate (one column each), in order of appearance. */
export function predicateLeaves(p: Predicate): Leaf[] {
  if ('args' in p) return p.args.flatMap(predicateLeaves);
  if ('arg' in p) return predicateLeaves(p.arg);
  return [p];
}

/** Each leaf operator's negation under three-valued logic (both are unknown on NULL). */
const NEGATED: Record<Leaf['op'], Leaf['op']> = {
  '=': '<>',
  '<>': '=',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
  between: 'not-between',
  'not-between': 'between',
  in: 'not-in',
  'not-in': 'in',
  'is-null': 'is-not-null',
  'is-not-null': 'is-null',
  'starts-with': 'not-starts-with',
  'not-starts-with': 'starts-with',
};

/**
 * The same predicate with every NOT pushed onto a leaf and removed there (De Morgan; `NOT a < 1`
 * is `a >= 1`). Exact under SQL's three-valued logic: a leaf and its negation are both unknown
 * on NULL. Library gateways take this form, since their builders have no general NOT.
 */
export function negationNormalForm(p: Predicate, negate = false): Predicate {
  switch (p.op) {
    case 'and':
    case 'or': {
      const args = p.args.map((a) => negationNormalForm(a, negate));
      return { op: (p.op === 'and') !== negate ? 'and' : 'or', args };
    }
    case 'not':
      return negationNormalForm(p.arg, !negate);
    default:
      // A leaf and its negation share their operands: only the operator changes.
      return negate ? ({ ...p, op: NEGATED[p.op] } as Leaf) : p;
  }
}

/**
 * A predicate as SQL text, with the caller's spelling of columns and literals (a dialect's
 * quoting and typed literals, or the scenario format's plain ones); every operand of AND/OR is
 * parenthesized. `literal` gets the column the literal is compared with, or none for a LIKE
 * pattern (a string whatever the column's type).
 */
export function renderPredicate(
  p: Predicate,
  spell: { column: (name: string) => string; literal: (v: PredicateLiteral, column?: string) => string },
): string {
  const col = spell.column;
  const lit = spell.literal;
  switch (p.op) {
    case 'and':
    case 'or':
      return p.args.map((a) => `(${renderPredicate(a, spell)})`).join(` ${p.op.toUpperCase()} `);
    case 'not':
      return `NOT (${renderPredicate(p.arg, spell)})`;
    case 'is-null':
      return `${col(p.column)} IS NULL`;
    case 'is-not-null':
      return `${col(p.column)} IS NOT NULL`;
    case 'between':
    case 'not-between':
      return `${col(p.column)} ${p.op === 'between' ? '' : 'NOT '}BETWEEN ${lit(p.low, p.column)} AND ${lit(p.high, p.column)}`;
    case 'in':
    case 'not-in':
      return `${col(p.column)} ${p.op === 'in' ? '' : 'NOT '}IN (${p.values.map((v) => lit(v, p.column)).join(', ')})`;
    case 'starts-with':
    case 'not-starts-with':
      // The prefix holds no % or _ (the parser's rule).
      return `${col(p.column)} ${p.op === 'starts-with' ? '' : 'NOT '}LIKE ${lit(`${p.prefix}%`)}`;
    default:
      return `${col(p.column)} ${p.op} ${lit(p.value, p.column)}`;
  }
}

/** SQL's three-valued logic: `null` is unknown. */
type Truth = boolean | null;
const and3 = (xs: Truth[]): Truth => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or3 = (xs: Truth[]): Truth => (xs.includes(true) ? true : xs.includes(null) ? null : false);
const not3 = (x: Truth): Truth => (x === null ? null : !x);

/** Why a predicate cannot be evaluated on a result (a column it lacks, a literal its type cannot hold). */
export class PredicateError extends Error {
  readonly code = 'BAD_PREDICATE';
}

/**
 * A predicate on one row of a result, in SQL's three-valued logic: true, false or unknown
 * (`null`). Literals are read by their column's type (`normalizeExpected`), values compared as
 * ORDER BY compares them (`compareCanonical`), so the harness filters exactly as it orders.
 */
export function evaluatePredicate(p: Predicate, row: readonly CanonicalValue[], columns: CanonicalResult['columns']): Truth {
  const column = (name: string): { value: CanonicalValue; type: CanonicalType } => {
    const i = columns.findIndex((c) => c.name === name);
    if (i < 0)
      throw new PredicateError(
        `the filter names column '${name}', which the result does not have (columns: ${columns.map((c) => c.name).join(', ')})`,
      );
    return { value: row[i]!, type: columns[i]!.type };
  };
  const literal = (v: PredicateLiteral, type: CanonicalType): CanonicalValue => {
    try {
      return normalizeExpected(v, type);
    } catch (err) {
      throw new PredicateError(`the filter's literal ${JSON.stringify(v)} is not a ${type.kind} value: ${(err as Error).message}`);
    }
  };
  const cmp = (a: CanonicalValue, b: CanonicalValue, type: CanonicalType): number | null =>
    a === null || b === null ? null : compareCanonical(a, b, type);
  switch (p.op) {
    case 'and':
      return and3(p.args.map((a) => evaluatePredicate(a, row, columns)));
    case 'or':
      return or3(p.args.map((a) => evaluatePredicate(a, row, columns)));
    case 'not':
      return not3(evaluatePredicate(p.arg, row, columns));
    case 'is-null':
    case 'is-not-null': {
      const isNull = column(p.column).value === null;
      return p.op === 'is-null' ? isNull : !isNull;
    }
    case 'between':
    case 'not-between': {
      const { value, type } = column(p.column);
      const lo = cmp(value, literal(p.low, type), type);
      const hi = cmp(value, literal(p.high, type), type);
      const inside = and3([lo === null ? null : lo >= 0, hi === null ? null : hi <= 0]);
      return p.op === 'between' ? inside : not3(inside);
    }
    case 'in':
    case 'not-in': {
      const { value, type } = column(p.column);
      const found = or3(
        p.values.map((v) => {
          const c = cmp(value, literal(v, type), type);
          return c === null ? null : c === 0;
        }),
      );
      return p.op === 'in' ? found : not3(found);
    }
    case 'starts-with':
    case 'not-starts-with': {
      const { value } = column(p.column);
      if (value === null) return null;
      const starts = String(value).startsWith(p.prefix);
      return p.op === 'starts-with' ? starts : !starts;
    }
    default: {
      const { value, type } = column(p.column);
      const c = cmp(value, literal(p.value, type), type);
      if (c === null) return null;
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[p.op];
    }
  }
}

/** The rows of a result for which the predicate is true (unknown filters out, as in WHERE). */
export function filterRows(result: CanonicalResult, p: Predicate): CanonicalResult {
  return { ...result, rows: result.rows.filter((r) => evaluatePredicate(p, r, result.columns) === true) };
}
