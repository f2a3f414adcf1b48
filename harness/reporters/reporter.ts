import type { ScenarioResult, StepResult } from '../runner/index.ts';
import type { RawResults } from './raw-results.ts';

/**
 * Reporter hooks, all optional: a reporter implements what it needs and a new hook breaks
 * none. `onRunEnd` gets the raw results, which every report is rendered from.
 */
export interface Reporter {
  onRunStart?(info: { runId: string; runDir: string; scenarioCount: number }): void | Promise<void>;
  onStepResult?(scenarioId: string, step: StepResult): void | Promise<void>;
  onScenarioEnd?(result: ScenarioResult): void | Promise<void>;
  onRunEnd?(raw: RawResults, runDir: string): void | Promise<void>;
}
