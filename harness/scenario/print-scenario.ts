import { stringify } from 'yaml';
import type { Scenario } from './scenario-model.ts';
import type { ScenarioDoc } from './scenario-schema.ts';

/** The document form of a scenario: the model without locations (and kinds, read from the keys). */
function toDocument(scenario: Scenario): ScenarioDoc {
  const { file: _file, loc: _loc, steps, ...rest } = scenario;
  return { ...rest, steps: steps.map(({ loc: _l, index: _i, kind: _k, ...step }) => step) };
}

/** Prints a scenario back to YAML; loading the output gives the same model. */
export function printScenario(scenario: Scenario): string {
  return stringify(toDocument(scenario), { lineWidth: 0 });
}
