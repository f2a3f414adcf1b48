import { HARNESS_ACTOR } from '../../verdicts/index.ts';
import { evaluateOutcome } from '../evaluate-step.ts';
import { listFiles } from './list-files.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

/** `list-files`: the files under a local path, as a one-column result the expectation checks. */
export const listFilesStep: StepHandler = async ({ step, base }) => {
  const path = step['list-files']!.path;
  const t = performance.now();
  const result = await listFiles(path);
  const failures = evaluateOutcome(step.expect, { ok: true, result });
  base.engines.push({
    ...HARNESS_ACTOR,
    status: failures.length ? 'fail' : 'pass',
    statement: `list files under ${path}`,
    durationMs: Math.round(performance.now() - t),
    failures,
    actual: result,
  });
  return withStatus(base);
};
