import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessControlProxy } from '../harness/access-control/index.ts';
import { CatalogClient } from '../harness/catalog/index.ts';
import {
  createEngine,
  EngineUnavailableError,
  SCENARIO_ENGINES,
  type Engine,
  type EngineOutcome,
  type EngineRequest,
} from '../harness/engines/index.ts';
import type { StartedEnvironment } from '../harness/environment/index.ts';
import { LocalProvider } from '../harness/environment/local/index.ts';
import { loadKnownIssues } from '../harness/known-issues/index.ts';
import { checkInsert, runScenario, type RunContext } from '../harness/runner/index.ts';
import { expandScenario, loadScenarios } from '../harness/scenario/index.ts';
import { testRunDir } from './support.ts';

/**
 * Flink SQL on the embedded environment: a real Flink session cluster and SQL Gateway, reached
 * over the gateway's REST API, against the reference REST catalog. pypaimon and Paimon Java read
 * and write the same tables.
 */
describe('Flink through its SQL Gateway', () => {
  let env: StartedEnvironment;
  let runDir: string;
  let startSeconds: number;
  let catalog: CatalogClient;
  const engines = new Map<string, Engine>();
  const db = `pi_e2e_flink_${Date.now().toString(36)}`;

  beforeAll(async () => {
    runDir = await testRunDir('flink');
    const t = Date.now();
    env = await new LocalProvider().start({
      runDir,
      engines: ['pypaimon', 'paimon-java', 'flink'],
      onProgress: (m) => process.stderr.write(`[env] ${m}\n`),
    });
    startSeconds = (Date.now() - t) / 1000;
    for (const e of env.engines) engines.set(e.engine, createEngine(e, { catalog: env.catalog, runId: 'e2e' }));
    catalog = new CatalogClient(env.catalog);
    await catalog.createDatabase(db);
  });
  afterAll(async () => {
    await Promise.allSettled([...engines.values()].map((e) => e.close?.()));
    await catalog?.dropDatabase(db).catch(() => undefined);
    await env?.stop();
  });

  /** Runs a request as the runner does: inserts get their column types from the catalog. */
  const run = async (engine: string, request: EngineRequest): Promise<EngineOutcome> => {
    const typed = request.kind === 'insert' ? { ...request, columnTypes: (await checkInsert(request, catalog, db)).columnTypes } : request;
    return engines.get(engine)!.execute(typed, { database: db });
  };
  const rowsOf = (o: EngineOutcome) => {
    if (!o.ok) throw new Error(`${o.error.errorClass}: ${o.error.message}`);
    return o.result.rows;
  };
  const errorOf = (o: EngineOutcome) => (o.ok ? 'success' : o.error.errorClass);

  it('starts JobManager, TaskManager and SQL Gateway with the catalog and reports versions', () => {
    expect(env.engines.map((e) => e.engine).sort()).toEqual(['flink', 'paimon-java', 'pypaimon']);
    expect(env.versions.flink).toMatch(/^Flink 2\.0\.0 \+ paimon-flink-2\.0 1\.4\.2$/);
    expect(Object.keys(env.logs)).toEqual(expect.arrayContaining(['flink-jobmanager', 'flink-taskmanager', 'flink-sql-gateway']));
    process.stderr.write(`[flink] environment with Flink ready in ${startSeconds.toFixed(1)}s\n`);
  });

  const columns: [string, string][] = [
    ['id', 'INT'],
    ['d', 'DECIMAL(38, 18)'],
    ['ts', 'TIMESTAMP(9)'],
    ['ok', 'BOOLEAN'],
    ['s', 'STRING'],
  ];
  const rows = [
    [1, '12345678901234567890.123456789012345678', '2024-05-01 12:34:56.123456789', true, ''],
    [2, '-0.000000000000000001', '1970-01-01 00:00:00', false, 'NULL'],
    [3, null, null, null, null],
  ];
  const expected = [
    ['1', '12345678901234567890.123456789012345678', '2024-05-01 12:34:56.123456789', true, ''],
    ['2', '-0.000000000000000001', '1970-01-01 00:00:00.000000000', false, 'NULL'],
    ['3', null, null, null, null],
  ];

  it('Flink writes DECIMAL(38,18), TIMESTAMP(9), BOOLEAN, NULL and empty strings that pypaimon and Paimon Java read digit for digit', async () => {
    rowsOf(await run('flink', { kind: 'create-table', table: 'from_flink', columns }));
    rowsOf(await run('flink', { kind: 'insert', table: 'from_flink', rows }));
    for (const reader of ['flink', 'pypaimon', 'paimon-java']) {
      expect(rowsOf(await run(reader, { kind: 'read', table: 'from_flink', orderBy: ['id'] })), reader).toEqual(expected);
    }
    const read = await run('flink', { kind: 'read', table: 'from_flink', orderBy: ['id'] });
    expect(read.ok && read.result.columns.map((c) => c.engineType)).toEqual([
      'INT',
      'DECIMAL(38, 18)',
      'TIMESTAMP(9)',
      'BOOLEAN',
      'STRING',
    ]);
  });

  it('Flink reads what pypaimon wrote, with the same values', async () => {
    // ORC: Paimon's Java reader (which Flink uses) misreads pypaimon's parquet nanoseconds (known-issues.yaml).
    rowsOf(await run('pypaimon', { kind: 'create-table', table: 'from_python', columns, options: { 'file.format': 'orc' } }));
    rowsOf(await run('pypaimon', { kind: 'insert', table: 'from_python', rows }));
    expect(rowsOf(await run('flink', { kind: 'read', table: 'from_python', orderBy: ['id'] }))).toEqual(expected);
  });

  it('maps Flink errors to the canonical classes with the root message', async () => {
    const missing = await run('flink', { kind: 'read', table: 'nope' });
    expect(errorOf(missing)).toBe('not-found');
    expect(!missing.ok && missing.error.message).toMatch(/nope/);
    expect(!missing.ok && missing.error.message).not.toMatch(/Internal server error/);
    expect(errorOf(await run('flink', { kind: 'create-table', table: 'from_flink', columns }))).toBe('already-exists');
    expect(errorOf(await run('flink', { kind: 'sql', sql: 'SELEC 1' }))).toBe('invalid-argument');
    const merge = await run('flink', {
      kind: 'sql',
      sql: `CALL paimon.sys.merge_into(target_table => '${db}.from_flink', source_table => '${db}.from_python', merge_condition => 'from_flink.id = from_python.id', matched_upsert_setting => '*', not_matched_insert_values => '*')`,
    });
    expect(errorOf(merge)).toBe('unsupported');
  });

  it('denies a principal on Flink as on the other engines, and the denied write changes nothing', async () => {
    const suite = await loadScenarios(['scenarios/permissions/permission-denied.yaml'], SCENARIO_ENGINES);
    const proxy = await new AccessControlProxy(env.catalog, {}).start();
    try {
      const context: RunContext = {
        runId: `flk${Date.now().toString(36)}`,
        engines,
        env,
        catalog,
        knownIssues: (await loadKnownIssues('known-issues.yaml')).issues,
        authority: proxy,
      };
      const result = await runScenario(expandScenario(suite.scenarios[0]!)[0]!, context);
      const onFlink = (step: string) => result.steps.find((s) => s.name === step)?.engines.find((e) => e.engine === 'flink');
      for (const step of [
        'listing tables without LIST is denied',
        'reading without SELECT is denied',
        'inserting without INSERT is denied',
        'dropping without DROP is denied',
      ]) {
        expect(onFlink(step), step).toMatchObject({ status: 'pass', error: { errorClass: 'permission-denied' } });
      }
      expect(onFlink('the denied writes changed nothing')?.status).toBe('pass');
      expect(['pass', 'known']).toContain(result.status);
    } finally {
      await proxy.stop();
    }
  });

  it("never writes the catalog's or a principal's secret to a statement record, a message or a log", async () => {
    const secret = env.catalog.auth.provider === 'bear' ? env.catalog.auth.token : '';
    expect(secret.length).toBeGreaterThan(10);
    const outcome = await run('flink', { kind: 'read', table: 'nope' });
    expect(JSON.stringify(outcome)).not.toContain(secret);
    // A DLF-signing principal: its access key secret goes into that session's CREATE CATALOG.
    const proxy = await new AccessControlProxy(env.catalog, {}).start();
    let principalSecret = '';
    try {
      const { auditor } = proxy.register(db, { auditor: { privileged: true } });
      principalSecret = auditor!.accessKeySecret!;
      const asPrincipal = await engines.get('flink')!.execute({ kind: 'read', table: 'nope' }, { database: db, principal: auditor });
      expect(asPrincipal.ok ? 'success' : asPrincipal.error.errorClass).toBe('not-found');
      expect(JSON.stringify(asPrincipal)).not.toContain(principalSecret);
    } finally {
      await proxy.stop();
    }
    expect(principalSecret.length).toBeGreaterThan(10);
    const logDir = join(runDir, 'logs');
    for (const file of await readdir(logDir)) {
      const text = await readFile(join(logDir, file), 'utf8');
      expect(text, file).not.toContain(secret);
      expect(text, file).not.toContain(principalSecret);
    }
  });

  // Destructive: runs last.
  it('a killed TaskManager is an infrastructure error naming its log; a later scenario still runs its other engines', async () => {
    const confDir = join(runDir, 'flink-conf');
    execFileSync('pkill', ['-9', '-f', `TaskManagerRunner --configDir ${confDir}`]);
    const t = Date.now();
    const lost = await run('flink', { kind: 'insert', table: 'from_flink', rows: [[9, null, null, null, null]] }).then(
      (outcome) => new Error(`answered instead of failing: ${JSON.stringify(outcome)}`),
      (err: unknown) => err,
    );
    expect((lost as Error).message).toMatch(/no TaskManager/);
    expect(lost).toBeInstanceOf(EngineUnavailableError);
    expect((lost as Error).message).toContain('flink-taskmanager.log');
    process.stderr.write(`[flink] lost TaskManager reported after ${((Date.now() - t) / 1000).toFixed(1)}s\n`);

    const suite = await loadScenarios(['test/fixtures/flink/after-taskmanager-loss.yaml'], SCENARIO_ENGINES);
    const result = await runScenario(expandScenario(suite.scenarios[0]!)[0]!, {
      runId: `flk${Date.now().toString(36)}`,
      engines,
      env: { ...env, unavailable: {} },
      catalog,
    });
    expect(result.status).toBe('error');
    const read = result.steps.at(-1)!;
    expect(read.engines.find((e) => e.engine === 'pypaimon')?.status).toBe('pass');
    expect(read.engines.find((e) => e.engine === 'paimon-java')?.status).toBe('pass');
    expect(read.engines.find((e) => e.engine === 'flink')).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/no TaskManager/),
    });
  });
});
