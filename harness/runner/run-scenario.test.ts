import { describe, expect, it } from 'vitest';
import {
  EngineUnavailableError,
  withStepTimeout,
  type Engine,
  type EngineOutcome,
  type EngineRequest,
  type StepContext,
} from '../engines/index.ts';
import { evaluatePredicate, parseType } from '../values/index.ts';
import { expandScenario, loadScenarios } from '../scenario/index.ts';
import type { KnownIssue } from '../known-issues/index.ts';
import type { EnvironmentDescriptor } from '../environment/index.ts';
import type { RunContext } from './run-context.ts';
import { runScenario } from './run-scenario.ts';

/**
 * TEST DOUBLE, not an engine: an in-process table store that lets the runner be tested
 * without real engines. It is never registered as an adapter or offered to users.
 */
class TestDoubleEngine implements Engine {
  constructor(
    readonly name: string,
    private readonly tables: Map<string, { columns: [string, string][]; rows: unknown[][] }>,
    private readonly tamper: (rows: unknown[][]) => unknown[][] = (r) => r,
  ) {}

  async execute(req: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    const key = `${ctx.database}.${'table' in req ? req.table : ''}`;
    const empty = { columns: [], rows: [] };
    if (req.kind === 'create-table') {
      if (!this.tables.has(key)) this.tables.set(key, { columns: req.columns, rows: [] });
      return { ok: true, result: empty };
    }
    const table = this.tables.get(key);
    if (!table) return { ok: false, error: { errorClass: 'not-found', message: `${key} does not exist` } };
    if (req.kind === 'insert') {
      table.rows.push(...req.rows);
      return { ok: true, result: empty };
    }
    if (req.kind === 'read') {
      const idx = table.columns.findIndex(([n]) => n === req.orderBy?.[0]);
      const rows = [...table.rows].sort((a, b) => (idx < 0 ? 0 : Number(a[idx]) - Number(b[idx])));
      return {
        ok: true,
        result: {
          columns: table.columns.map(([name, type]) => ({ name, type: parseType(type) })),
          rows: this.tamper(rows).map((r) => r.map((v, i) => (table.columns[i]![1] === 'INT' ? String(v) : v))) as never,
        },
      };
    }
    return { ok: false, error: { errorClass: 'unsupported', message: req.kind } };
  }
}

/** TEST DOUBLE: an engine whose adapter has a defect (throws a plain error, not an engine error). */
class CrashingDouble implements Engine {
  readonly name = 'double-b';
  async execute(): Promise<EngineOutcome> {
    throw new TypeError("Cannot read properties of undefined (reading 'rows')");
  }
}

/** TEST DOUBLE: an engine that never answers. */
class HangingDouble implements Engine {
  readonly name = 'double-b';
  calls = 0;
  execute(): Promise<EngineOutcome> {
    this.calls++;
    return new Promise(() => {});
  }
}

/** Test double: its requests never answer, but its process does (a ping answers): a hang inside a live engine. */
class HangingLiveDouble extends HangingDouble {
  pings = 0;
  async ping(): Promise<boolean> {
    this.pings++;
    return true;
  }
}

class BrokenDouble implements Engine {
  readonly name = 'double-b';
  async execute(): Promise<EngineOutcome> {
    throw new EngineUnavailableError('double-b', 'gateway unreachable');
  }
}

async function instances() {
  const suite = await loadScenarios(['test/fixtures/runner'], { knownEngines: ['double-a', 'double-b', 'double-absent'] });
  expect(suite.problems).toEqual([]);
  return Object.fromEntries(suite.scenarios.flatMap(expandScenario).map((i) => [i.scenario.name, i]));
}

/** The fixture environment: nothing but the double engines, one of them absent. */
const ENV: EnvironmentDescriptor = {
  provider: 'test',
  paimonVersion: '1.4.2',
  catalog: { uri: 'http://127.0.0.1:1', warehouse: 'w', auth: { provider: 'none' } },
  engines: [],
  unavailable: { 'double-absent': 'not in the fixture environment' },
  logs: {},
  versions: {},
  scratchRoot: '/tmp/pi-runner-test',
  features: {},
};

function context(engines: Engine[], env: Partial<EnvironmentDescriptor> = {}): RunContext {
  return { runId: 'test', env: { ...ENV, ...env }, engines: new Map(engines.map((e) => [e.name, e])) };
}

describe('runScenario with test doubles', () => {
  it('passes when both engines read the shared table the same way', async () => {
    const shared = new Map();
    const r = await runScenario(
      (await instances())['fixture-roundtrip']!,
      context([new TestDoubleEngine('double-a', shared), new TestDoubleEngine('double-b', shared)]),
    );
    expect(r.status).toBe('pass');
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(r.database).toMatch(/^pi_test_fixture_roundtrip_/);
  });

  it('fails with a located diff when an engine returns other rows', async () => {
    const shared = new Map();
    const liar = new TestDoubleEngine('double-b', shared, (rows) => rows.map((r) => [r[0], r[1], !r[2]]));
    const r = await runScenario((await instances())['fixture-roundtrip']!, context([new TestDoubleEngine('double-a', shared), liar]));
    expect(r.status).toBe('fail');
    const step = r.steps[2]!;
    expect(step.loc).toMatchObject({ file: 'test/fixtures/runner/roundtrip.yaml', line: 8 });
    expect(step.engines.map((e) => e.status)).toEqual(['pass', 'fail']);
    expect(step.disagreements[0]!.aspect).toBe('agree double-a~double-b');
    expect(r.failure).toContain('test/fixtures/runner/roundtrip.yaml:8:5');
    expect(r.failure).toContain('on double-b');
    expect(r.failure).toContain('- 1 | a | true');
    expect(r.failure).toContain('+ 1 | a | false');
  });

  it('reports an unreachable engine as an environment error, not a failed expectation', async () => {
    const r = await runScenario(
      (await instances())['fixture-roundtrip']!,
      context([new TestDoubleEngine('double-a', new Map()), new BrokenDouble()]),
    );
    expect(r.status).toBe('error');
    expect(r.steps[0]!.engines[1]).toMatchObject({ engine: 'double-b', status: 'error', reason: 'double-b: gateway unreachable' });
  });

  it('skips with the reason when a required engine is absent, and records engines a step had to skip', async () => {
    const all = await instances();
    const skipped = await runScenario(all['fixture-needs-absent']!, context([]));
    expect(skipped).toMatchObject({ status: 'skip', reason: 'requires double-absent: not in the fixture environment' });
    const partial = await runScenario(all['fixture-roundtrip']!, context([new TestDoubleEngine('double-a', new Map())]));
    expect(partial.status).toBe('pass');
    expect(partial.steps[2]!.skippedEngines).toEqual([{ engine: 'double-b', reason: 'not in this environment' }]);
  });
});

/** TEST DOUBLE: TestDoubleEngine that applies a read's filter and projection as the harness evaluates them. */
class FilteringDouble extends TestDoubleEngine {
  override async execute(req: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    const out = await super.execute(req.kind === 'read' ? { ...req, columns: undefined } : req, ctx);
    if (req.kind !== 'read' || !out.ok) return out;
    const kept = req.where ? out.result.rows.filter((r) => evaluatePredicate(req.where!, r, out.result.columns) === true) : out.result.rows;
    const at = (req.columns ?? out.result.columns.map((c) => c.name)).map((c) => out.result.columns.findIndex((rc) => rc.name === c));
    return { ...out, result: { columns: at.map((i) => out.result.columns[i]!), rows: kept.map((r) => at.map((i) => r[i]!)) } };
  }
}

describe('expect.filtered', () => {
  it("passes when the engine's filtered read is its unfiltered read filtered by the harness, projection included", async () => {
    const r = await runScenario((await instances())['fixture-filtered']!, context([new FilteringDouble('double-a', new Map())]));
    expect(r.steps[2]).toMatchObject({ status: 'pass' });
  });

  it('fails, naming both row counts, when the engine returns rows the filter rejects', async () => {
    // The plain double ignores the filter: all 3 rows, where the harness keeps 2.
    const r = await runScenario((await instances())['fixture-filtered']!, context([new TestDoubleEngine('double-a', new Map())]));
    expect(r.status).toBe('fail');
    const aspects = r.steps[2]!.engines[0]!.failures.map((f) => f.aspect);
    expect(aspects).toContain("filtered (the engine's unfiltered read, 3 row(s), filtered by the harness: 2 row(s))");
  });
});

describe('runScenario with known issues', () => {
  const liar = (shared: ConstructorParameters<typeof TestDoubleEngine>[1]) =>
    new TestDoubleEngine('double-b', shared, (rows) => rows.map((r) => [r[0], r[1], !r[2]]));
  const entry = {
    id: 'double-b-flips',
    scenario: 'fixture-roundtrip',
    step: 'read back',
    engine: 'double-b',
    layer: 'reader' as const,
    signature: '\\+ 1 \\| a \\| false',
    reason: 'flips booleans',
  };

  it('reports a failure an entry explains as a known deviation, not a failure', async () => {
    const shared = new Map();
    const ctx = { ...context([new TestDoubleEngine('double-a', shared), liar(shared)]), knownIssues: [entry], today: '2026-11-21' };
    const r = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(r.status).toBe('known');
    expect(r.steps[2]!.engines[1]).toMatchObject({ status: 'known', known: { id: 'double-b-flips' } });
    expect(r.steps[2]!.disagreements).toEqual([]);
  });

  it('fails loudly when a known deviation no longer happens', async () => {
    const shared = new Map();
    const ctx = {
      ...context([new TestDoubleEngine('double-a', shared), new TestDoubleEngine('double-b', shared)]),
      knownIssues: [entry],
      today: '2026-11-21',
    };
    const r = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(r.status).toBe('fail');
    expect(r.failure).toContain('known issue double-b-flips');
    expect(r.failure).toContain('remove the entry from known-issues.yaml');
  });

  it('stops after a step whose every engine failed as a known deviation, instead of failing the steps built on it', async () => {
    const shared = new Map();
    // TEST DOUBLE: double-a refuses writes, as an engine lacking a write feature does.
    const refusing = new TestDoubleEngine('double-a', shared);
    const execute = refusing.execute.bind(refusing);
    refusing.execute = async (req, ctx) =>
      req.kind === 'insert' ? { ok: false, error: { errorClass: 'unsupported', message: 'cannot write this format' } } : execute(req, ctx);
    const cannotWrite = {
      id: 'double-a-cannot-write',
      scenario: 'fixture-roundtrip',
      step: 'insert #2',
      engine: 'double-a',
      layer: 'writer' as const,
      signature: 'cannot write',
      reason: 'no writer',
    };
    const ctx = { ...context([refusing, new TestDoubleEngine('double-b', shared)]), knownIssues: [cannotWrite], today: '2026-11-21' };
    const r = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(r.status).toBe('known');
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'known']);
    expect(r.reason).toContain('stopped after step 2 "insert #2"');
  });

  it('ignores an entry whose signature does not match, or that expired', async () => {
    for (const e of [
      { ...entry, signature: 'something else' },
      { ...entry, expires: '2026-01-01' },
    ]) {
      const shared = new Map();
      const ctx = { ...context([new TestDoubleEngine('double-a', shared), liar(shared)]), knownIssues: [e], today: '2026-11-21' };
      expect((await runScenario((await instances())['fixture-roundtrip']!, ctx)).status).toBe('fail');
    }
  });
});

describe('every instance ends in the results with a status', () => {
  it('a harness crash inside a step is an error with the stack kept for the report', async () => {
    const r = await runScenario(
      (await instances())['fixture-roundtrip']!,
      context([new TestDoubleEngine('double-a', new Map()), new CrashingDouble()]),
    );
    expect(r.status).toBe('error');
    expect(r.reason).toMatch(/^harness error at step 1 "create-table #1" \(test\/fixtures\/runner\/roundtrip.yaml:4:5\)/);
    expect(r.harnessError?.stack).toContain('TypeError');
    expect(r.failure).not.toContain('    at ');
    expect(r.steps).toEqual([]);
  });

  it('a hung engine is an error after the step timeout, and later steps on it fail at once', async () => {
    const hanging = new HangingDouble();
    const ctx = context([new TestDoubleEngine('double-a', new Map()), withStepTimeout(hanging, 200)]);
    const t0 = performance.now();
    const first = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(first.status).toBe('error');
    expect(first.steps[0]!.engines[1]!.reason).toMatch(/no answer to create-table within 0.2s/);
    const second = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(second.steps[0]!.engines[1]!.reason).toMatch(/stopped answering earlier/);
    expect(hanging.calls).toBe(1);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('a request that hangs in an engine that still answers a ping is a timeout verdict, and the engine keeps serving', async () => {
    const hanging = new HangingLiveDouble();
    const ctx = context([new TestDoubleEngine('double-a', new Map()), withStepTimeout(hanging, 200)]);
    const first = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(first.status).toBe('fail');
    expect(first.steps[0]!.engines[1]).toMatchObject({ status: 'fail', error: { errorClass: 'timeout' } });
    expect(first.steps[0]!.engines[1]!.infrastructure).toBeUndefined();
    await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(hanging.calls).toBe(2);
    expect(hanging.pings).toBe(2);
  });

  it('evidence taken at the hang travels with the step, dead or alive, and the failure text shows its digest once', async () => {
    const evidence = {
      dir: '/tmp/evidence/x',
      files: [{ component: 'double-b', what: 'thread dump' as const, path: '/tmp/evidence/x/d.txt' }],
      digest: ['double-b (JVM pid 1): 3 threads'],
    };
    const seen: string[] = [];
    const onHang = async (engine: string) => (seen.push(engine), evidence);
    const live = await runScenario(
      (await instances())['fixture-roundtrip']!,
      context([new TestDoubleEngine('double-a', new Map()), withStepTimeout(new HangingLiveDouble(), 200, onHang)]),
    );
    expect(live.steps[0]!.engines[1]).toMatchObject({ error: { errorClass: 'timeout' }, evidence });
    expect(live.failure).toContain('evidence taken at the hang (1 file(s) in /tmp/evidence/x):\n      double-b (JVM pid 1): 3 threads');
    const dead = await runScenario(
      (await instances())['fixture-roundtrip']!,
      context([new TestDoubleEngine('double-a', new Map()), withStepTimeout(new HangingDouble(), 200, onHang)]),
    );
    expect(dead.steps[0]!.engines[1]).toMatchObject({ status: 'error', infrastructure: true, evidence });
    expect(seen).toEqual(['double-b', 'double-b']);
  });

  it('a hang entry classifies the timeout and cuts the wait to its own limit', async () => {
    const hanging = new HangingLiveDouble();
    const hang: KnownIssue = {
      id: 'create-hangs',
      kind: ['create-table', 'read'],
      engine: 'double-b',
      timeout: 0.1,
      signature: 'no answer to (create-table|read) within 0.1s',
      layer: 'catalog',
      reason: 'hangs',
    };
    const ctx = {
      ...context([new TestDoubleEngine('double-a', new Map()), withStepTimeout(hanging, 60_000)]),
      knownIssues: [hang],
      today: '2026-11-23',
    };
    const t0 = performance.now();
    const r = await runScenario((await instances())['fixture-roundtrip']!, ctx);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.status).toBe('known');
    expect(r.steps.map((s) => s.engines.map((e) => e.status))).toEqual([['pass', 'known'], ['pass'], ['pass', 'known']]);
    expect(r.steps[0]!.engines[1]).toMatchObject({ known: { id: 'create-hangs' }, error: { errorClass: 'timeout' } });
    expect(r.steps[0]!.engines[1]!.durationMs).toBeLessThan(1_000);
  });

  it('requires.paimon skips a cell outside the range, with the reason; inside it runs', async () => {
    const instance = (await instances())['fixture-requires-paimon']!;
    expect(await runScenario(instance, context([new TestDoubleEngine('double-a', new Map())], { paimonVersion: '1.3.1' }))).toMatchObject({
      status: 'skip',
      reason: 'requires Paimon >=1.4; this cell runs 1.3.1',
    });
    expect((await runScenario(instance, context([new TestDoubleEngine('double-a', new Map())], { paimonVersion: '1.4.2' }))).status).toBe(
      'pass',
    );
    const cross = await runScenario(instance, {
      ...context([new TestDoubleEngine('double-a', new Map())], { paimonVersion: '1.4.2' }),
      writerPaimonVersion: '1.3.1',
    });
    expect(cross.status).toBe('skip');
  });

  it('requires.capabilities skips where no engine of the environment has the capability', async () => {
    const r = await runScenario(
      (await instances())['fixture-requires-capability']!,
      context([new TestDoubleEngine('double-a', new Map())]),
    );
    expect(r).toMatchObject({ status: 'skip' });
    expect(r.reason).toContain('requires an engine with merge-into');
  });
});
