import type { EngineOutcome } from '../engines/index.ts';
import { compareColumns, compareCount, compareRows, compareTypes, generatedRows, type Comparison } from '../values/index.ts';
import type { ExpectDoc } from '../scenario/index.ts';

/** A failing comparison: what was expected, what came. */
export const fail = (aspect: string, expected: string, actual: string): Comparison => ({
  equal: false,
  aspect,
  diff: [`- ${expected}`, `+ ${actual}`],
});

/** Checks one engine outcome against a step's expectations; returns the failing comparisons. */
export function evaluateOutcome(expect: ExpectDoc | undefined, outcome: EngineOutcome): Comparison[] {
  const wanted = expect?.error;
  if (wanted !== undefined) {
    const cls = typeof wanted === 'string' ? wanted : wanted.class;
    const pattern = typeof wanted === 'string' ? undefined : wanted.message;
    if (outcome.ok) return [fail('error', `error ${cls}`, `success with ${outcome.result.rows.length} row(s)`)];
    const out: Comparison[] = [];
    const { errorClass, exception, message } = outcome.error;
    if (errorClass !== cls) out.push(fail('error', `error ${cls}`, `error ${errorClass}${exception ? ` (${exception})` : ''}: ${message}`));
    if (pattern !== undefined && !new RegExp(pattern).test(outcome.error.message))
      out.push(fail('error message', `message matching /${pattern}/`, outcome.error.message));
    return out;
  }
  if (!outcome.ok) {
    // may-fail: an error is an acceptable answer; the steps after judge what the step did.
    if (expect?.['may-fail']) return [];
    const { errorClass, exception, message } = outcome.error;
    return [fail('error', 'success', `error ${errorClass}${exception ? ` (${exception})` : ''}: ${message}`)];
  }
  const checks: Comparison[] = [];
  if (expect?.columns) checks.push(compareColumns(expect.columns, outcome.result));
  if (expect?.types) checks.push(compareTypes(expect.types, outcome.result));
  if (expect?.count !== undefined) checks.push(compareCount(expect.count, outcome.result));
  if (expect?.rows) checks.push(compareRows(expect.rows, outcome.result, expect.ordered ?? false));
  if (expect?.generated) {
    const { from, to } = expect.generated;
    const cmp = compareRows(generatedRows(expect.generated, outcome.result.columns), outcome.result, false);
    checks.push({ ...cmp, aspect: `rows (generated ${from}..${to})` });
  }
  return checks.filter((c) => !c.equal);
}

/** Checks a REST reply: status, and that the body contains the expected keys and values. */
export function evaluateRest(expect: ExpectDoc | undefined, status: number, body: unknown): Comparison[] {
  const out: Comparison[] = [];
  if (expect?.status !== undefined && expect.status !== status) out.push(fail('status', String(expect.status), String(status)));
  if (expect?.status === undefined && (status < 200 || status > 299)) out.push(fail('status', '2xx', `${status} ${JSON.stringify(body)}`));
  for (const [key, value] of Object.entries(expect?.body ?? {})) {
    const actual = (body as Record<string, unknown> | null)?.[key];
    if (!containsSubset(value, actual)) out.push(fail(`body.${key}`, JSON.stringify(value), JSON.stringify(actual)));
  }
  for (const [key, wanted] of Object.entries(expect?.includes ?? {})) {
    const actual = (body as Record<string, unknown> | null)?.[key];
    const missing = Array.isArray(actual) ? wanted.filter((w) => !actual.some((a) => containsSubset(w, a))) : wanted;
    if (missing.length)
      out.push(
        fail(
          `body.${key} includes`,
          JSON.stringify(missing),
          Array.isArray(actual) ? `${actual.length} item(s) without them: ${JSON.stringify(actual).slice(0, 400)}` : JSON.stringify(actual),
        ),
      );
  }
  for (const [key, unwanted] of Object.entries(expect?.excludes ?? {})) {
    const actual = (body as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(actual)) {
      out.push(fail(`body.${key} excludes`, `an array without ${JSON.stringify(unwanted)}`, JSON.stringify(actual)));
      continue;
    }
    const present = actual.filter((a) => unwanted.some((u) => containsSubset(u, a)));
    if (present.length)
      out.push(fail(`body.${key} excludes`, `none of ${JSON.stringify(unwanted)}`, JSON.stringify(present).slice(0, 400)));
  }
  return out;
}

/** Objects match when every expected key matches (extra keys are fine); everything else exactly. */
export function containsSubset(expected: unknown, actual: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => containsSubset(v, (actual as Record<string, unknown>)[k]));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length && expected.every((v, i) => containsSubset(v, actual[i]));
  }
  return JSON.stringify(expected) === JSON.stringify(actual);
}
