import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireEntry } from '../harness/catalog/index.ts';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import type { RawResults } from '../harness/verdicts/index.ts';
import { startTestCatalog, rawResultsOf, reportedRunDir, runNode, testRunDir } from './support.ts';

const TOKEN = 'wire-trace-catalog-token-0001';

/** Every file under a folder, recursively, as text. */
async function allText(dir: string): Promise<string> {
  let out = '';
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out += await allText(p);
    else if (!e.name.endsWith('.v8')) out += await readFile(p, 'utf8');
  }
  return out;
}

/**
 * Engines reach a vendor's catalog (here the reference server with a known bearer token, as an
 * external environment) through the harness's wire proxy: a failing step's report shows its
 * requests, and no secret of the catalog, of its data tokens or of a signature is anywhere in it.
 */
describe('wire traces of failing steps', () => {
  let catalog: ReferenceCatalog;
  let reports: string;
  let raw: RawResults;
  let everything: string;

  beforeAll(async () => {
    const dir = await testRunDir('wire');
    ({ catalog } = await startTestCatalog(dir, { provider: 'bear', token: TOKEN }));
    const config = join(dir, 'external.yaml');
    await writeFile(
      config,
      [
        'paimon: 1.4.2',
        'catalog:',
        `  uri: ${catalog.endpoint.uri}`,
        `  warehouse: ${catalog.endpoint.warehouse}`,
        '  auth: { provider: bear, token-env: WIRE_TEST_TOKEN }',
        'engines:',
        '  pypaimon: local',
        '  paimon-java: local',
        '',
      ].join('\n'),
    );
    reports = await mkdtemp(join(tmpdir(), 'pi-wire-'));
    const r = await runNode(
      [
        'bin/paimon-interop.mjs',
        'run',
        'test/fixtures/wire',
        '--env',
        'external',
        '--config',
        config,
        '--reports-dir',
        reports,
        '--known-issues',
        'test/fixtures/no-known-issues.yaml',
      ],
      { WIRE_TEST_TOKEN: TOKEN },
    );
    expect(r.code).toBe(1);
    const runDir = reportedRunDir(reports, r.stdout);
    raw = await rawResultsOf(reports, r.stdout);
    everything = await allText(runDir);
  }, 600_000);
  afterAll(async () => {
    await catalog?.process.stop();
  });

  const failingStep = (name: string) => raw.scenarios.find((s) => s.name === name)!.steps.find((s) => s.status === 'fail')!;

  it("a failing read carries the engines' requests for its database, oldest first, with who sent them", () => {
    const scenario = raw.scenarios.find((s) => s.name === 'wire-trace-wrong-rows')!;
    const wire = failingStep('wire-trace-wrong-rows').wire as WireEntry[];
    expect(wire.length).toBeGreaterThan(0);
    for (const w of wire) expect(w.path).toContain(`/databases/${scenario.database}/`);
    expect(wire.some((w) => w.method === 'GET' && /\/tables\/t(\?|$)/.test(w.path) && w.status === 200)).toBe(true);
    expect(wire.map((w) => w.at)).toEqual([...wire.map((w) => w.at)].sort((a, b) => a - b));
    expect(new Set(wire.map((w) => w.client?.split('/')[0]))).toContain('python-requests');
    // The snapshot as the catalog sent it: a 64-bit commit identifier keeps every digit.
    expect(wire.find((w) => w.path.endsWith('/tables/t/snapshot'))?.response).toContain('"commitIdentifier":9223372036854775807');
    // Passing steps keep no trace; the failure text names the requests.
    expect(scenario.steps.filter((s) => s.status === 'pass').every((s) => s.wire === undefined)).toBe(true);
    expect(scenario.failure).toMatch(/wire: \d+ request\(s\) to the catalog during the step/);
  });

  it("a data token's secret is replaced in the trace; no credential or signature is in any report", () => {
    const token = failingStep('wire-trace-data-token').wire!.find((w) => w.path.endsWith('/tables/t/token'))!;
    expect(token.status).toBe(200);
    expect(token.response).toContain('"akSecret":"***"');
    expect(token.response).toMatch(/"akId":"akId\d+"/);
    expect(everything).not.toMatch(/akSecret\d+/);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toMatch(/Bearer |DLF4-HMAC-SHA256|Signature=/);
  });
});
