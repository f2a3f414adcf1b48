import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { FAULT_NAMES } from '../scenario/index.ts';
import { databaseOf } from './run-prefix.ts';
import { mergeConfigAnswer } from './config-profile.ts';
import { closeConfigProfile, FAULT_KINDS, openConfigProfile, redactBody, wireFaultStates, WireProxy } from './wire-proxy.ts';

describe('wire trace bodies', () => {
  it('replaces the values of secret keys at any depth and keeps every digit of 64-bit numbers', () => {
    const body =
      '{"token":{"fs.oss.accessKeyId":"LTAIabc","fs.oss.accessKeySecret":"s3cr3t-value","fs.oss.securityToken":"tok"},"expiresAtMillis":1795457274246,"commitIdentifier":9223372036854775807}';
    const out = redactBody(body)!;
    expect(out).not.toMatch(/s3cr3t-value|LTAIabc|"tok"/);
    expect(out).toContain('"fs.oss.accessKeySecret":"***"');
    expect(out).toContain('"commitIdentifier":9223372036854775807');
    expect(out).toContain('"expiresAtMillis":1795457274246');
    expect(redactBody('{"items":[{"password":"p4ssw0rd!","name":"x"}]}')).toBe('{"items":[{"password":"***","name":"x"}]}');
  });

  it('cuts long bodies, keeps plain text, and has nothing for an empty body', () => {
    expect(redactBody('x'.repeat(5000))).toMatch(/^x{2000} … \(5000 characters\)$/);
    expect(redactBody('Not Found')).toBe('Not Found');
    expect(redactBody('')).toBeUndefined();
  });

  it('attributes a request to the database its path names', () => {
    expect(databaseOf('/v1/p/databases/pi_x/tables/t/commit')).toBe('pi_x');
    expect(databaseOf('/v1/p/databases/pi%5Fy?maxResults=1')).toBe('pi_y');
    expect(databaseOf('/v1/p/databases')).toBeUndefined();
    expect(databaseOf('/v1/config?warehouse=w')).toBeUndefined();
  });

  it('injects exactly the faults scenarios can name (the scenario layer keeps its own list: it knows no proxy)', () => {
    expect([...FAULT_KINDS]).toEqual([...FAULT_NAMES]);
  });
});

describe('throttled faults', () => {
  it('note a retry that comes sooner than Retry-After, and not one that waits', async () => {
    // Test double of a catalog: answers every request 200 with an empty object.
    const upstreamDouble = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => upstreamDouble.listen(0, '127.0.0.1', resolve));
    const proxy = await new WireProxy({
      uri: `http://127.0.0.1:${(upstreamDouble.address() as AddressInfo).port}/`,
      warehouse: 'w',
      auth: { provider: 'none' },
    }).start();
    const commit = async (db: string) => {
      const res = await request(new URL(`v1/w/databases/${db}/tables/t/commit`, proxy.url), { method: 'POST', body: '{}' });
      await res.body.dump();
      return { status: res.statusCode, retryAfter: res.headers['retry-after'] };
    };
    try {
      proxy.addFault({ database: 'pi_hasty', method: 'POST', path: '^/tables/t/commit$', kind: 'throttled' });
      expect(await commit('pi_hasty')).toEqual({ status: 429, retryAfter: '1' });
      expect((await commit('pi_hasty')).status).toBe(200);
      const [hasty] = await wireFaultStates(proxy.traceEndpoint, 'pi_hasty');
      expect(hasty).toMatchObject({ left: 0, earlyRetriesMs: [expect.any(Number)] });
      expect(hasty!.earlyRetriesMs[0]).toBeLessThan(1000);

      proxy.addFault({ database: 'pi_patient', method: 'POST', path: '^/tables/t/commit$', kind: 'throttled' });
      expect((await commit('pi_patient')).status).toBe(429);
      await new Promise((r) => setTimeout(r, 1050));
      expect((await commit('pi_patient')).status).toBe(200);
      // Only the first request after a 429 is its retry.
      expect((await commit('pi_patient')).status).toBe(200);
      expect(await wireFaultStates(proxy.traceEndpoint, 'pi_patient')).toMatchObject([{ left: 0, earlyRetriesMs: [] }]);
    } finally {
      await proxy.stop();
      upstreamDouble.close();
    }
  });
});

describe('faults after the catalog applied a request', () => {
  it('forward the request, then answer 500 or 503 in place of the catalog', async () => {
    // Test double of a catalog: counts what reaches it, answers 200.
    let applied = 0;
    const upstreamDouble = createServer((_req, res) => {
      applied++;
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstreamDouble.listen(0, '127.0.0.1', resolve));
    const proxy = await new WireProxy({
      uri: `http://127.0.0.1:${(upstreamDouble.address() as AddressInfo).port}/`,
      warehouse: 'w',
      auth: { provider: 'none' },
    }).start();
    const commit = async () => {
      const res = await request(new URL('v1/w/databases/pi_x/tables/t/commit', proxy.url), { method: 'POST', body: '{}' });
      return { status: res.statusCode, body: (await res.body.json()) as { code?: number; ok?: boolean } };
    };
    try {
      proxy.addFault({ database: 'pi_x', method: 'POST', path: '^/tables/t/commit$', kind: 'applied-then-500' });
      expect(await commit()).toMatchObject({ status: 500, body: { code: 500 } });
      expect(applied).toBe(1);
      proxy.addFault({ database: 'pi_x', method: 'POST', path: '^/tables/t/commit$', kind: 'applied-then-503' });
      expect(await commit()).toMatchObject({ status: 503, body: { code: 503 } });
      expect(applied).toBe(2);
      // The fault is transient: the next request gets the catalog's own answer.
      expect(await commit()).toEqual({ status: 200, body: { ok: true } });
    } finally {
      await proxy.stop();
      upstreamDouble.close();
    }
  });
});

describe('config profiles', () => {
  it("answer GET /v1/config with a scenario's defaults and overrides on an address of its own, and pass everything else", async () => {
    // Test double of a catalog: its config has a prefix and one default; other paths echo themselves.
    const upstreamDouble = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        req.url?.startsWith('/v1/config') ? '{"defaults":{"prefix":"w","a":"catalog"},"overrides":{}}' : JSON.stringify({ path: req.url }),
      );
    });
    await new Promise<void>((resolve) => upstreamDouble.listen(0, '127.0.0.1', resolve));
    const proxy = await new WireProxy({
      uri: `http://127.0.0.1:${(upstreamDouble.address() as AddressInfo).port}/`,
      warehouse: 'w',
      auth: { provider: 'none' },
    }).start();
    try {
      const get = async (base: string, path: string) => (await (await request(new URL(path, base))).body.json()) as Record<string, unknown>;
      const url = await openConfigProfile(proxy.traceEndpoint, 'pi_cfg', { defaults: { a: 'scenario', b: '1' }, overrides: { c: '2' } });
      expect(url).not.toBe(proxy.url);
      expect(await get(url, 'v1/config?warehouse=w')).toEqual({ defaults: { prefix: 'w', a: 'scenario', b: '1' }, overrides: { c: '2' } });
      expect(await get(url, 'v1/w/databases/pi_cfg')).toEqual({ path: '/v1/w/databases/pi_cfg' });
      // The main address is untouched.
      expect(await get(proxy.url, 'v1/config?warehouse=w')).toEqual({ defaults: { prefix: 'w', a: 'catalog' }, overrides: {} });
      // Requests through the scenario's address are in the trace like any other.
      expect(proxy.trace('pi_cfg', 0, Date.now()).map((e) => e.path)).toEqual(['/v1/w/databases/pi_cfg']);
      await closeConfigProfile(proxy.traceEndpoint, 'pi_cfg');
      await expect(request(new URL('v1/config', url))).rejects.toThrow();
    } finally {
      await proxy.stop();
      upstreamDouble.close();
    }
  });

  it('leave a config answer that is not a JSON object as it is', () => {
    expect(mergeConfigAnswer('oops', { defaults: { a: '1' } })).toBe('oops');
    expect(mergeConfigAnswer('[1]', { defaults: { a: '1' } })).toBe('[1]');
    expect(JSON.parse(mergeConfigAnswer('{"defaults":{"a":"0"}}', { overrides: { b: '1' } }))).toEqual({
      defaults: { a: '0' },
      overrides: { b: '1' },
    });
  });
});
