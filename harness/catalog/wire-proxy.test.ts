import { describe, expect, it } from 'vitest';
import { FAULT_NAMES } from '../scenario/index.ts';
import { databaseOf } from './run-prefix.ts';
import { FAULT_KINDS, redactBody } from './wire-proxy.ts';

describe('wire trace bodies', () => {
  it('replaces the values of secret keys at any depth and keeps every digit of 64-bit numbers', () => {
    const body = '{"token":{"fs.oss.accessKeyId":"LTAIabc","fs.oss.accessKeySecret":"s3cr3t-value","fs.oss.securityToken":"tok"},"expiresAtMillis":1795457274246,"commitIdentifier":9223372036854775807}';
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

