import { describe, expect, it } from 'vitest';
import { parsePredicate, PredicateSyntaxError, printPredicate } from './parse-predicate.ts';

describe('parsePredicate', () => {
  it('reads comparisons, BETWEEN, IN, IS NULL, LIKE prefix, AND/OR/NOT with SQL precedence', () => {
    expect(parsePredicate("a = 1 OR b <> 'x' AND NOT c IS NULL")).toEqual({
      op: 'or',
      args: [
        { op: '=', column: 'a', value: 1 },
        {
          op: 'and',
          args: [
            { op: '<>', column: 'b', value: 'x' },
            { op: 'not', arg: { op: 'is-null', column: 'c' } },
          ],
        },
      ],
    });
    expect(parsePredicate('k NOT BETWEEN -1 AND 2.50')).toEqual({ op: 'not-between', column: 'k', low: -1, high: '2.50' });
    expect(parsePredicate("s NOT IN ('a', NULL, 'it''s')")).toEqual({ op: 'not-in', column: 's', values: ['a', null, "it's"] });
    expect(parsePredicate('"dt key" LIKE \'2024-%\'')).toEqual({ op: 'starts-with', column: 'dt key', prefix: '2024-' });
    expect(parsePredicate('(x >= 9007199254740993) AND y != TRUE')).toEqual({
      op: 'and',
      args: [
        { op: '>=', column: 'x', value: '9007199254740993' },
        { op: '<>', column: 'y', value: true },
      ],
    });
  });

  it('names the offset of what it cannot read', () => {
    const at = (text: string) => {
      try {
        parsePredicate(text);
        return undefined;
      } catch (err) {
        return err instanceof PredicateSyntaxError ? { code: err.code, offset: err.offset } : undefined;
      }
    };
    expect(at('a = ')).toEqual({ code: 'BAD_PREDICATE', offset: 4 });
    expect(at("s LIKE '%x'")).toEqual({ code: 'BAD_PREDICATE', offset: 7 });
    expect(at('a = 1 b = 2')).toEqual({ code: 'BAD_PREDICATE', offset: 6 });
    expect(at("a = 'open")).toEqual({ code: 'BAD_PREDICATE', offset: 4 });
    expect(at('AND = 1')).toEqual({ code: 'BAD_PREDICATE', offset: 0 });
  });

  it('prints what it parses back to text that parses to the same tree', () => {
    for (const text of [
      "a = 1 OR b <> 'x' AND NOT c IS NULL",
      'k NOT BETWEEN -1 AND 2.50',
      "s NOT IN ('a', NULL)",
      '"my col" NOT LIKE \'p%\'',
      '(a < 1 OR a > 2) AND b IS NOT NULL',
    ]) {
      const tree = parsePredicate(text);
      expect(parsePredicate(printPredicate(tree))).toEqual(tree);
    }
  });
});
