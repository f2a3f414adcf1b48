import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { CatalogEndpoint } from '../catalog/index.ts';
import { dlfAuthorization, dlfSignHeaders, verifyDlfRequest } from '../catalog/index.ts';
import type { PrincipalCredentials } from '../engines/index.ts';
import { allows, denialMessage, requiredPrivilege, type Grant } from './grants.ts';
import type { DeclaredPrincipal, PrincipalAuthority } from './principal-authority.ts';

/** A principal the proxy knows: its credentials and its grants. */
export interface ProxyPrincipal {
  /** The name shown in denials (as declared in the scenario). */
  name: string;
  token?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  grants: Grant[];
}

/** One decision, for tests and logs (never with credentials). */
export interface AccessDecision {
  principal?: string;
  method: string;
  path: string;
  allowed: boolean;
  status: number;
}

export interface AccessControlOptions {
  /**
   * Test hook: rewrites a principal's grants when it is registered, so a test can prove that
   * a missing or an extra grant makes scenarios fail. Never set in runs.
   */
  tamperGrants?: (principal: string, grants: Grant[]) => Grant[];
  /** Keep every authenticated request's signed parts (for signature fixtures). */
  record?: boolean;
  /** The address it listens on and principals reach it at (default: loopback); one engines in containers reach too, where the environment has them. */
  host?: string;
}

const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'authorization', 'transfer-encoding', 'keep-alive']);

/**
 * The reference access-control layer: a loopback HTTP proxy in front of any Paimon REST
 * catalog. It authenticates each request as a principal (bearer token, or a DLF4-HMAC-SHA256
 * signature verified with the principal's AK/SK), checks the principal's grants, answers 403
 * with Paimon's ErrorResponse body when denied, and otherwise forwards the request with the
 * upstream's own credential.
 */
export class AccessControlProxy implements PrincipalAuthority {
  private server?: Server;
  private readonly principals = new Map<string, ProxyPrincipal>();
  readonly decisions: AccessDecision[] = [];
  uri = '';

  readonly recorded: { method: string; path: string; query: Record<string, string>; headers: Record<string, string | undefined> }[] = [];

  constructor(
    private readonly upstream: CatalogEndpoint,
    private readonly options: AccessControlOptions = {},
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    this.uri = `http://${host}:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Adds a principal with fresh credentials (a bearer token and an AK/SK pair). */
  addPrincipal(name: string, grants: Grant[], scope = ''): ProxyPrincipal {
    const p: ProxyPrincipal = {
      name,
      token: randomBytes(18).toString('base64url'),
      accessKeyId: `LTAI${randomBytes(8).toString('hex')}`,
      accessKeySecret: randomBytes(18).toString('base64url'),
      grants: this.options.tamperGrants ? this.options.tamperGrants(name, [...grants]) : [...grants],
    };
    this.principals.set(`${scope}/${name}`, p);
    return p;
  }

  register(scope: string, declared: Record<string, DeclaredPrincipal>): Record<string, PrincipalCredentials> {
    const out: Record<string, PrincipalCredentials> = {};
    for (const [name, d] of Object.entries(declared)) {
      const grants = d.privileged ? [{ privilege: 'ALL' as const, on: 'catalog' }, ...(d.grants ?? [])] : (d.grants ?? []);
      const p = this.addPrincipal(name, grants, scope);
      out[name] =
        d.auth === 'bear'
          ? { name, token: p.token, uri: this.uri }
          : { name, accessKeyId: p.accessKeyId, accessKeySecret: p.accessKeySecret, region: 'cn-hangzhou', uri: this.uri };
    }
    return out;
  }

  unregister(scope: string): void {
    for (const key of [...this.principals.keys()]) if (key.startsWith(`${scope}/`)) this.principals.delete(key);
  }

  grant(scope: string, name: string, grant: Grant): boolean {
    const p = this.principals.get(`${scope}/${name}`);
    p?.grants.push(grant);
    return p !== undefined;
  }

  revoke(scope: string, name: string, grant: Grant): boolean {
    const p = this.principals.get(`${scope}/${name}`);
    if (p) p.grants = p.grants.filter((g) => !(g.privilege === grant.privilege && g.on === grant.on));
    return p !== undefined;
  }

  private authenticate(req: IncomingMessage, url: URL, body: string): ProxyPrincipal | undefined {
    const md5 = req.headers['content-md5'];
    // The signature covers Content-MD5, not the body: check the body against it.
    if (typeof md5 === 'string' && createHash('md5').update(body, 'utf8').digest('base64') !== md5) return undefined;
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('Bearer ')) {
      const token = auth.slice(7);
      return [...this.principals.values()].find((p) => p.token === token);
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    if (this.options.record)
      this.recorded.push({ method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers });
    const verdict = verifyDlfRequest(
      { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers },
      (ak) => [...this.principals.values()].find((p) => p.accessKeyId === ak)?.accessKeySecret,
    );
    return verdict.ok ? [...this.principals.values()].find((p) => p.accessKeyId === verdict.accessKeyId) : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://proxy');
    const method = req.method ?? 'GET';
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const principal = this.authenticate(req, url, body);
    if (!principal) {
      this.decisions.push({ method, path: url.pathname, allowed: false, status: 401 });
      send(401, { message: 'Not authorized: unknown or invalid credentials', code: 401 });
      return;
    }
    // Paths are /v1/config or /v1/{prefix}/...: the requirement is read below the prefix.
    const below = url.pathname
      .split('/')
      .slice(url.pathname.startsWith('/v1/config') ? 2 : 3)
      .join('/');
    const need = requiredPrivilege(method, url.pathname.startsWith('/v1/config') ? 'config' : below);
    if (need && !allows(principal.grants, need)) {
      this.decisions.push({ principal: principal.name, method, path: url.pathname, allowed: false, status: 403 });
      send(403, { message: denialMessage(principal.name, need), resourceType: need.resourceType, resourceName: need.resource, code: 403 });
      return;
    }
    this.decisions.push({ principal: principal.name, method, path: url.pathname, allowed: true, status: 0 });
    await this.forward(method, url, req, body, res);
  }

  private async forward(method: string, url: URL, req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (!HOP_HEADERS.has(k) && !k.startsWith('x-dlf-') && k !== 'content-md5' && typeof v === 'string') headers[k] = v;
    }
    const auth = this.upstream.auth;
    if (auth.provider === 'bear') headers.authorization = `Bearer ${auth.token}`;
    if (auth.provider === 'dlf') {
      Object.assign(headers, dlfSignHeaders(body || undefined, new Date()));
      headers.authorization = dlfAuthorization(
        { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers },
        auth,
        auth.region ?? 'cn-hangzhou',
      );
    }
    const target = new URL(url.pathname + url.search, this.upstream.uri);
    try {
      const up = await request(target, { method: method as 'GET', headers, body: body || undefined });
      const text = await up.body.text();
      res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
      res.end(text);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `upstream catalog unreachable: ${(err as Error).message}`, code: 502 }));
    }
  }
}
