import type { StepKind } from '../../scenario/index.ts';
import { stepKind } from '../step-request.ts';
import { catalogPermissionStep } from './catalog-permission-step.ts';
import { engineStep } from './engine-step.ts';
import { faultStep } from './fault-step.ts';
import { grantStep } from './grant-step.ts';
import { inspectFilesStep } from './inspect-files-step.ts';
import { listFilesStep } from './list-files-step.ts';
import { markTimeStep } from './mark-time-step.ts';
import { restStep } from './rest-step.ts';
import type { StepHandler, StepRun } from './step-handler.ts';

/** Step kinds the harness runs itself; every other kind is an engine action (engineStep). */
const STEP_HANDLERS: Partial<Record<StepKind, StepHandler>> = {
  rest: restStep,
  'list-files': listFilesStep,
  'inspect-files': inspectFilesStep,
  'mark-time': markTimeStep,
  grant: grantStep,
  revoke: grantStep,
  fault: faultStep,
  'catalog-deny': catalogPermissionStep,
  'catalog-allow': catalogPermissionStep,
};

/** An engine action (create-table, insert, read, sql, …): no handler of the harness's own runs it. */
export function isEngineStep(step: Parameters<typeof stepKind>[0]): boolean {
  return STEP_HANDLERS[stepKind(step) as StepKind] === undefined;
}

/** Runs a step with the handler of its kind. */
export function runStepKind(run: StepRun) {
  return (STEP_HANDLERS[stepKind(run.step) as StepKind] ?? engineStep)(run);
}

export { checkInsert } from './check-insert.ts';
export { catalogPermission } from './catalog-permission-step.ts';
export { withStatus, type StepHandler, type StepRun } from './step-handler.ts';
