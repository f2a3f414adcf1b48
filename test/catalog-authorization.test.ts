import { describe, expect, it } from 'vitest';
import { provisionDefault, rawResultsOf, runNode, testRunDir } from './support.ts';

/**
 * The catalog's own authorization: the Java reference server's no-permission list (not the
 * harness's access-control proxy) forbids a table, then the database; the clients surface the
 * catalog's 403 as permission-denied, nothing is written, and the database is still dropped
 * at the end (the denial is undone with the scenario).
 */
describe("the catalog's own denials (catalog-deny)", () => {
  it("every client surfaces the catalog's 403 as permission-denied, in the catalog's words, and nothing is written", async () => {
    await provisionDefault();
    const dir = await testRunDir('catalog-deny');
    const r = await runNode([
      'bin/paimon-interop.mjs',
      'run',
      'scenarios/permissions/catalog-denies.yaml',
      '--engine',
      'pypaimon,paimon-java',
      '--reports-dir',
      dir,
    ]);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const raw = await rawResultsOf(dir, r.stdout);
    const s = raw.scenarios[0]!;
    expect(s.status).toBe('pass');
    expect(s.reason).toBeUndefined(); // no "cleanup of … failed": the denial ended with the scenario
    const step = (name: string) => s.steps.find((x) => x.name === name)!;
    for (const name of ['reading the forbidden table is denied', 'writing the forbidden table is denied']) {
      const java = step(name).engines.find((e) => e.engine === 'paimon-java')!;
      expect(java).toMatchObject({
        status: 'pass',
        error: { errorClass: 'permission-denied', message: expect.stringMatching(/^Forbidden: Table .*\.ledger/) },
      });
      expect(step(name).engines.find((e) => e.engine === 'pypaimon')).toMatchObject({
        status: 'pass',
        error: { errorClass: 'permission-denied' },
      });
    }
    expect(step('nothing was written (read past the catalog, on the warehouse)').status).toBe('pass');
    expect(step('listing the forbidden database is denied').engines.every((e) => e.error?.errorClass === 'permission-denied')).toBe(true);
  });
});
