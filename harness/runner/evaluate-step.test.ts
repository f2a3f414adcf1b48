import { describe, expect, it } from 'vitest';
import { containsSubset, evaluateOutcome, evaluateRest } from './evaluate-step.ts';

describe('evaluateRest', () => {
  it('matches nested objects as subsets and arrays exactly', () => {
    expect(containsSubset({ a: { b: 1 } }, { a: { b: 1, c: 2 }, d: 3 })).toBe(true);
    expect(containsSubset({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(containsSubset({ t: ['x'] }, { t: ['x', 'y'] })).toBe(false);
    expect(containsSubset({ a: {} }, { a: null })).toBe(false);
  });

  it('checks the status, or any 2xx when none is expected', () => {
    expect(evaluateRest({ status: 404 }, 404, {})).toEqual([]);
    expect(evaluateRest(undefined, 500, { message: 'boom' })[0]!.aspect).toBe('status');
    expect(evaluateRest({ body: { code: 409 } }, 200, { code: 409 })).toEqual([]);
  });

  it('finds included items in any order and refuses excluded ones, or a missing array', () => {
    const body = { partitions: [{ spec: { dt: 'b' } }, { spec: { dt: 'a' } }] };
    expect(evaluateRest({ includes: { partitions: [{ spec: { dt: 'a' } }] } }, 200, body)).toEqual([]);
    expect(evaluateRest({ includes: { partitions: [{ spec: { dt: 'd' } }] } }, 200, body)[0]!.aspect).toBe('body.partitions includes');
    expect(evaluateRest({ excludes: { partitions: [{ spec: { dt: 'd' } }] } }, 200, body)).toEqual([]);
    expect(evaluateRest({ excludes: { partitions: [{ spec: { dt: 'd' } }, { spec: { dt: 'b' } }] } }, 200, body)[0]!.aspect).toBe(
      'body.partitions excludes',
    );
    expect(evaluateRest({ excludes: { partitions: [{ spec: { dt: 'd' } }] } }, 200, { partitions: null })[0]!.aspect).toBe(
      'body.partitions excludes',
    );
  });
});

describe('evaluateOutcome', () => {
  it('requires the expected error class and message, and reports a success as a failure', () => {
    const denied = {
      ok: false as const,
      error: { errorClass: 'permission-denied' as const, exception: 'X', message: "User a doesn't have privilege LIST" },
    };
    expect(evaluateOutcome({ error: 'permission-denied' }, denied)).toEqual([]);
    expect(evaluateOutcome({ error: { class: 'permission-denied', message: 'privilege SELECT' } }, denied)[0]!.aspect).toBe(
      'error message',
    );
    expect(evaluateOutcome({ error: 'not-found' }, denied)[0]!.diff[1]).toBe(
      "+ error permission-denied (X): User a doesn't have privilege LIST",
    );
    expect(evaluateOutcome({ error: 'not-found' }, { ok: true, result: { columns: [], rows: [] } })[0]!.diff).toEqual([
      '- error not-found',
      '+ success with 0 row(s)',
    ]);
  });

  it('may-fail accepts an error, and still checks a success against the rest of the expectation', () => {
    const failed = { ok: false as const, error: { errorClass: 'engine-error' as const, message: 'Service unavailable' } };
    expect(evaluateOutcome({ 'may-fail': true }, failed)).toEqual([]);
    expect(evaluateOutcome({}, failed)[0]!.aspect).toBe('error');
    const wrongRows = { ok: true as const, result: { columns: [{ name: 'id', type: 'int' }], rows: [[2]] } };
    expect(evaluateOutcome({ 'may-fail': true, rows: [[1]] }, wrongRows as never)[0]!.aspect).toBe('rows');
  });
});
