/** Privileges of the reference access-control layer, modelled on DLF's. */
type Privilege = 'LIST' | 'SELECT' | 'INSERT' | 'DROP' | 'CREATE' | 'ALTER' | 'ALL';

/** `on` is `catalog`, a database name, or `database.table`. */
export interface Grant {
  privilege: Privilege;
  on: string;
}

type ResourceType = 'CATALOG' | 'DATABASE' | 'TABLE';

/** What a REST call needs: any one of `privileges` on the resource. */
export interface Requirement {
  privileges: Privilege[];
  resourceType: ResourceType;
  /** `catalog`, `db` or `db.table`. */
  resource: string;
}

const decode = (s: string) => decodeURIComponent(s);

/**
 * The privilege a Paimon REST API call needs (paths as in the OpenAPI spec, below
 * /v1/{prefix}). Loading a table needs SELECT or INSERT, since writers load it too; the
 * commit is what INSERT guards, so a denied write commits nothing.
 */
export function requiredPrivilege(method: string, resourcePath: string): Requirement | undefined {
  const parts = resourcePath.split('/').filter(Boolean).map(decode);
  if (parts[0] === 'config' || parts.length === 0) return undefined;
  if (parts[0] === 'tables' || parts[0] === 'views') return { privileges: ['ALTER'], resourceType: 'CATALOG', resource: 'catalog' };
  if (parts[0] !== 'databases') return { privileges: ['ALL'], resourceType: 'CATALOG', resource: 'catalog' };
  const [, db, kind, name, sub] = parts;
  if (db === undefined) return { privileges: [method === 'POST' ? 'CREATE' : 'LIST'], resourceType: 'CATALOG', resource: 'catalog' };
  const onDb = (p: Privilege): Requirement => ({ privileges: [p], resourceType: 'DATABASE', resource: db });
  if (kind === undefined) return onDb(method === 'DELETE' ? 'DROP' : method === 'POST' ? 'ALTER' : 'LIST');
  if (name === undefined) return onDb(method === 'POST' ? 'CREATE' : 'LIST');
  const onTable = (...p: Privilege[]): Requirement => ({ privileges: p, resourceType: 'TABLE', resource: `${db}.${name}` });
  if (kind !== 'tables') return onDb(method === 'GET' ? 'LIST' : 'ALTER');
  if (sub === undefined) return method === 'DELETE' ? onTable('DROP') : method === 'POST' ? onTable('ALTER') : onTable('SELECT', 'INSERT');
  if (sub === 'commit' || sub === 'rollback') return onTable('INSERT');
  return method === 'GET' ? onTable('SELECT', 'INSERT') : onTable('ALTER');
}

/** Whether grants allow a requirement; grants on the catalog or the database cover what is inside. */
export function allows(grants: readonly Grant[], req: Requirement): boolean {
  const db = req.resource.split('.')[0];
  const scopes =
    req.resourceType === 'CATALOG'
      ? ['catalog']
      : req.resourceType === 'DATABASE'
        ? ['catalog', req.resource]
        : ['catalog', db, req.resource];
  return grants.some((g) => scopes.includes(g.on) && (g.privilege === 'ALL' || req.privileges.includes(g.privilege)));
}

/** The denial text, in DLF's shape (clients prefix it with `Forbidden: `). */
export function denialMessage(principal: string, req: Requirement): string {
  return `User ${principal} doesn't have privilege ${req.privileges[0]} on ${req.resourceType} ${req.resource}`;
}
