import { describe, expect, it } from 'vitest';
import { capabilityClaim, claimSourceText, specCapabilities, UnknownCapabilityError } from './index.ts';
import { checkResponse } from './check-response.ts';
import { clientFamily, tallyOperations } from './operation-tally.ts';
import { operationOf, operationsOf, REST_OPERATIONS } from './rest-operations.ts';
import { RESPONSE_SCHEMA_NAMES } from './response-schemas.ts';

describe('rest operations', () => {
  it('names the operation of a request by method and path, literals before parameters', () => {
    expect(operationOf('POST', '/v1/pfx/tables/rename')?.id).toBe('renameTable');
    expect(operationOf('GET', '/v1/pfx/tables/id/abc')?.id).toBe('getTableById');
    expect(operationOf('GET', '/v1/pfx/databases/db/tables/t/snapshots?maxResults=2')?.id).toBe('listSnapshots');
    expect(operationOf('GET', '/v1/pfx/databases/db/tables/t/snapshots/3')?.id).toBe('getVersionSnapshot');
    expect(operationOf('POST', '/v1/pfx/databases/db/tables/t/partitions/list-by-names')?.id).toBe('listPartitionsByNames');
    expect(operationOf('POST', '/v1/pfx/databases/db')?.id).toBe('alterDatabase');
    expect(operationOf('GET', '/v1/config?warehouse=w')?.id).toBe('getConfig');
    expect(operationOf('PUT', '/v1/pfx/databases')).toBeUndefined();
    expect(operationOf('GET', '/v1/pfx/databases/db/tables/t/nothing-here')).toBeUndefined();
  });

  it('has one entry per method and path, and a schema for every 200 answer it names', () => {
    const keys = REST_OPERATIONS.map((o) => `${o.method} ${o.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const op of REST_OPERATIONS) if (op.ok) expect(RESPONSE_SCHEMA_NAMES).toContain(op.ok);
  });

  it('counts the operations each release specifies (56 in 2.0.0, 53 in 1.4, 30 in 1.1)', () => {
    expect(operationsOf('2.0.0')).toHaveLength(56);
    expect(operationsOf('1.4.2')).toHaveLength(53);
    expect(operationsOf('1.1.1')).toHaveLength(30);
    expect(operationsOf('1.1.1').map((o) => o.id)).not.toContain('listFunctions');
    expect(operationsOf('2.0.0+pypaimon-2.1.0')).toHaveLength(56);
  });
});

describe('response schemas', () => {
  it('accepts an answer shaped as the specification says, nulls for absent optional fields included', () => {
    expect(checkResponse('GET', '/v1/p/databases', 200, { databases: ['a'], nextPageToken: null }).problems).toEqual([]);
    expect(
      checkResponse('GET', '/v1/p/databases/d/tables/t', 200, {
        name: 't',
        schemaId: 0,
        schema: { fields: [{ id: 0, name: 'id', type: 'INT' }], comment: null },
      }).problems,
    ).toEqual([]);
  });

  it('names where an answer departs from its schema', () => {
    const c = checkResponse('GET', '/v1/p/databases', 200, { databases: 'a' });
    expect(c.schema).toBe('ListDatabasesResponse');
    expect(c.operation?.id).toBe('listDatabases');
    expect(c.problems).toEqual(['body.databases: must be array']);
    expect(checkResponse('GET', '/v1/p/databases/d/tables', 200, { tables: ['a', 3] }).problems).toEqual([
      'body.tables[1]: must be string',
    ]);
    expect(
      checkResponse('GET', '/v1/p/databases/d/tables/t/snapshot', 200, {
        snapshot: { snapshot: { id: 1, schemaId: 0, commitKind: 'MERGE', timeMillis: 1 } },
      }).problems[0],
    ).toMatch(/^body\.snapshot\.snapshot\.commitKind: must be equal to one of the allowed values/);
  });

  it('checks error bodies against ErrorResponse, whose code must be the HTTP status', () => {
    expect(
      checkResponse('GET', '/v1/p/databases/x', 404, { code: 404, message: 'no', resourceType: 'DATABASE', resourceName: 'x' }).problems,
    ).toEqual([]);
    expect(checkResponse('GET', '/v1/p/databases/x', 401, '').problems).toEqual(['body: must be object']);
    expect(checkResponse('GET', '/v1/p/databases/x', 404, { code: 500, message: 'no' }).problems).toEqual([
      'body.code: 500, but the HTTP status is 404',
    ]);
    expect(checkResponse('GET', '/v1/p/databases/x', 404, { code: 404, message: 'no', resourceType: 'CATALOG' }).problems).toHaveLength(1);
  });

  it('checks nothing for a path outside the specification or an answer the specification gives no body', () => {
    expect(checkResponse('GET', '/elsewhere', 200, 'x')).toEqual({ problems: [] });
    expect(checkResponse('DELETE', '/v1/p/databases/x', 200, null).problems).toEqual([]);
  });
});

describe('capability claims', () => {
  it("claims what a release's specification defines, authentication unless anonymous", () => {
    expect(specCapabilities('1.1.1', 'bear')).not.toContain('functions');
    expect(specCapabilities('1.1.1', 'bear')).toContain('authentication');
    expect(specCapabilities('2.0.0', 'none')).not.toContain('authentication');
    expect(specCapabilities('1.4.2', 'dlf')).toEqual(
      expect.arrayContaining(['core', 'pagination', 'tags', 'views', 'functions', 'table-by-id', 'consumers']),
    );
    expect(capabilityClaim(undefined, '1.3.1', 'bear')).toEqual({ claimed: specCapabilities('1.3.1', 'bear'), source: 'specification' });
  });

  it('takes a listed claim as is, and refuses a name it does not know', () => {
    expect(capabilityClaim(['views', 'core'], '2.0.0', 'bear')).toEqual({ claimed: ['core', 'views'], source: 'config' });
    expect(() => capabilityClaim(['core', 'teleport'], '2.0.0', 'bear')).toThrow(UnknownCapabilityError);
  });

  it('narrows to what the server implements, within its specification, unless a claim is listed', () => {
    expect(capabilityClaim(undefined, '1.1.1', 'bear', ['core', 'partitions', 'consumers'])).toEqual({
      claimed: ['core', 'partitions'],
      source: 'implementation',
    });
    expect(capabilityClaim(['views'], '1.4.2', 'bear', ['core'])).toEqual({ claimed: ['views'], source: 'config' });
    expect(claimSourceText('implementation', '1.4.2')).toBe('what the catalog server implements of the Paimon 1.4.2 specification');
    expect(claimSourceText('specification')).toBe("everything its release's specification defines");
  });
});

describe('operation tally', () => {
  it('folds wire counts into operations by client family', () => {
    // Families as the engines' registry gives them (engine-registry.test.ts checks that list).
    const families = [
      { userAgent: /python-requests|pypaimon/i, family: 'pypaimon' },
      { userAgent: /Apache-HttpClient|okhttp|Java/i, family: 'java (paimon-java, flink)' },
      { userAgent: /^paimon-rust/i, family: 'paimon-rust' },
    ];
    const t = tallyOperations(
      [
        { method: 'GET', path: '/v1/p/databases/a', status: 200, client: 'python-requests/2.34.2', count: 2 },
        { method: 'GET', path: '/v1/p/databases/b', status: 200, client: 'python-requests/2.34.2', count: 1 },
        { method: 'GET', path: '/v1/p/databases/b', status: 404, count: 1 },
        { method: 'GET', path: '/v1/p/odd', status: 404, client: 'paimon-rust/0.4.0(reqwest)', count: 1 },
      ],
      families,
    );
    expect(t).toEqual([
      { operation: 'GET /v1/p/odd', status: 404, client: 'paimon-rust', count: 1 },
      { operation: 'getDatabase', status: 200, client: 'pypaimon', count: 3 },
      { operation: 'getDatabase', status: 404, client: 'harness', count: 1 },
    ]);
    expect(clientFamily('Apache-HttpClient/5.5.1 (Java/17.0.15)', families)).toBe('java (paimon-java, flink)');
    expect(clientFamily('curl/8.5.0', families)).toBe('curl');
  });
});
