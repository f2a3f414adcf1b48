import { describe, expect, it } from 'vitest';
import { allows, denialMessage, requiredPrivilege } from './grants.ts';

describe('requiredPrivilege', () => {
  it.each([
    ['GET', 'config', undefined],
    ['GET', 'databases', 'LIST CATALOG catalog'],
    ['POST', 'databases', 'CREATE CATALOG catalog'],
    ['GET', 'databases/db', 'LIST DATABASE db'],
    ['DELETE', 'databases/db', 'DROP DATABASE db'],
    ['GET', 'databases/db/tables', 'LIST DATABASE db'],
    ['POST', 'databases/db/tables', 'CREATE DATABASE db'],
    ['GET', 'databases/db/tables/t', 'SELECT|INSERT TABLE db.t'],
    ['POST', 'databases/db/tables/t', 'ALTER TABLE db.t'],
    ['DELETE', 'databases/db/tables/t', 'DROP TABLE db.t'],
    ['POST', 'databases/db/tables/t/commit', 'INSERT TABLE db.t'],
    ['GET', 'databases/db/tables/t/snapshot', 'SELECT|INSERT TABLE db.t'],
    ['POST', 'tables/rename', 'ALTER CATALOG catalog'],
  ])('%s %s needs %s', (method, path, expected) => {
    const r = requiredPrivilege(method, path);
    expect(r ? `${r.privileges.join('|')} ${r.resourceType} ${r.resource}` : undefined).toBe(expected);
  });
});

describe('allows', () => {
  const need = requiredPrivilege('POST', 'databases/db/tables/t/commit')!;
  it('takes grants on the table, its database, the catalog, and ALL', () => {
    expect(allows([{ privilege: 'INSERT', on: 'db.t' }], need)).toBe(true);
    expect(allows([{ privilege: 'INSERT', on: 'db' }], need)).toBe(true);
    expect(allows([{ privilege: 'ALL', on: 'catalog' }], need)).toBe(true);
  });
  it('refuses other privileges, other tables and other databases', () => {
    expect(allows([{ privilege: 'SELECT', on: 'db.t' }], need)).toBe(false);
    expect(allows([{ privilege: 'INSERT', on: 'db.u' }], need)).toBe(false);
    expect(allows([{ privilege: 'ALL', on: 'other' }], need)).toBe(false);
    expect(allows([], need)).toBe(false);
  });
  it('words a denial like DLF', () => {
    expect(denialMessage('bob', requiredPrivilege('GET', 'databases/db/tables')!)).toBe(
      "User bob doesn't have privilege LIST on DATABASE db",
    );
  });
});
