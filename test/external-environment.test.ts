import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import { provisionFlink, startFlinkCluster, type FlinkCluster } from '../harness/engines/index.ts';
import { versionRow } from '../harness/provisioning/index.ts';
import { startTestCatalog, testRunDir } from './support.ts';

const run = promisify(execFile);
const cli = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ['bin/paimon-interop.mjs', ...args], { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

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
    const file = join(dir, 'external.yaml');
    await writeFile(file, config(catalog.endpoint.uri));
    const r = await cli(
      { PI_TEST_CATALOG_TOKEN: token },
      'run',
      'scenarios/writes/writes-and-snapshots.yaml',
      'scenarios/catalog-api/database-lifecycle.yaml',
      '--env',
      'external',
      '--config',
      file,
      '--reports-dir',
      join(dir, 'reports'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('interop: 2 passed, 0 failed, 0 skipped');
    expect(r.out + r.err).not.toContain(token);
    const reports = /reports: (\S+)/.exec(r.out)![1]!;
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
    const file = join(dir, 'external.yaml');
    await writeFile(file, config(uri(catalog.endpoint.uri)));
    const r = await cli(
      env as Record<string, string>,
      'run',
      'scenarios/writes',
      '--env',
      'external',
      '--config',
      file,
      '--reports-dir',
      join(dir, 'reports'),
    );
    expect(r.code).toBe(2);
    const lines = r.err.split('\n').filter((l) => l.startsWith('environment error'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err).not.toContain('wrong-token-0000000');
  });

  it("runs the Flink steps on a user's own Flink SQL Gateway named in the config", async () => {
    // The "user's" Flink: a session cluster with Paimon's connector, started outside the harness.
    const install = await provisionFlink(versionRow(undefined)!, { python, progress: (m) => process.stderr.write(`[setup] ${m}\n`) });
    if ('unavailable' in install) throw new Error(install.unavailable);
    flink = await startFlinkCluster(install, { confDir: join(dir, 'users-flink'), logDir: dir });
    const file = join(dir, 'external.yaml');
    await writeFile(file, config(catalog.endpoint.uri, `  flink: { sql-gateway: '${flink.gatewayUrl}' }`));
    const r = await cli(
      { PI_TEST_CATALOG_TOKEN: token },
      'run',
      'scenarios/merge/merge-into.yaml',
      '--env',
      'external',
      '--config',
      file,
      '--reports-dir',
      join(dir, 'reports'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ .*merge-into\[merger=flink\]/);
    expect(r.err).toMatch(/flink: checking http:\/\/127\.0\.0\.1:\d+/);
    expect(r.out + r.err).not.toContain(token);
  });

  it('sends the requests of a Flink it starts itself through the wire proxy, so injected faults reach them', async () => {
    const file = join(dir, 'external.yaml');
    await writeFile(file, config(catalog.endpoint.uri, '  flink: local'));
    const r = await cli(
      { PI_TEST_CATALOG_TOKEN: token },
      'run',
      'scenarios/faults/commit-faults.yaml',
      '--engine',
      'flink,paimon-java,pypaimon',
      '--env',
      'external',
      '--config',
      file,
      '--reports-dir',
      join(dir, 'reports'),
    );
    // Every instance met its fault: none says the catalog never saw the faulted request.
    expect(r.out).not.toMatch(/never met/);
    expect(r.out).toMatch(/[✓≈] .*commit-faults\[fault=lost-answer,writer=flink\]/);
    expect(r.out + r.err).not.toContain(token);
  });

  it('reports an unreachable Flink SQL Gateway in one line, exit 2', async () => {
    const file = join(dir, 'external.yaml');
    await writeFile(file, config(catalog.endpoint.uri, "  flink: { sql-gateway: 'http://127.0.0.1:9' }"));
    const r = await cli(
      { PI_TEST_CATALOG_TOKEN: token },
      'run',
      'scenarios/merge/merge-into.yaml',
      '--env',
      'external',
      '--config',
      file,
      '--reports-dir',
      join(dir, 'reports'),
    );
    expect(r.code).toBe(2);
    const lines = r.err.split('\n').filter((l) => l.startsWith('environment error'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^environment error \[flink\] ENV_UNAVAILABLE: SQL Gateway http:\/\/127\.0\.0\.1:9 does not answer GET \/v1\/info/,
      ),
    ]);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
