import type { Loc } from './problem.ts';
import type { ScenarioDoc, StepDoc } from './scenario-schema.ts';
import type { StepKind } from './step-kinds.ts';

/**
 * A step as written, plus where it is, its position in the scenario and its kind (read once at
 * load): a union discriminated by `kind`, in which the key of that kind is always present.
 */
export type ScenarioStep = {
  [K in StepKind]: StepDoc & { kind: K; loc: Loc; index: number } & { [P in K]-?: NonNullable<StepDoc[P]> };
}[StepKind];

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

/**
 * `on: any-writer`: a setup write whose writer does not matter. The runner gives it the first
 * engine that can write in the cell (the engines' registry orders them), the same for every
 * such step of an instance, so a row whose releases lack one client still judges what the
 * scenario reads.
 */
export const ANY_WRITER = 'any-writer';
