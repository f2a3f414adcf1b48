import { z } from 'zod';
import { ScenarioSchema } from './scenario-schema.ts';

/** JSON Schema for scenario files, generated from the loader's own definition. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://paimon-interop.dev/scenario.schema.json', title: 'paimon-interop scenario' };
}
