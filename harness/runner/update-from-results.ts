import { formatType, type CanonicalResult, type CanonicalValue } from '../values/index.ts';
import { updateExpectedRows, type ExpectedCell, type ScenarioInstance } from '../scenario/index.ts';
import type { ScenarioResult } from '../verdicts/index.ts';

/** A canonical value as it reads best in YAML: small integers as numbers, the rest as is. */
function toCell(v: CanonicalValue, type: string): ExpectedCell {
  if (typeof v === 'string' && /^(tinyint|smallint|int|bigint)$/.test(type) && Number.isSafeInteger(Number(v))) return Number(v);
  return v as ExpectedCell;
}

const rowsOf = (r: CanonicalResult): ExpectedCell[][] => r.rows.map((row) => row.map((v, i) => toCell(v, formatType(r.columns[i]!.type))));

/**
 * `--update`: when a step failed only because its expected rows differ, and every engine of
 * the step returned the same rows, rewrite the rows in the scenario file. Returns whether the
 * file changed. Matrix scenarios are never rewritten: their rows depend on parameters.
 */
export async function updateFromResult(instance: ScenarioInstance, result: ScenarioResult): Promise<boolean> {
  if (Object.keys(instance.params).length) return false;
  const step = result.steps.find((s) => s.status === 'fail');
  if (!step || step.disagreements.length) return false;
  const failing = step.engines.filter((e) => e.status === 'fail');
  if (!failing.every((e) => e.actual && e.failures.every((f) => f.aspect === 'rows' || f.aspect === 'count'))) return false;
  if (step.engines.some((e) => e.actual?.rowCount !== undefined || e.actual?.valuesCut)) return false; // a report keeps only the first rows, or cut values
  const candidates = step.engines.filter((e) => e.actual).map((e) => rowsOf(e.actual!));
  const first = JSON.stringify(candidates[0]);
  if (!candidates.length || candidates.some((c) => JSON.stringify(c) !== first)) return false;
  await updateExpectedRows(instance.scenario.file, [{ stepIndex: step.index, rows: candidates[0]! }]);
  return true;
}
