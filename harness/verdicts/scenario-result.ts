import type { WireEntry } from '../catalog/index.ts';
import type { EngineError } from '../engines/index.ts';
import type { HangEvidence } from '../evidence/index.ts';
import type { CanonicalResult, Comparison } from '../values/index.ts';
import type { Loc } from '../scenario/index.ts';
import type { ActorType } from './actors.ts';

/** `known`: failed exactly as an entry of known-issues.yaml says (a known deviation). */
export type Status = 'pass' | 'known' | 'fail' | 'skip' | 'error';

/** One step on one engine, or on the catalog or the harness (`actor`, actors.ts). */
export interface StepEngineResult {
  /** The engine's name, or the name of the catalog or harness actor that ran the step. */
  engine: string;
  /** Absent: an engine ran the step. */
  actor?: Exclude<ActorType, 'engine'>;
  status: Status;
  statement?: string;
  /** Time the engine spent on the step, without `queuedMs`. */
  durationMs: number;
  engineMillis?: number;
  /** Time the step waited for its engine, busy with another scenario's step (`--jobs`). */
  queuedMs?: number;
  /** Failing comparisons only; empty when the step passed. */
  failures: Comparison[];
  error?: EngineError;
  actual?: CanonicalResult;
  reason?: string;
  /** Log of the engine process that ran the step. */
  log?: string;
  /**
   * The step ended in an error of the environment, not in an answer of the engine: its process died,
   * hung or could not be reached. Such a run is incomplete (exit 2), never a test failure.
   */
  infrastructure?: boolean;
  /** The engine log's last lines, taken when the step ended in an infrastructure error. */
  logTail?: string;
  /** Taken when the step got no answer in time: thread dumps, Python stacks, Flink's jobs (files and a digest). */
  evidence?: HangEvidence;
  /** The known-issues entry this failure matched: its id, reason, layer and upstream report (a URL or `none found`), for reports. */
  known?: { id: string; reason: string; layer?: string; upstream?: string };
  /** A known issue marked intermittent applies here and did not hold this time (`--repeat` reports one that never holds). */
  intermittentApplies?: string;
}

export interface StepResult {
  index: number;
  name: string;
  loc: Loc;
  /** What the step is, for reports that group by feature: its kind key, table, principal, expected error class. */
  kind?: string;
  table?: string;
  principal?: string;
  expectedError?: string;
  status: Status;
  engines: StepEngineResult[];
  /** The engines ran the step at the same time (reads, expected errors): its time is the slowest one's. */
  enginesAtOnce?: boolean;
  /** Cross-engine agreement checks that failed. */
  disagreements: Comparison[];
  /** Engines the step names that this environment lacks (with why). */
  skippedEngines: { engine: string; actor?: Exclude<ActorType, 'engine'>; reason: string }[];
  /**
   * A failing step's wire trace: the requests naming the scenario's database that reached the
   * catalog while the step ran (through the environment's wire proxy), bodies cut and redacted.
   */
  wire?: WireEntry[];
}

/** Everything one scenario instance produced: the unit every report is rendered from. */
export interface ScenarioResult {
  id: string;
  name: string;
  file: string;
  loc: Loc;
  params: Record<string, string | number | boolean>;
  tags: string[];
  /** The catalog capabilities the scenario exercises (`requires.catalog`), for the conformance report. */
  catalogCapabilities?: string[];
  status: Status;
  /** Why the scenario was skipped, or the environment error that stopped it. */
  reason?: string;
  database: string;
  durationMs: number;
  steps: StepResult[];
  /** Readable failure text: scenario file:line, step, engine, statement and -expected/+actual. */
  failure?: string;
  /** A defect of the harness itself stopped the scenario: its message and stack, for the report. */
  harnessError?: { message: string; stack?: string };
  /** `run --repeat N`: the instance's verdict in each run and the steps whose outcomes differed. */
  repeat?: RepeatVerdict;
}

/** One instance over `--repeat N` runs (this result is the first failing run's, else the first run's). */
interface RepeatVerdict {
  outcomes: Status[];
  verdict: 'stable-pass' | 'stable-fail' | 'flaky';
  flakySteps: { index: number; name: string; engine: string; outcomes: string[] }[];
  /** Flaky only where known issues marked intermittent held: recorded flakiness. */
  explainedBy?: string[];
}

/** The scenario ended in an error because an engine's process died, hung or could not be reached. */
export function isInfrastructureError(result: Pick<ScenarioResult, 'status' | 'steps'>): boolean {
  return result.status === 'error' && result.steps.some((st) => st.engines.some((e) => e.status === 'error' && e.infrastructure));
}

/** A step's status from its engines' statuses and disagreements. */
export function withStatus(step: StepResult): StepResult {
  const statuses = step.engines.map((e) => e.status);
  if (statuses.includes('error')) step.status = 'error';
  else if (statuses.includes('fail') || step.disagreements.length) step.status = 'fail';
  else if (statuses.length === 0) step.status = 'skip';
  else if (statuses.includes('known')) step.status = 'known';
  else step.status = 'pass';
  return step;
}
