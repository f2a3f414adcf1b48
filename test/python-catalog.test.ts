import { beforeAll, describe, expect, it } from 'vitest';
import { conformanceReportOf, provisionRow, rawResultsOf, runNode, testRunDir } from './support.ts';

const cli = (args: string[]) => runNode(['bin/paimon-interop.mjs', ...args]);

/** `--catalog python`: the suite against pypaimon's own RESTCatalogServer, a second reference implementation. */
describe('the Python reference catalog (--catalog python)', () => {
  // `conformance` starts every local engine of the row; on a cold machine the downloads belong in a hook.
  beforeAll(() => provisionRow(undefined));

  it("runs scenarios against pypaimon's RESTCatalogServer, named as its own axis in the cell", async () => {
    const dir = await testRunDir('python-catalog');
    const r = await cli([
      'run',
      'scenarios/writes/writes-and-snapshots.yaml',
      '--catalog',
      'python',
      '--engine',
      'pypaimon,paimon-java',
      '--reports-dir',
      dir,
    ]);
    expect(r.stderr).toContain('starting the Python (pypaimon) reference REST catalog');
    expect(r.code).toBe(0);
    const raw = await rawResultsOf(dir, r.stdout);
    expect(raw.cells[0]).toMatchObject({
      id: 'local/paimon-1.4.2@python-catalog',
      catalogServer: 'python',
      versions: { catalog: 'pypaimon RESTCatalogServer 1.4.2' },
    });
    expect(raw.scenarios[0]!.status).toBe('pass');
    // The writes went through that server: the snapshots listing is its own answer.
    expect(raw.scenarios[0]!.steps.find((s) => s.name === 'three snapshots with growing record counts')?.status).toBe('pass');
  });

  it("gives the conformance verdict of what pypaimon's server implements, its gaps recorded", async () => {
    const dir = await testRunDir('python-catalog-conformance');
    const r = await cli(['conformance', '--catalog', 'python', '--reports-dir', dir]);
    expect(r.stdout).toMatch(/conformance: every claimed capability passed or is a known deviation/);
    expect(r.code).toBe(0);
    const report = await conformanceReportOf(dir, r.stdout);
    const [cell] = report.cells;
    expect(cell!.claimSource).toBe('what the catalog server implements of the Paimon 1.4.2 specification');
    const verdict = Object.fromEntries(cell!.capabilities.map((c) => [c.capability, c.verdict]));
    expect(verdict).toMatchObject({
      'data-token': 'pass',
      authentication: 'known',
      partitions: 'known',
      views: 'not claimed',
      branches: 'not claimed',
      snapshots: 'not claimed',
    });
    expect(cell!.knownDeviations.map((d) => d.id)).toEqual(
      expect.arrayContaining(['python-catalog-accepts-any-credential', 'python-catalog-rename-keeps-source-table']),
    );
    // Whatever it claims, its answers were checked on the wire: the unclaimed routes were never called.
    expect(cell!.endpoints.find((e) => e.operation === 'createView')!.covered).toBe(false);
    expect(cell!.endpoints.find((e) => e.operation === 'getTableToken')!.byClient.harness).toMatchObject({ 200: expect.any(Number) });
  });

  it('says in one line what is wrong with the flag', async () => {
    expect((await cli(['run', '--catalog', 'ruby'])).stderr).toMatch(/--catalog takes java or python \(got 'ruby'\)/);
    const external = await cli(['run', '--catalog', 'python', '--env', 'external']);
    expect(external.code).toBe(1);
    expect(external.stderr).toMatch(/--catalog python .* needs --env local/);
    // Before 1.4 pypaimon's server cannot serve a client's write: refused before anything starts.
    const early = await cli(['run', 'scenarios/conformance/databases.yaml', '--catalog', 'python', '--paimon', '1.3.1']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(
      /ENV_CONFIG: --catalog python: pypaimon 1\.3\.1's RESTCatalogServer routes config, databases, tables and commit only .*\(Paimon 1\.4\.2\)$/m,
    );
    expect(early.stderr).not.toMatch(/\n\s+at /);
  });
});
