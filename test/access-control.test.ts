import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessControlProxy, type AccessControlOptions } from '../harness/access-control/index.ts';
import { CatalogClient } from '../harness/catalog/index.ts';
import { createEngine, SCENARIO_ENGINES } from '../harness/engines/index.ts';
import type { StartedEnvironment } from '../harness/environment/index.ts';
import { LocalProvider } from '../harness/environment/local/index.ts';
import { loadKnownIssues } from '../harness/known-issues/index.ts';
import { runScenario, type RunContext } from '../harness/runner/index.ts';
import type { ScenarioResult } from '../harness/verdicts/index.ts';
import { expandScenario, loadScenarios } from '../harness/scenario/index.ts';
import { testRunDir } from './support.ts';

/**
 * The permission scenarios must be able to fail: with one grant removed, a scenario that needs
 * it fails; with an extra grant, a "must be denied" scenario fails. Real engines, real catalog.
 */
describe('the reference access-control layer', () => {
  let env: StartedEnvironment;
  let base: Omit<RunContext, 'authority'>;

  beforeAll(async () => {
    env = await new LocalProvider().start({ runDir: await testRunDir('acl'), engines: ['pypaimon', 'paimon-java'] });
    base = {
      runId: `acl${Date.now().toString(36)}`,
      engines: new Map(env.engines.map((e) => [e.engine, createEngine(e, { catalog: env.catalog, runId: 'e2e' })])),
      // Known issues are scoped by release: the cell's (env.paimonVersion, env.versions), as the suite has it.
      env,
      catalog: new CatalogClient(env.catalog),
      knownIssues: (await loadKnownIssues('known-issues.yaml')).issues,
    };
  });
  afterAll(async () => {
    await env?.stop();
  });

  async function runPermissionScenario(options: AccessControlOptions): Promise<ScenarioResult> {
    const suite = await loadScenarios(['scenarios/permissions/permission-denied.yaml'], SCENARIO_ENGINES);
    const proxy = await new AccessControlProxy(env.catalog, options).start();
    try {
      return await runScenario(expandScenario(suite.scenarios[0]!)[0]!, { ...base, authority: proxy });
    } finally {
      await proxy.stop();
    }
  }
  const failedStep = (r: ScenarioResult) => r.steps.find((s) => s.status === 'fail' || s.status === 'error')?.name;

  it('passes with the grants the scenario declares', async () => {
    const r = await runPermissionScenario({});
    expect(['pass', 'known']).toContain(r.status);
  });

  it('fails where a removed grant is needed', async () => {
    const r = await runPermissionScenario({
      tamperGrants: (who, grants) => (who === 'reader' ? grants.filter((g) => g.privilege !== 'SELECT') : grants),
    });
    expect(r.status).toBe('fail');
    expect(failedStep(r)).toBe('reading with SELECT works');
  });

  it('fails where an extra grant lets a denied action through', async () => {
    const r = await runPermissionScenario({
      tamperGrants: (who, grants) => (who === 'outsider' ? [...grants, { privilege: 'LIST', on: 'catalog' }] : grants),
    });
    expect(r.status).toBe('fail');
    expect(failedStep(r)).toBe("the catalog denies listing without LIST, in DLF's words");
  });

  it('rejects a principal whose DLF signature uses the wrong secret, on both clients', async () => {
    const proxy = await new AccessControlProxy(env.catalog).start();
    try {
      const creds = proxy.register('sig', { alice: { privileged: true } }).alice!;
      for (const engine of ['pypaimon', 'paimon-java']) {
        const e = base.engines.get(engine)!;
        const ok = await e.execute({ kind: 'list-tables' }, { database: 'missing_db', principal: creds });
        expect(ok.ok ? 'ok' : ok.error.errorClass).toBe('not-found'); // authenticated, then the database is missing
        const bad = await e.execute(
          { kind: 'list-tables' },
          { database: 'missing_db', principal: { ...creds, accessKeySecret: 'not-the-secret-0000' } },
        );
        expect(bad.ok ? 'ok' : bad.error.errorClass).toBe('unauthenticated');
      }
    } finally {
      await proxy.stop();
    }
  });
});
