import type { BaselineDiff } from './baseline-diff.ts';
import type { RawResults } from '../verdicts/index.ts';

/**
 * Reporter hooks, all optional: a reporter implements what it needs and a new hook breaks
 * none. `onRunEnd` gets the merged raw results, which every report is rendered from, and the
 * comparison with a baseline when the run has one.
 */
export interface Reporter {
  onRunEnd?(raw: RawResults, runDir: string, baseline?: BaselineDiff): void | Promise<void>;
}
