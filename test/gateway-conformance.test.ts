import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogClient } from '../harness/catalog/index.ts';
import { callGateway, gatewayBody, paimonRustRequest, type EngineRequest } from '../harness/engines/index.ts';
import type { StartedEnvironment } from '../harness/environment/index.ts';
import { LocalProvider } from '../harness/environment/local/index.ts';
import { testRunDir } from './support.ts';

/**
 * Every gateway of ours speaks one written protocol (harness/gateways/gateway-protocol.schema.json):
 * the requests the harness sends and each gateway's replies are validated against it, for every
 * portable action and for an error, on the real gateways.
 */
describe('gateway protocol conformance', async () => {
  const schema = JSON.parse(await readFile('harness/gateways/gateway-protocol.schema.json', 'utf8'));
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  ajv.addSchema(schema);
  const check = (def: string, value: unknown) => {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`)!;
    const ok = validate(value);
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  let env: StartedEnvironment;
  const db = `pi_e2e_proto_${Date.now().toString(36)}`;
  beforeAll(async () => {
    env = await new LocalProvider().start({ runDir: await testRunDir('protocol'), engines: ['pypaimon', 'paimon-java', 'paimon-rust'] });
    await new CatalogClient(env.catalog).createDatabase(db);
  });
  afterAll(async () => {
    await env?.stop();
  });

  const script = (t: string): EngineRequest[] => [
    {
      kind: 'create-table',
      table: t,
      columns: [
        ['id', 'INT'],
        ['d', 'DECIMAL(38, 18)'],
        ['s', 'STRING'],
      ],
      options: { 'file.format': 'parquet' },
    },
    {
      kind: 'insert',
      table: t,
      rows: [
        [1, '1.5', 'a'],
        [2, null, ''],
      ],
      columnTypes: ['INT', 'DECIMAL(38, 18)', 'STRING'],
    },
    { kind: 'insert', table: t, columns: ['id'], rows: [[3]] },
    { kind: 'read', table: t },
    { kind: 'read', table: t, columns: ['s'], orderBy: ['id'] },
    // A filter and a limit, sent in a session time zone (the body's timeZone).
    {
      kind: 'read',
      table: t,
      where: {
        op: 'or',
        args: [
          { op: '>', column: 'id', value: 1 },
          { op: 'is-null', column: 'd' },
        ],
      },
      limit: 5,
    },
    { kind: 'read-incremental', table: t, start: 1, end: 2 },
    { kind: 'list-snapshots', table: t },
    { kind: 'list-tables' },
    { kind: 'alter-table', table: t, change: { kind: 'set-options', options: { 'snapshot.num-retained.max': '20' } } },
    { kind: 'read', table: 'no_such_table' },
    { kind: 'drop-table', table: t },
  ];

  // paimon-rust's gateway takes what its adapter sends: DataFusion SQL, and incremental reads as actions.
  const wire = (engine: string, req: EngineRequest) => (engine === 'paimon-rust' ? paimonRustRequest(req, db) : req);

  it.each(['pypaimon', 'paimon-java', 'paimon-rust'])('%s answers ping and every portable action within the protocol', async (engine) => {
    const endpoint = env.engines.find((e) => e.engine === engine)!;
    const ping = (await (await request(`${endpoint.url}/ping`)).body.json()) as unknown;
    expect(check('pingReply', ping)).toEqual([]);
    const replies = [];
    for (const req of script(`proto_${engine.replace('-', '_')}`)) {
      const body = gatewayBody(wire(engine, req)!, {
        database: db,
        ...(req.kind === 'read' && req.where ? { timeZone: 'Asia/Kathmandu' } : {}),
      });
      expect(check('executeRequest', body), `${engine} request ${req.kind}`).toEqual([]);
      const reply = await callGateway(engine, endpoint.url, '/execute', body);
      expect(check('executeReply', reply), `${engine} reply to ${req.kind}: ${JSON.stringify(reply).slice(0, 300)}`).toEqual([]);
      replies.push(reply);
    }
    // The error case is an answer (ok: false), not a transport failure; the others succeed.
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, true, true, true, true, true, true, true, false, true]);
    expect(replies[3]!.rows).toHaveLength(3);
    // id > 1 OR d IS NULL: rows 2 and 3.
    expect(replies[5]!.rows).toHaveLength(2);
  });

  it('rejects requests outside the protocol (the schema can fail)', () => {
    expect(check('executeRequest', { request: { kind: 'read' }, database: db })).not.toEqual([]);
    expect(check('executeRequest', { request: { kind: 'read', table: 't' }, database: db, credentials: { token: 1 } })).not.toEqual([]);
    expect(check('executeReply', { ok: true, rows: [] })).not.toEqual([]);
    expect(check('executeReply', { ok: false, error: {} })).not.toEqual([]);
    expect(
      check('executeRequest', { request: { kind: 'read', table: 't', where: { op: 'like', column: 's' } }, database: db }),
    ).not.toEqual([]);
  });
});
