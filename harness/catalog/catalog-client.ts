import { request } from '../http-request.ts';
import { dlfAuthorization, dlfSignHeaders } from './dlf-signer.ts';
import type { PrincipalCredentials } from './catalog-endpoint.ts';
import type { CatalogEndpoint } from './catalog-endpoint.ts';
import { outsideRunPrefix } from './run-prefix.ts';

export interface RestReply {
  status: number;
  body: unknown;
}

/** A catalog call failed at the transport level or with an unexpected status. */
class CatalogError extends Error {
  readonly code: 'CATALOG_ERROR' | 'OUTSIDE_RUN_PREFIX' = 'CATALOG_ERROR';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CatalogError';
  }
}

/** A request would have created, altered or dropped an object outside the run prefix: refused before it left. */
class OutsideRunPrefixError extends CatalogError {
  override readonly code = 'OUTSIDE_RUN_PREFIX';
  constructor(message: string) {
    super(message);
    this.name = 'OutsideRunPrefixError';
  }
}

/**
 * Minimal client of the Paimon REST catalog API (see the OpenAPI spec in apache/paimon
 * docs/static/rest-catalog-open-api.yaml): config, databases, tables, raw calls for `rest` steps.
 */
export class CatalogClient {
  private prefix?: string;

  constructor(readonly endpoint: CatalogEndpoint) {}

  /** Request headers with the endpoint's credential: a bearer token or a DLF signature. */
  private headers(method: string, url: URL, body: string | undefined): Record<string, string> {
    const auth = this.endpoint.auth;
    if (auth.provider === 'bear') return { 'content-type': 'application/json', authorization: `Bearer ${auth.token}` };
    if (auth.provider === 'none') return { 'content-type': 'application/json' };
    const h: Record<string, string> = { ...dlfSignHeaders(body, new Date()) };
    if (!body) h['content-type'] = 'application/json';
    h.authorization = dlfAuthorization(
      { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: h },
      auth,
      auth.region ?? 'cn-hangzhou',
    );
    return h;
  }

  /**
   * Any call, relative to the API root (`/v1/config`) — never throws on HTTP status. A call that
   * would change an object outside the run prefix (pi_) throws OutsideRunPrefixError instead of
   * being sent: the harness never touches what it did not create. An answer that does not start
   * within `timeoutMs` (default 30 s) is a CatalogError.
   */
  async raw(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<RestReply> {
    const outside = outsideRunPrefix(method, path, body);
    if (outside) throw new OutsideRunPrefixError(outside);
    const url = new URL(path.replace(/^\//, ''), this.endpoint.uri.endsWith('/') ? this.endpoint.uri : `${this.endpoint.uri}/`);
    try {
      const text = body === undefined ? undefined : JSON.stringify(body);
      const res = await request(url, {
        method: method as 'GET',
        headers: this.headers(method, url, text),
        body: text,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const reply = await res.body.text();
      let parsed: unknown = reply;
      try {
        parsed = reply ? JSON.parse(reply) : null;
      } catch {
        // keep the text: some errors are plain
      }
      return { status: res.statusCode, body: parsed };
    } catch (err) {
      throw new CatalogError(`catalog ${this.endpoint.uri} unreachable: ${(err as Error).message}`, undefined, { cause: err });
    }
  }

  /** The same catalog reached as a principal (its URI, e.g. the access-control proxy, and credential). */
  as(p: PrincipalCredentials): CatalogClient {
    const auth: CatalogEndpoint['auth'] = p.token
      ? { provider: 'bear', token: p.token }
      : { provider: 'dlf', accessKeyId: p.accessKeyId ?? '', accessKeySecret: p.accessKeySecret ?? '', region: p.region };
    return this.reachedWith(auth, p.uri);
  }

  /** This catalog with another credential (and URI), keeping the path prefix already learned. */
  private reachedWith(auth: CatalogEndpoint['auth'], uri = this.endpoint.uri): CatalogClient {
    const client = new CatalogClient({ ...this.endpoint, uri, auth });
    client.prefix = this.prefix;
    return client;
  }

  /**
   * The same catalog reached without a credential, or with a wrong one of its kind (a bearer token
   * or an access key secret the catalog never issued): what a 401 answer is checked with.
   */
  withCredential(kind: 'none' | 'wrong'): CatalogClient {
    const auth = this.endpoint.auth;
    const wrong: CatalogEndpoint['auth'] =
      auth.provider === 'dlf'
        ? { ...auth, accessKeySecret: 'paimon-interop-wrong-secret' }
        : { provider: 'bear', token: 'paimon-interop-wrong-token' };
    return this.reachedWith(kind === 'none' ? { provider: 'none' } : wrong);
  }

  /** GET /v1/config; remembers the path prefix the catalog asks for. */
  async config(): Promise<{ defaults: Record<string, string>; overrides: Record<string, string> }> {
    const reply = await this.raw('GET', `/v1/config?warehouse=${encodeURIComponent(this.endpoint.warehouse)}`);
    if (reply.status === 401 || reply.status === 403)
      throw new CatalogError(`catalog ${this.endpoint.uri} rejected the credentials (HTTP ${reply.status})`, reply.status);
    if (reply.status !== 200) throw new CatalogError(`catalog ${this.endpoint.uri} config failed (HTTP ${reply.status})`, reply.status);
    const cfg = reply.body as { defaults?: Record<string, string>; overrides?: Record<string, string> };
    this.prefix = cfg.defaults?.prefix ?? cfg.overrides?.prefix ?? '';
    return { defaults: cfg.defaults ?? {}, overrides: cfg.overrides ?? {} };
  }

  /** Path under `/v1/{prefix}`; a path that already starts with `/v1/` (e.g. `/v1/config`) is taken as is. */
  async resource(path: string): Promise<string> {
    if (path.startsWith('/v1/')) return path;
    if (this.prefix === undefined) await this.config();
    return `/v1${this.prefix ? `/${encodeURIComponent(this.prefix)}` : ''}${path}`;
  }

  private async expect(method: string, path: string, ok: number[], body?: unknown): Promise<RestReply> {
    const reply = await this.raw(method, await this.resource(path), body);
    if (!ok.includes(reply.status)) {
      throw new CatalogError(`${method} ${path} answered HTTP ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`, reply.status);
    }
    return reply;
  }

  async createDatabase(name: string): Promise<void> {
    await this.expect('POST', '/databases', [200], { name, options: {} });
  }

  /** Follows `nextPageToken` through a paged listing. */
  private async listAll(path: string, key: 'tables' | 'databases'): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const q = token ? `?pageToken=${encodeURIComponent(token)}` : '';
      const body = (await this.expect('GET', `${path}${q}`, [200])).body as Record<string, string[] | string | undefined>;
      // A name that is not a string (a catalog answering null in the list) is not a database or table to act on.
      names.push(...((body[key] as unknown[] | undefined) ?? []).filter((n): n is string => typeof n === 'string'));
      token = (body.nextPageToken as string | undefined) ?? undefined;
    } while (token);
    return names;
  }

  listTables(database: string): Promise<string[]> {
    return this.listAll(`/databases/${encodeURIComponent(database)}/tables`, 'tables');
  }

  listDatabases(): Promise<string[]> {
    return this.listAll('/databases', 'databases');
  }

  /**
   * The columns of a table as the catalog stores them (name and Paimon SQL type), or undefined
   * when the table does not exist.
   */
  async tableFields(database: string, table: string): Promise<{ name: string; type: string }[] | undefined> {
    const body = await this.getTable(database, table);
    if (!body) return undefined;
    const fields = (body as { schema?: { fields?: { name: string; type: unknown }[] } }).schema?.fields ?? [];
    return fields.map((f) => ({ name: f.name, type: typeText(f.type) }));
  }

  /** Where a table's files are (the `path` of GET table), or undefined when it does not exist. */
  async tablePath(database: string, table: string): Promise<string | undefined> {
    return ((await this.getTable(database, table)) as { path?: string } | undefined)?.path;
  }

  /** The body of GET table, or undefined when the table does not exist (404). */
  private async getTable(database: string, table: string): Promise<unknown> {
    const reply = await this.raw(
      'GET',
      await this.resource(`/databases/${encodeURIComponent(database)}/tables/${encodeURIComponent(table)}`),
    );
    if (reply.status === 404) return undefined;
    if (reply.status !== 200) throw new CatalogError(`GET table ${database}.${table} answered HTTP ${reply.status}`, reply.status);
    return reply.body;
  }

  /** Drops a database and its tables; a database that is already gone is fine. */
  async dropDatabase(name: string): Promise<void> {
    const db = encodeURIComponent(name);
    const tables = await this.listTables(name).catch((e: CatalogError) => {
      if (e.status === 404) return [];
      throw e;
    });
    for (const t of tables) await this.expect('DELETE', `/databases/${db}/tables/${encodeURIComponent(t)}`, [200, 404]);
    await this.expect('DELETE', `/databases/${db}`, [200, 404]);
  }
}

/** A Paimon JSON data type (`"INT"`, `{type: "ARRAY", element: ...}`) as SQL type text. */
function typeText(t: unknown): string {
  if (typeof t === 'string') return t;
  const o = t as { type: string; element?: unknown; key?: unknown; value?: unknown; fields?: { name: string; type: unknown }[] };
  const base = o.type.replace(/ NOT NULL$/, '');
  if (base === 'ARRAY' || base === 'MULTISET') return `${base}<${typeText(o.element)}>`;
  if (base === 'MAP') return `MAP<${typeText(o.key)}, ${typeText(o.value)}>`;
  if (base === 'ROW') return `ROW<${(o.fields ?? []).map((f) => `${f.name} ${typeText(f.type)}`).join(', ')}>`;
  return o.type;
}
