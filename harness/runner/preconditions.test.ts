import { describe, expect, it } from 'vitest';
import type { Engine } from '../engines/index.ts';
import { expandScenario, loadScenarioSource, type ScenarioInstance } from '../scenario/index.ts';
import {
  catalogClaim,
  catalogConfigProxy,
  engineCapabilities,
  paimonRange,
  requiredEngines,
  skipReason,
  somethingRuns,
  stepKindsAvailable,
  strandedWrite,
  writerClients,
} from './preconditions.ts';
import type { EnvironmentDescriptor } from '../environment/index.ts';
import type { RunContext } from './run-context.ts';

/** TEST DOUBLE, not an engine: the rules only look whether a context holds an engine of the name. */
const engine = (name: string): Engine => ({ name, execute: async () => ({ ok: true, result: { columns: [], rows: [] } }) });

const ENV: EnvironmentDescriptor = {
  provider: 'test',
  paimonVersion: '1.4.2',
  catalog: { uri: 'http://127.0.0.1:1', warehouse: 'w', auth: { provider: 'none' } },
  engines: [],
  unavailable: { flink: 'no Flink here' },
  logs: {},
  versions: {},
  scratchRoot: '/tmp',
  features: {},
};

/** A cell with these engines, in an environment with what `env` says (and no Flink, as the environment explains). */
function context(engines: string[], env: Partial<EnvironmentDescriptor> = {}, extra: Partial<RunContext> = {}): RunContext {
  return { runId: 't', env: { ...ENV, ...env }, engines: new Map(engines.map((e) => [e, engine(e)])), ...extra };
}
const WIRE_PROXY = { wireProxy: { url: 'http://127.0.0.1:1', token: 'x' } };

/** One instance of a scenario written inline (engines as the real registry names them). */
function instance(yaml: string): ScenarioInstance {
  const loaded = loadScenarioSource('inline.yaml', yaml, { knownEngines: ['pypaimon', 'paimon-java', 'flink'] });
  expect(loaded.problems).toEqual([]);
  return expandScenario(loaded.scenario!)[0]!;
}

const WRITE_ON_FLINK = `
name: w
steps:
  - on: flink
    create-table: { table: t, columns: { id: INT } }
  - on: [pypaimon, flink]
    read: { table: t }
`;

describe('preconditions of a scenario instance', () => {
  it('requires: engines names each engine the cell lacks, with why', () => {
    const i = instance(`name: r\nrequires: { engines: [flink] }\nsteps:\n  - on: pypaimon\n    list-tables: {}\n`);
    expect(requiredEngines(i, context(['pypaimon']))).toBe('requires flink: no Flink here');
    expect(requiredEngines(i, context(['pypaimon', 'flink']))).toBeUndefined();
  });

  it('a write only on an engine the cell lacks strands the steps after it', () => {
    expect(strandedWrite(instance(WRITE_ON_FLINK), context(['pypaimon']))).toBe('step 1 runs on flink (no Flink here) only');
    expect(strandedWrite(instance(WRITE_ON_FLINK), context(['pypaimon', 'flink']))).toBeUndefined();
  });

  it("cross-version cells: a write on a client the writer's release lacks", () => {
    const ctx = context(['pypaimon', 'flink'], { writer: { engines: [], unavailable: { flink: 'no connector for 1.1' } } });
    expect(writerClients(instance(WRITE_ON_FLINK), ctx)).toBe('writes on flink: no connector for 1.1');
    expect(writerClients(instance(WRITE_ON_FLINK), context(['pypaimon', 'flink']))).toBeUndefined();
  });

  it('requires: paimon is checked against the cell and the writer release', () => {
    const i = instance(`name: p\nrequires: { paimon: '>=1.3' }\nsteps:\n  - on: pypaimon\n    list-tables: {}\n`);
    expect(paimonRange(i, context([], { paimonVersion: '1.4.2' }, { writerPaimonVersion: '1.2.0' }))).toBe(
      'requires Paimon >=1.3; this cell runs 1.2.0',
    );
    expect(paimonRange(i, context([], { paimonVersion: '1.4.2' }))).toBeUndefined();
  });

  it('requires: capabilities needs some engine of the cell with each', () => {
    const i = instance(`name: c\nrequires: { capabilities: [merge-into] }\nsteps:\n  - on: pypaimon\n    list-tables: {}\n`);
    expect(engineCapabilities(i, context(['pypaimon']))).toBe('requires an engine with merge-into; none here has it (pypaimon)');
    expect(engineCapabilities(i, context(['pypaimon', 'flink']))).toBeUndefined();
  });

  it('requires: catalog is checked against what the catalog claims, when a claim is known', () => {
    const i = instance(`name: k\nrequires: { catalog: [views] }\nsteps:\n  - rest: { method: GET, path: /databases }\n`);
    expect(catalogClaim(i, context([], { catalogCapabilities: { claim: { claimed: ['core'], source: 'config' } } }))).toMatch(
      /^exercises views, which the catalog does not claim/,
    );
    expect(catalogClaim(i, context([]))).toBeUndefined();
  });

  it("step kinds that need the environment say so through their handlers (a fault needs the wire proxy, a catalog denial the server's hooks)", () => {
    const fault = instance(
      `name: f\nsteps:\n  - fault: { method: POST, path: '^/tables/t/commit$', kind: unavailable }\n  - rest: { method: GET, path: /databases }\n`,
    );
    expect(stepKindsAvailable(fault, context([]))).toMatch(/^injects faults through the wire proxy/);
    expect(stepKindsAvailable(fault, context([], { features: WIRE_PROXY }))).toBeUndefined();
    const deny = instance(`name: d\nsteps:\n  - catalog-deny: {}\n  - rest: { method: GET, path: /databases }\n`);
    expect(stepKindsAvailable(deny, context([]))).toMatch(/authorization hooks/);
    expect(
      stepKindsAvailable(deny, context([], { features: { catalogAdmin: { url: 'http://127.0.0.1:1', token: 'x' } } })),
    ).toBeUndefined();
  });

  it("catalog-config needs the wire proxy to give the scenario's clients an address of their own", () => {
    const i = instance(`name: g\ncatalog-config: { defaults: { a: b } }\nsteps:\n  - rest: { method: GET, path: /databases }\n`);
    expect(catalogConfigProxy(i, context([]))).toMatch(/^gives its clients a catalog configuration/);
    expect(catalogConfigProxy(i, context([], { features: WIRE_PROXY }))).toBeUndefined();
  });

  it('something of the scenario must run here: a catalog call or an engine of the cell', () => {
    const i = instance(`name: n\nsteps:\n  - on: flink\n    list-tables: {}\n`);
    expect(somethingRuns(i, context(['pypaimon']))).toBe('no engine of this scenario is available (flink: no Flink here)');
    expect(somethingRuns(i, context(['flink']))).toBeUndefined();
  });

  it('skipReason names the first rule that holds, in the documented order', () => {
    const i = instance(`name: o\nrequires: { engines: [flink], paimon: '>=9' }\nsteps:\n  - on: flink\n    list-tables: {}\n`);
    expect(skipReason(i, context(['pypaimon'], { paimonVersion: '1.4.2' }))).toBe('requires flink: no Flink here');
    expect(skipReason(i, context(['flink'], { paimonVersion: '1.4.2' }))).toBe('requires Paimon >=9; this cell runs 1.4.2');
    expect(skipReason(i, context(['flink'], { paimonVersion: '9.0.0' }))).toBeUndefined();
  });
});
