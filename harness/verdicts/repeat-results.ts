import type { CellScenarioResult, RawResults } from './raw-results.ts';
import { mergeRawResults } from './raw-results.ts';
import type { RunComparison } from './run-comparison.ts';

const failed = (s: CellScenarioResult) => s.status === 'fail' || s.status === 'error';

/**
 * The raw results of `--repeat N` runs as one: per instance, the first run in which it failed
 * (its failure is what a reader must see), else the first run, with every run's verdict in
 * `repeat`. Reports render from this like from any run; `repeat` marks flaky cells.
 */
export function combineRepeats(runs: readonly RawResults[], comparison: RunComparison): RawResults {
  const verdicts = new Map(comparison.instances.map((i) => [`${i.cell}\u0000${i.id}`, i]));
  const key = (s: CellScenarioResult) => `${s.cell}\u0000${s.id}`;
  const chosen = new Map<string, CellScenarioResult>();
  for (const run of runs) {
    for (const s of run.scenarios) {
      const had = chosen.get(key(s));
      if (!had || (!failed(had) && failed(s))) chosen.set(key(s), s);
    }
  }
  const scenarios = [...chosen.values()].map((s): CellScenarioResult => {
    const v = verdicts.get(key(s));
    return v
      ? {
          ...s,
          repeat: {
            outcomes: v.outcomes,
            verdict: v.verdict,
            flakySteps: v.flakySteps,
            ...(v.explainedBy ? { explainedBy: v.explainedBy } : {}),
          },
        }
      : s;
  });
  const merged = mergeRawResults(runs);
  return { ...merged, scenarios: mergeRawResults([{ ...merged, scenarios }]).scenarios };
}
