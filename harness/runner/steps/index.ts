import type { StepKind } from '../../scenario/index.ts';
import { catalogAllowHandler, catalogDenyHandler } from './catalog-permission-step.ts';
import { engineStep } from './engine-step.ts';
import { faultHandler } from './fault-step.ts';
import { grantStep } from './grant-step.ts';
import { inspectFilesStep } from './inspect-files-step.ts';
import { listFilesStep } from './list-files-step.ts';
import { markTimeStep } from './mark-time-step.ts';
import { restStep } from './rest-step.ts';
import type { StepKindHandler, StepRun } from './step-handler.ts';

/** Engine actions (create-table, insert, read, sql, …) all run through engineStep. */
const ENGINE: StepKindHandler = { run: engineStep };

/** Every step kind's handler: the table step-kinds.ts lists, each kind with how it runs. */
export const STEP_HANDLERS: Readonly<Record<StepKind, StepKindHandler>> = {
  sql: ENGINE,
  'create-database': ENGINE,
  'create-table': ENGINE,
  insert: ENGINE,
  read: ENGINE,
  'read-incremental': ENGINE,
  'list-snapshots': ENGINE,
  'list-tables': ENGINE,
  'alter-table': ENGINE,
  'drop-table': ENGINE,
  rest: { run: restStep },
  'list-files': { run: listFilesStep },
  'inspect-files': { run: inspectFilesStep },
  'mark-time': { run: markTimeStep },
  grant: { run: grantStep },
  revoke: { run: grantStep },
  fault: faultHandler,
  'catalog-deny': catalogDenyHandler,
  'catalog-allow': catalogAllowHandler,
};

/** Runs a step with the handler of its kind. */
export function runStepKind(run: StepRun) {
  return STEP_HANDLERS[run.step.kind].run(run);
}

export { type ScenarioEnd, type StepKindHandler, type StepRun } from './step-handler.ts';
