import { SCENARIO_ENGINES } from '../engines/index.ts';
import { selectInstances, stepEngines } from '../runner/index.ts';
import { loadScenarios } from '../scenario/index.ts';
import { err, nothingSelected, out, printProblems } from './cli-output.ts';
import type { RunFilter } from '../runner/index.ts';

/** `list`: the scenario instances a run with the same filters would execute. */
export async function listCommand(filter: RunFilter): Promise<number> {
  const suite = await loadScenarios(filter.paths, SCENARIO_ENGINES);
  if (printProblems(suite)) return 1;
  const selected = selectInstances(suite.scenarios, filter);
  if (!selected.length) {
    err(`paimon-interop: ${nothingSelected(suite.scenarios.length, filter)}`);
    return 1;
  }
  for (const i of selected) {
    const engines = [...new Set(i.steps.flatMap(stepEngines))].sort().join(',');
    out(
      `${i.id}  [${(i.scenario.tags ?? []).join(',')}]${i.scenario.tier === 'nightly' ? '  tier: nightly' : ''}  engines: ${engines || 'catalog'}`,
    );
  }
  return 0;
}
