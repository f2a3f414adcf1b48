import type { PrincipalCredentials } from '../../engines/index.ts';
import type { DeviationSite } from '../../known-issues/index.ts';
import type { ScenarioStep } from '../../scenario/index.ts';
import type { RunContext } from '../run-context.ts';
import type { StepResult } from '../../verdicts/index.ts';
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
