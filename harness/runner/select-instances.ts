import { byteOrder } from '../byte-order.ts';
import { cellIn, expandScenario, type Scenario, type ScenarioInstance } from '../scenario/index.ts';
import type { RunFilter } from './run-spec.ts';
import { stepEngines } from './step-request.ts';

/** Whether a scenario belongs to the run's tier: the default tier leaves `tier: nightly` out. */
const inTier = (scenario: Scenario, tier: RunFilter['tier']): boolean => tier === 'nightly' || (scenario.tier ?? 'default') === 'default';

/** Whether an instance is a cell the default tier runs: its parameters within `default-matrix`. */
const inDefaultCells = (instance: ScenarioInstance, tier: RunFilter['tier']): boolean =>
  tier === 'nightly' || cellIn(instance.scenario['default-matrix'], instance.params);

/** The instances a run executes: matrix-expanded, filtered by tier/tag/engine, then sharded. */
export function selectInstances(scenarios: readonly Scenario[], filter: Omit<RunFilter, 'paths'>): ScenarioInstance[] {
  const tags = filter.tags?.length ? new Set(filter.tags) : undefined;
  const engines = filter.engines?.length ? new Set(filter.engines) : undefined;
  const picked = scenarios
    .filter((s) => inTier(s, filter.tier))
    .filter((s) => !tags || (s.tags ?? []).some((t) => tags.has(t)))
    .filter((s) => !engines || s.steps.some((st) => stepEngines(st).some((e) => engines.has(e))))
    .flatMap(expandScenario)
    .filter((i) => inDefaultCells(i, filter.tier))
    .sort((a, b) => byteOrder(a.id, b.id));
  if (!filter.shard) return picked;
  const [index, count] = filter.shard.split('/').map(Number) as [number, number];
  return picked.filter((_, i) => i % count === index - 1);
}
