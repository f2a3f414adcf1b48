import type { PrincipalCredentials } from '../../engines/index.ts';
import type { DeviationSite } from '../../known-issues/index.ts';
import type { Loc, ScenarioStep } from '../../scenario/index.ts';
import type { RunContext } from '../run-context.ts';
import type { StepEngineResult, StepResult } from '../../verdicts/index.ts';
export { withStatus } from '../../verdicts/index.ts';

/** One step about to run: the interpolated step, where it runs and as whom. */
export interface StepRun {
  step: ScenarioStep;
  ctx: RunContext;
  /** The database of the step's objects: the scenario's own, or the one its `database:` names. */
  database: string;
  /** The scenario's own database, when the step works in another one. */
  scenarioDatabase?: string;
  /** The principal of `as:`, when the step names one. */
  principal?: PrincipalCredentials;
  /** The step's result so far (name, location, features), for the handler to fill in. */
  base: StepResult;
  /** Where the step runs, as known issues match it (scenario, instance, versions). */
  site: Omit<DeviationSite, 'stepName' | 'kind' | 'expectedError' | 'engine'>;
  /** The scenario's `catalog-config`: client options (with the scenario's own catalog address, `uri`) every engine opens the catalog with. */
  catalogOptions?: Record<string, string>;
  /** The scenario's variables; a handler may add one for later steps (mark-time). */
  vars: Record<string, string | number | boolean>;
}

/** Runs one kind of step and returns its result (statuses set by `withStatus`). */
export type StepHandler = (run: StepRun) => Promise<StepResult>;

/** A scenario that ran steps of a kind, at its end: what `afterSteps` and `teardown` see. */
export interface ScenarioEnd {
  ctx: RunContext;
  database: string;
  /** The scenario's steps of the handler's kind, as written (variables not yet substituted). */
  steps: readonly ScenarioStep[];
  vars: Record<string, string | number | boolean>;
  /** The index a step added after the scenario's own would have. */
  nextIndex: number;
  loc: Loc;
}

/**
 * How the runner treats one step kind: how a step of it runs and, for kinds that change the
 * environment for the rest of their scenario (a fault, a denial in the catalog), what the
 * scenario needs for them, what is checked after its last step and what is undone at its end.
 */
export interface StepKindHandler {
  run: StepHandler;
  /** Why a scenario with a step of this kind cannot run in this context (it skips with the reason); undefined: it can. */
  unavailable?(ctx: RunContext): string | undefined;
  /** A scenario with a step of this kind keeps every other step's wire trace (how a client got through it is the finding). */
  traceEveryStep?: true;
  /** After every step ran to the end: one more step of the scenario's own, judging what the steps of this kind set up. */
  afterSteps?(end: ScenarioEnd): Promise<StepResult | undefined>;
  /** When the scenario ends, whatever happened: undo what its steps of this kind did (errors are ignored). */
  teardown?(end: ScenarioEnd): Promise<void>;
}

/**
 * A step an actor other than an engine carries out (the wire proxy sets a fault, the catalog
 * denies access): timed, `pass` when the action returns, `error` with its message when it throws.
 */
export async function actorAction(
  actor: Pick<StepEngineResult, 'engine' | 'actor'>,
  statement: string,
  action: () => Promise<unknown>,
): Promise<StepEngineResult> {
  const t = performance.now();
  try {
    await action();
    return { ...actor, status: 'pass', statement, durationMs: Math.round(performance.now() - t), failures: [] };
  } catch (err) {
    return {
      ...actor,
      status: 'error',
      statement,
      durationMs: Math.round(performance.now() - t),
      failures: [],
      reason: (err as Error).message,
    };
  }
}
