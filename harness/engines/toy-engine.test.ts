import { describe, expect, it } from 'vitest';
import type { EnvironmentDescriptor } from '../environment/index.ts';
import { versionRow } from '../provisioning/index.ts';
import { formatType, parseType } from '../values/index.ts';
import { runScenario } from '../runner/index.ts';
import { expandScenario, loadScenarioSource } from '../scenario/index.ts';
import type { Engine, EngineOutcome, EngineRequest, StepContext } from './engine.ts';
import type { EngineDescriptor } from './engine-descriptor.ts';
import {
  anyWriterOrder,
  cacheFolderOwners,
  clientReleaseEngines,
  createEngine,
  ENGINE_DESCRIPTORS,
  scenarioEngines,
  wireClientFamilies,
} from './engine-registry.ts';

/**
 * TEST DOUBLE, not an engine: an in-memory table store behind a descriptor, to show what adding
 * an engine takes. Everything the harness needs of it is in this descriptor; it is never
 * registered or offered to users.
 */
class ToyEngine implements Engine {
  readonly name = 'toy';
  private readonly tables = new Map<string, { columns: [string, string][]; rows: unknown[][] }>();

  async execute(req: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    const key = `${ctx.database}.${'table' in req ? req.table : ''}`;
    const empty = { columns: [], rows: [] };
    if (req.kind === 'create-table') this.tables.set(key, { columns: req.columns, rows: [] });
    else if (req.kind === 'insert') this.tables.get(key)!.rows.push(...req.rows);
    else if (req.kind === 'read') {
      const t = this.tables.get(key)!;
      return {
        ok: true,
        result: {
          columns: t.columns.map(([name, type]) => ({ name, type: toyType(type) })),
          rows: t.rows.map((r) => r.map(String)) as never,
        },
      };
    } else return { ok: false, error: { errorClass: 'unsupported', message: req.kind } };
    return { ok: true, result: empty };
  }
}

/** The toy's own type spellings: it says `NUMBER` for INT. */
const toyType = (t: string) => parseType(t === 'NUMBER' ? 'INT' : t);

const TOY: EngineDescriptor = {
  name: 'toy',
  summary: 'an in-memory table store (test double)',
  capabilities: ['writes'],
  createAdapter: () => new ToyEngine(),
  types: toyType,
  clientReleases: true,
  wireClient: { userAgent: /^toy-client/, family: 'toy' },
  local: { launch: async () => ({ unavailable: 'a test double' }), cacheFolders: (name) => (name === 'toy-1.0' ? ['1.4.2'] : undefined) },
  docker: { unavailable: 'a test double' },
};

const REGISTRY = [...ENGINE_DESCRIPTORS, TOY];

const SCENARIO = `
name: toy-roundtrip
steps:
  - on: toy
    create-table: { table: t, columns: { id: INT, name: STRING } }
  - on: toy
    insert: { table: t, rows: [[1, a], [2, b]] }
  - on: toy
    read: { table: t, order-by: [id] }
    expect: { rows: [[1, a], [2, b]] }
`;

describe('adding an engine is its descriptor (a toy engine)', () => {
  it('every table of the harness derives from the registry: names, capabilities, writers, client releases, wire clients, cache folders', () => {
    expect(scenarioEngines(REGISTRY).knownEngines).toContain('toy');
    expect(scenarioEngines(REGISTRY).capabilities.toy).toEqual(['writes']);
    expect(anyWriterOrder(REGISTRY).at(-1)).toBe('toy');
    expect(clientReleaseEngines(REGISTRY)).toContain('toy');
    expect(wireClientFamilies(REGISTRY).find((f) => f.userAgent.test('toy-client/1'))?.family).toBe('toy');
    expect(
      cacheFolderOwners(REGISTRY)
        .map((o) => o('toy-1.0'))
        .find(Boolean),
    ).toEqual(['1.4.2']);
    expect(versionRow('1.4.2')).toBeDefined();
    // Without it, nothing of the above knows the toy.
    expect(scenarioEngines().knownEngines).not.toContain('toy');
  });

  it('a scenario names it, the runner runs it through its adapter (guarded like every engine), its types read in its own spellings', async () => {
    const loaded = loadScenarioSource('toy.yaml', SCENARIO, scenarioEngines(REGISTRY));
    expect(loaded.problems).toEqual([]);
    const adapter = createEngine(
      { engine: 'toy', url: 'memory:' },
      { catalog: { uri: 'http://127.0.0.1:1', warehouse: 'w', auth: { provider: 'none' } }, runId: 'toy' },
      REGISTRY,
    );
    const env: EnvironmentDescriptor = {
      provider: 'test',
      paimonVersion: '1.4.2',
      catalog: { uri: 'http://127.0.0.1:1', warehouse: 'w', auth: { provider: 'none' } },
      engines: [],
      unavailable: {},
      logs: {},
      versions: {},
      scratchRoot: '/tmp/pi-toy',
      features: {},
    };
    const result = await runScenario(expandScenario(loaded.scenario!)[0]!, { runId: 'toy', env, engines: new Map([['toy', adapter]]) });
    expect(result.status).toBe('pass');
    expect(result.steps.map((s) => s.engines.map((e) => e.engine))).toEqual([['toy'], ['toy'], ['toy']]);
    expect(formatType(toyType('NUMBER'))).toBe('int');
  });
});
