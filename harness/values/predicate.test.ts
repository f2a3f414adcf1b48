import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalResult } from './canonical-value.ts';
import { evaluatePredicate, filterRows, negationNormalForm, predicateLeaves, PredicateError, type Predicate } from './predicate.ts';

const result: CanonicalResult = {
  columns: [
    { name: 'k', type: { kind: 'int' } },
    { name: 's', type: { kind: 'string' } },
    { name: 'd', type: { kind: 'decimal', precision: 10, scale: 2 } },
  ],
  rows: [
    ['1', 'apple', '1.50'],
    ['2', null, '-3.00'],
    [null, 'avocado', null],
    ['4', 'banana', '10.00'],
  ],
};
const keys = (p: Predicate) => filterRows(result, p).rows.map((r) => r[0]);

describe('evaluatePredicate (three-valued logic)', () => {
  it('filters as SQL WHERE does: unknown is not true', () => {
    expect(keys({ op: '>', column: 'k', value: 1 })).toEqual(['2', '4']);
    expect(keys({ op: 'not', arg: { op: '>', column: 'k', value: 1 } })).toEqual(['1']);
    expect(keys({ op: 'not-in', column: 'k', values: [1, null] })).toEqual([]);
    expect(keys({ op: 'in', column: 'k', values: [1, null] })).toEqual(['1']);
    expect(keys({ op: 'starts-with', column: 's', prefix: 'a' })).toEqual(['1', null]);
    expect(keys({ op: 'between', column: 'd', low: '-3', high: '1.5' })).toEqual(['1', '2']);
    expect(
      keys({
        op: 'or',
        args: [
          { op: 'is-null', column: 'k' },
          { op: '=', column: 'd', value: '10.00' },
        ],
      }),
    ).toEqual([null, '4']);
    expect(
      evaluatePredicate(
        {
          op: 'and',
          args: [
            { op: '=', column: 'k', value: 2 },
            { op: '=', column: 's', value: 'x' },
          ],
        },
        result.rows[1]!,
        result.columns,
      ),
    ).toBe(null);
  });

  it('refuses a column the result lacks and a literal its column cannot hold', () => {
    expect(() => keys({ op: '=', column: 'nope', value: 1 })).toThrow(PredicateError);
    expect(() => keys({ op: '=', column: 'd', value: '1.999' })).toThrow(PredicateError);
  });

  it('lists the leaves of a tree in order, through AND, OR and NOT', () => {
    const a = { op: '=' as const, column: 'k', value: 1 };
    const b = { op: 'is-null' as const, column: 's' };
    const c = { op: 'in' as const, column: 'k', values: [2, null] };
    expect(predicateLeaves({ op: 'or', args: [a, { op: 'not', arg: { op: 'and', args: [b, c] } }] })).toEqual([a, b, c]);
  });

  it('negation normal form keeps the truth value of every row (property)', () => {
    const leaf = fc.oneof(
      fc.record({
        op: fc.constantFrom('=', '<>', '<', '<=', '>', '>=') as fc.Arbitrary<'='>,
        column: fc.constant('k'),
        value: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null)),
      }),
      fc.record({ op: fc.constantFrom('is-null', 'is-not-null') as fc.Arbitrary<'is-null'>, column: fc.constantFrom('k', 's') }),
      fc.record({
        op: fc.constantFrom('in', 'not-in') as fc.Arbitrary<'in'>,
        column: fc.constant('k'),
        values: fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null)), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        op: fc.constantFrom('starts-with', 'not-starts-with') as fc.Arbitrary<'starts-with'>,
        column: fc.constant('s'),
        prefix: fc.constantFrom('a', 'b', ''),
      }),
    );
    const tree: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
      p: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf as fc.Arbitrary<Predicate>,
        fc.record({ op: fc.constant('not' as const), arg: tie('p') }),
        fc.record({ op: fc.constantFrom('and', 'or') as fc.Arbitrary<'and'>, args: fc.array(tie('p'), { minLength: 1, maxLength: 3 }) }),
      ),
    })).p;
    fc.assert(
      fc.property(tree, (p) => {
        const nnf = negationNormalForm(p);
        expect(JSON.stringify(nnf)).not.toContain('"op":"not"');
        for (const row of result.rows) expect(evaluatePredicate(nnf, row, result.columns)).toBe(evaluatePredicate(p, row, result.columns));
      }),
    );
  });
});
