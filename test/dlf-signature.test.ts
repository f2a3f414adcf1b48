import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import { startTestCatalog, testRunDir } from './support.ts';

const run = promisify(execFile);

/**
 * The reference catalog in DLF mode re-signs every request with its own AK/SK (Paimon's
 * DLFDefaultSigner) and answers 401 on a mismatch. pypaimon's DLF client signs the requests.
 */
describe('DLF signature authentication on the reference catalog', () => {
  let catalog: ReferenceCatalog;
  let python: string;
  const ak = 'LTAI-interop-test-ak';
  const sk = 'interop-test-secret-0123456789';

  beforeAll(async () => {
    const dir = await testRunDir('dlf');
    const started = await startTestCatalog(dir, { provider: 'dlf', accessKeyId: ak, accessKeySecret: sk, region: 'cn-hangzhou' });
    catalog = started.catalog;
    python = started.prov.python;
  });
  afterAll(async () => {
    await catalog?.process.stop();
  });

  const client = (secret: string) =>
    run(python, [join('test', 'fixtures', 'dlf', 'dlf_client.py')], {
      env: { ...process.env, URI: catalog.endpoint.uri, WAREHOUSE: catalog.endpoint.warehouse, REGION: 'cn-hangzhou', AK: ak, SK: secret },
    }).then(
      (r) => r.stdout.trim(),
      (e: { stdout: string }) => e.stdout.trim(),
    );

  it('accepts a request signed with the right secret', async () => {
    expect(await client(sk)).toBe('OK');
  });

  it('rejects a request signed with a wrong secret as not authorized', async () => {
    const out = await client('wrong-secret-000000000000000');
    expect(out).toMatch(/^ERROR NotAuthorizedException/);
    expect(out).not.toContain('wrong-secret-000000000000000');
  });
});
