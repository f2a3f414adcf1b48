import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogClient } from '../harness/catalog/index.ts';
import type { ReferenceCatalog } from '../harness/environment/local/index.ts';
import { startTestCatalog, testRunDir } from './support.ts';

/** The launcher exposes RESTCatalogServer's own no-permission hooks on a token-guarded admin port. */
describe('reference catalog admin hooks', () => {
  let catalog: ReferenceCatalog;
  let client: CatalogClient;

  beforeAll(async () => {
    const dir = await testRunDir('admin');
    ({ catalog } = await startTestCatalog(dir, { provider: 'bear', token: 'admin-test-token-0001' }));
    client = new CatalogClient(catalog.endpoint);
    await client.createDatabase('pi_test_locked');
    await client.createDatabase('pi_test_open');
  });
  afterAll(async () => {
    await catalog?.process.stop();
  });

  const admin = (path: string, token = catalog.admin.token) =>
    request(`${catalog.admin.url}${path}`, { method: 'POST', headers: { 'x-admin-token': token } }).then((r) => r.statusCode);

  it('refuses admin calls without the admin token', async () => {
    expect(await admin('/no-permission/database?database=pi_test_open', 'wrong')).toBe(403);
    expect((await client.raw('GET', await client.resource('/databases/pi_test_open/tables'))).status).toBe(200);
  });

  it('makes a database forbidden: the catalog then answers 403 for it and only for it', async () => {
    expect(await admin('/no-permission/database?database=pi_test_locked')).toBe(200);
    const denied = await client.raw('GET', await client.resource('/databases/pi_test_locked/tables'));
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ code: 403, resourceType: 'DATABASE', resourceName: 'pi_test_locked' });
    expect((await client.raw('GET', await client.resource('/databases/pi_test_open/tables'))).status).toBe(200);
  });
});
