import { HARNESS_ACTOR } from '../../verdicts/index.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

/**
 * `mark-time`: waits for the next whole second and keeps it (ms since the epoch) in a variable.
 * Every commit before the step is older and every commit after it younger, so a read with
 * `scan.timestamp-millis: ${t}` sees exactly the snapshots before the step; a whole second also
 * suits engines whose time-travel syntax takes seconds (paimon-rust's TIMESTAMP AS OF).
 */
export const markTimeStep: StepHandler = async ({ step, vars, base }) => {
  const variable = step['mark-time']!.variable;
  const t = performance.now();
  const mark = Math.ceil((Date.now() + 1) / 1000) * 1000;
  await new Promise((r) => setTimeout(r, Math.max(0, mark - Date.now()) + 5));
  vars[variable] = mark;
  const statement = `\${${variable}} = ${mark} (${new Date(mark).toISOString()})`;
  return withStatus({
    ...base,
    engines: [{ ...HARNESS_ACTOR, status: 'pass', statement, durationMs: Math.round(performance.now() - t), failures: [] }],
  });
};
