import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { conformanceReportOf, provisionRow, rawResultsOf, reportedRunDir, runNode, testRunDir } from './support.ts';

const cli = (args: string[]) => runNode(['bin/paimon-interop.mjs', ...args]);

/**
 * `paimon-interop conformance` against the local reference catalog (Paimon's Java
 * RESTCatalogServer, default row): every claimed capability passes or is a known deviation, the
 * report covers the specification's operations, and every answer was checked against its schema.
 */
describe('paimon-interop conformance', () => {
  // The command starts every local engine of a row; on a cold machine the downloads belong in a hook.
  beforeAll(async () => {
    for (const row of ['1.4.2', '2.0.0']) await provisionRow(row);
  });

  it('gives every capability the reference catalog claims a verdict earned by its scenarios (1.4.2 and 2.0.0 rows)', async () => {
    const dir = await testRunDir('conformance');
    const r = await cli(['conformance', '--paimon', '1.4.2,2.0.0', '--reports-dir', dir]);
    expect(r.stdout).toMatch(/conformance: every claimed capability passed or is a known deviation/);
    expect(r.code).toBe(0);
    const runDir = reportedRunDir(dir, r.stdout);
    const report = await conformanceReportOf(dir, r.stdout);
    expect(report.cells.map((c) => c.paimon).sort()).toEqual(['1.4.2', '2.0.0']);
    const cell = report.cells.find((c) => c.paimon === '1.4.2');
    expect(cell!.claimSource).toMatch(/specification/);
    const verdict = Object.fromEntries(cell!.capabilities.map((c) => [c.capability, c.verdict]));
    // 1.4.2 specifies all of these; each was exercised, and the reference server's deviations are recorded ones.
    for (const c of ['data-token', 'query-auth', 'global-listing', 'table-by-id', 'partitions', 'consumers', 'views'])
      expect([c, verdict[c]]).toEqual([c, 'pass']);
    for (const c of ['core', 'pagination', 'snapshots', 'rollback', 'register-table', 'branches', 'tags', 'functions', 'authentication'])
      expect([c, verdict[c]]).toEqual([c, 'known']);
    expect(cell!.knownDeviations.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'java-catalog-401-without-error-body',
        'java-catalog-register-table-never-answers',
        'java-catalog-new-branch-holds-main-snapshot',
      ]),
    );
    // Coverage against the 1.4 specification's 53 operations, counted on the wire: every one called.
    expect(cell!.endpoints).toHaveLength(53);
    expect(cell!.endpoints.filter((e) => !e.covered).map((e) => e.operation)).toEqual([]);
    // A request the catalog never answered still counts, as 'no answer' (status 0).
    expect(cell!.endpoints.find((e) => e.operation === 'registerTable')!.byClient.harness).toMatchObject({ 0: 1 });
    expect(cell!.endpoints.find((e) => e.operation === 'commitTable')!.byClient['java (paimon-java, flink)']).toMatchObject({
      200: expect.any(Number),
    });
    expect(cell!.endpoints.find((e) => e.operation === 'listDatabases')!.byClient.harness).toBeDefined();
    // 2.0.0: the three partition operations it adds were called too (56 of 56), and the deviations
    // only its server has are the recorded ones.
    const next = report.cells.find((c) => c.paimon === '2.0.0')!;
    expect(next.endpoints).toHaveLength(56);
    expect(next.endpoints.filter((e) => !e.covered).map((e) => e.operation)).toEqual([]);
    expect(next.endpoints.find((e) => e.operation === 'dropPartitions')!.byClient.harness).toMatchObject({ 200: 1, 404: 1 });
    const verdict2 = Object.fromEntries(next.capabilities.map((c) => [c.capability, c.verdict]));
    expect(verdict2).toMatchObject({ partitions: 'known', branches: 'known', views: 'pass', 'data-token': 'pass' });
    expect(next.knownDeviations.map((d) => d.id)).toEqual(
      expect.arrayContaining(['java-catalog-2-0-commit-drops-registered-partitions', 'java-catalog-2-0-branch-rename-not-listed']),
    );
    const md = await readFile(join(runDir, 'conformance.md'), 'utf8');
    expect(md).toContain('| views | ✅ pass |');
    expect(await readFile(join(runDir, 'conformance.html'), 'utf8')).toContain('<h3>Endpoints</h3>');
    // Pages really were pages: the listing walked more than one.
    const raw = await rawResultsOf(dir, r.stdout);
    const paged = raw.scenarios
      .find((s) => s.name === 'conformance-databases' && s.cell.includes('1.4.2'))!
      .steps.find((s) => s.name === 'listing in pages of two reaches all six')!;
    expect(paged.engines[0]!.statement).toMatch(/maxResults=2, [3-9] page\(s\)/);
  });

  it('skips what the catalog does not claim, and refuses a capability it does not know', async () => {
    const dir = await testRunDir('conformance-claim');
    const r = await cli([
      'conformance',
      'scenarios/conformance/views.yaml',
      'scenarios/conformance/databases.yaml',
      '--capabilities',
      'core,pagination',
      '--reports-dir',
      dir,
    ]);
    const raw = await rawResultsOf(dir, r.stdout);
    expect(raw.scenarios.find((s) => s.name === 'conformance-views')).toMatchObject({
      status: 'skip',
      reason: expect.stringMatching(/exercises views, which the catalog does not claim \(capabilities listed/),
    });
    const report = await conformanceReportOf(dir, r.stdout);
    const verdict = Object.fromEntries(report.cells[0]!.capabilities.map((c) => [c.capability, c.verdict]));
    expect(verdict).toMatchObject({ core: 'pass', pagination: 'pass', views: 'not claimed', functions: 'not claimed' });
    expect(r.code).toBe(0);
    const bad = await cli(['conformance', '--capabilities', 'core,teleport']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^paimon-interop: --capabilities: unknown 'teleport' \(known: core, /);
  });
});
