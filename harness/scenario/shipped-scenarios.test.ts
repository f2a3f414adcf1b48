import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KNOWN_ENGINES } from '../engines/index.ts';
import { findScenarioFiles, loadScenarios, scenarioJsonSchema } from './index.ts';

describe('shipped scenarios', () => {
  it('all load without problems', async () => {
    const suite = await loadScenarios(['scenarios'], { knownEngines: KNOWN_ENGINES });
    expect(suite.problems).toEqual([]);
    expect(suite.scenarios.length).toBeGreaterThan(0);
  });

  it('validate against the published JSON Schema, which is up to date', async () => {
    const published = JSON.parse(await readFile('scenarios/scenario.schema.json', 'utf8'));
    expect(published).toEqual(scenarioJsonSchema());
    const validate = new Ajv2020.default({ strict: false }).compile(published);
    for (const file of await findScenarioFiles(['scenarios'])) {
      const ok = validate(parse(await readFile(file, 'utf8')));
      expect({ file, errors: validate.errors ?? null, ok }).toEqual({ file, errors: null, ok: true });
    }
    expect(validate({ name: 'x', steps: [{ on: 'spark', sql: 'x', bogus: 1 }] })).toBe(false);
  });
});
