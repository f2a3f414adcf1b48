import { describe, expect, it } from 'vitest';
import { provisionDefault, rawResultsOf, runNode, testRunDir } from './support.ts';

const cli = (args: string[]) => runNode(['bin/paimon-interop.mjs', ...args]);

/** `--catalog python`: the suite against pypaimon's own RESTCatalogServer, a second reference implementation. */
describe('the Python reference catalog (--catalog python)', () => {
  it('runs scenarios against pypaimon\'s RESTCatalogServer, named as its own axis in the cell', async () => {
    await provisionDefault(['pypaimon', 'paimon-java']);
    const dir = await testRunDir('python-catalog');
    const r = await cli(['run', 'scenarios/writes/writes-and-snapshots.yaml', '--catalog', 'python', '--engine', 'pypaimon,paimon-java', '--reports-dir', dir]);
    expect(r.stderr).toContain('starting the Python (pypaimon) reference REST catalog');
    expect(r.code).toBe(0);
    const raw = await rawResultsOf(dir, r.stdout);
    expect(raw.cells[0]).toMatchObject({ id: 'local/paimon-1.4.2@python-catalog', catalogServer: 'python', versions: { catalog: 'pypaimon RESTCatalogServer 1.4.2' } });
    expect(raw.scenarios[0]!.status).toBe('pass');
    // The writes went through that server: the snapshots listing is its own answer.
    expect(raw.scenarios[0]!.steps.find((s) => s.name === 'three snapshots with growing record counts')?.status).toBe('pass');
  });

  it('says in one line what is wrong with the flag', async () => {
    expect((await cli(['run', '--catalog', 'ruby'])).stderr).toMatch(/--catalog takes java or python \(got 'ruby'\)/);
    const external = await cli(['run', '--catalog', 'python', '--env', 'external']);
    expect(external.code).toBe(1);
    expect(external.stderr).toMatch(/--catalog python .* needs --env local/);
  });
});
