import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { provision } from '../harness/provisioning/provision.ts';
import { versionRow } from '../harness/provisioning/version-table.ts';

/** A fresh folder under reports/ for one e2e test file (kept for inspection, git-ignored). */
export async function testRunDir(name: string): Promise<string> {
  return mkdtemp(join(resolve('reports'), `e2e-${name}-`));
}

/** Provisions the default Paimon version (cached: a second call downloads nothing). */
export async function provisionDefault(engines: string[] = ['pypaimon']) {
  return provision(versionRow(undefined)!, { progress: (m) => process.stderr.write(`[setup] ${m}\n`), engines });
}
