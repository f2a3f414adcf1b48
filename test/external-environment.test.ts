import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import { provisionFlink, startFlinkCluster, type FlinkCluster } from '../harness/engines/index.ts';
import { versionRow } from '../harness/provisioning/index.ts';
import { runNode, startTestCatalog, testRunDir } from './support.ts';

/** `--env external` against a catalog that is already running (started here by hand). */
describe('external environment', () => {
  let catalog: ReferenceCatalog;
  let flink: FlinkCluster | undefined;
  let python: string;
  let dir: string;
  const token = 'external-test-token-000111';
  const config = (uri: string, extra = '') =>
    [
      'catalog:',
      `  uri: ${uri}`,
      '  warehouse: paimon_interop',
      '  auth: { provider: bear, token-env: PI_TEST_CATALOG_TOKEN }',
      'engines:',
      '  pypaimon: local',
      '  paimon-java: local',
      extra,
    ].join('\n');
  /** `paimon-interop <args> --env external` with `configText` as its config, the reports in the test's folder. */
  const runExternal = async (env: Record<string, string>, configText: string, ...args: string[]) => {
    const file = join(dir, 'external.yaml');
    await writeFile(file, configText);
    return runNode(['bin/paimon-interop.mjs', ...args, '--env', 'external', '--config', file, '--reports-dir', join(dir, 'reports')], env);
  };

  beforeAll(async () => {
    dir = await testRunDir('external');
    const started = await startTestCatalog(dir, { provider: 'bear', token });
    catalog = started.catalog;
    python = started.prov.python;
  });
  afterAll(async () => {
    await Promise.allSettled((flink?.processes ?? []).map((p) => p.stop()));
    await catalog?.process.stop();
  });

  it('runs scenarios against the running catalog with local clients', async () => {
    const r = await runExternal(
      { PI_TEST_CATALOG_TOKEN: token },
      config(catalog.endpoint.uri),
      'run',
      'scenarios/writes/writes-and-snapshots.yaml',
      'scenarios/catalog-api/database-lifecycle.yaml',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('interop: 2 passed, 0 failed, 0 skipped');
    expect(r.stdout + r.stderr).not.toContain(token);
    const reports = /reports: (\S+)/.exec(r.stdout)![1]!;
    for (const f of ['raw-results.json', 'summary.md', 'matrix.html', 'junit.xml'])
      expect(await readFile(join(reports, f), 'utf8')).not.toContain(token);
    const allure = await readdir(join(reports, 'allure-results'));
    expect(allure.length).toBeGreaterThan(0);
    for (const f of allure) expect(await readFile(join(reports, 'allure-results', f), 'utf8')).not.toContain(token);
  });

  it.each([
    [
      'a secret variable that is not set',
      {},
      (uri: string) => uri,
      /ENV_CONFIG: .*external\.yaml: catalog\.auth\.token-env names the environment variable PI_TEST_CATALOG_TOKEN, which is not set/,
    ],
    [
      'a wrong credential',
      { PI_TEST_CATALOG_TOKEN: 'wrong-token-0000000' },
      (uri: string) => uri,
      /\[catalog\] ENV_CONFIG: .*rejected the credentials \(HTTP 401\)/,
    ],
    [
      'an unreachable endpoint',
      { PI_TEST_CATALOG_TOKEN: token },
      () => 'http://127.0.0.1:9/',
      /\[catalog\] ENV_UNAVAILABLE: http:\/\/127\.0\.0\.1:9\/ .*unreachable/,
    ],
  ])('reports %s in one line, exit 2, no stack, no secret', async (_, env, uri, pattern) => {
    const r = await runExternal(env as Record<string, string>, config(uri(catalog.endpoint.uri)), 'run', 'scenarios/writes');
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('environment error'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('wrong-token-0000000');
  });

  it("runs the Flink steps on a user's own Flink SQL Gateway named in the config", async () => {
    // The "user's" Flink: a session cluster with Paimon's connector, started outside the harness.
    const install = await provisionFlink(versionRow(undefined)!, { python, progress: (m) => process.stderr.write(`[setup] ${m}\n`) });
    if ('unavailable' in install) throw new Error(install.unavailable);
    flink = await startFlinkCluster(install, { confDir: join(dir, 'users-flink'), logDir: dir });
    const r = await runExternal(
      { PI_TEST_CATALOG_TOKEN: token },
      config(catalog.endpoint.uri, `  flink: { sql-gateway: '${flink.gatewayUrl}' }`),
      'run',
      'scenarios/merge/merge-into.yaml',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ .*merge-into\[merger=flink\]/);
    expect(r.stderr).toMatch(/flink: checking http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout + r.stderr).not.toContain(token);
  });

  it('sends the requests of a Flink it starts itself through the wire proxy, so injected faults reach them', async () => {
    const r = await runExternal(
      { PI_TEST_CATALOG_TOKEN: token },
      config(catalog.endpoint.uri, '  flink: local'),
      'run',
      'scenarios/faults/commit-faults.yaml',
      '--engine',
      'flink,paimon-java,pypaimon',
    );
    // Every instance met its fault: none says the catalog never saw the faulted request.
    expect(r.stdout).not.toMatch(/never met/);
    expect(r.stdout).toMatch(/[✓≈] .*commit-faults\[fault=lost-answer,writer=flink\]/);
    expect(r.stdout + r.stderr).not.toContain(token);
  });

  it('reports an unreachable Flink SQL Gateway in one line, exit 2', async () => {
    const r = await runExternal(
      { PI_TEST_CATALOG_TOKEN: token },
      config(catalog.endpoint.uri, "  flink: { sql-gateway: 'http://127.0.0.1:9' }"),
      'run',
      'scenarios/merge/merge-into.yaml',
    );
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('environment error'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^environment error \[flink\] ENV_UNAVAILABLE: SQL Gateway http:\/\/127\.0\.0\.1:9 does not answer GET \/v1\/info/,
      ),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
