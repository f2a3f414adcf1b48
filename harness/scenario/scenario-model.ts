import type { Loc } from './problem.ts';
import type { ScenarioDoc, StepDoc } from './scenario-schema.ts';

/** A step as written, plus where it is and its position in the scenario. */
export type ScenarioStep = StepDoc & { loc: Loc; index: number };

/** A composed scenario: the validated document, with a location on itself and each step. */
export interface Scenario extends Omit<ScenarioDoc, 'steps'> {
  file: string;
  loc: Loc;
  steps: ScenarioStep[];
}

/** One runnable instance of a scenario: a matrix cell with its parameters substituted. */
export interface ScenarioInstance {
  /** Stable id: `file#name[k=v,...]`. */
  id: string;
  scenario: Scenario;
  params: Record<string, string | number | boolean>;
  steps: ScenarioStep[];
}

/** Variables the runner provides; anything else in `${...}` must be a matrix parameter. */
export const RUNTIME_VARIABLES = ['db', 'run', 'scratch', 'instance'] as const;
