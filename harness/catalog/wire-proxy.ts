import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from '../http-request.ts';
import { isLosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import type { CatalogEndpoint } from './catalog-endpoint.ts';

/** One request between a client (an engine, or the harness) and the catalog, as the wire proxy saw it. */
export interface WireEntry {
  /** When the request arrived (epoch ms). */
  at: number;
  method: string;
  /** Path and query, as sent. */
  path: string;
  status: number;
  ms: number;
  /** The client's User-Agent (which implementation made the call), when it sent one. */
  client?: string;
  request?: string;
  response?: string;
}

/** Where the wire proxy is reached, and how its trace is asked for (serializable into test workers). */
export interface WireTraceEndpoint {
  url: string;
  /** Guards the trace route; a secret (redacted wherever output leaves the harness). */
  token: string;
}

const TRACE_PATH = '/__paimon_interop/trace';
const BODY_CHARS = 2_000;
const MAX_ENTRIES = 50_000;
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);
/** JSON keys whose values are secrets: data tokens, credentials, signatures. */
const SECRET_KEY = /secret|token|password|signature|credential|access[-_.]?key|authorization/i;

/** A JSON body with every secret-looking value replaced, cut to BODY_CHARS; non-JSON text is only cut. */
export function redactBody(text: string): string | undefined {
  if (!text) return undefined;
  let out = text;
  try {
    // lossless-json: a 64-bit id (commitIdentifier) keeps every digit, as the catalog sent it.
    out = stringifyLossless(withoutSecrets(parseLossless(text))) ?? text;
  } catch {
    // not JSON: kept as text, cut below
  }
  return out.length > BODY_CHARS ? `${out.slice(0, BODY_CHARS)} … (${out.length} characters)` : out;
}

/** A parsed JSON value with the values of secret-looking keys replaced by `***`. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object' || isLosslessNumber(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && (typeof v === 'string' || isLosslessNumber(v)) ? '***' : withoutSecrets(v)]));
}

/** The database a catalog path names (`/v1/{prefix}/databases/{db}/…`), if any. */
export function databaseOf(path: string): string | undefined {
  const segments = path.split('?')[0]!.split('/');
  const at = segments.indexOf('databases');
  const db = at >= 0 ? segments[at + 1] : undefined;
  return db ? decodeURIComponent(db) : undefined;
}

/**
 * A transparent loopback proxy in front of the catalog: every request of the engines and the
 * harness passes it unchanged (headers and body, so bearer tokens and DLF signatures stay valid)
 * and is recorded without its headers, bodies cut and their secrets replaced. The trace of one
 * database over a time window (a step) is asked for at `GET /__paimon_interop/trace`, guarded by
 * a token, so test workers in other processes can attach it to a failing step.
 */
export class WireProxy {
  private server?: Server;
  private readonly entries: { database?: string; entry: WireEntry }[] = [];
  readonly token = randomBytes(18).toString('base64url');
  url = '';

  constructor(private readonly upstream: CatalogEndpoint) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** The catalog as clients reach it through the proxy (same warehouse and credential). */
  get endpoint(): CatalogEndpoint {
    return { ...this.upstream, uri: this.url };
  }

  get traceEndpoint(): WireTraceEndpoint {
    return { url: this.url, token: this.token };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Entries naming `database` that arrived within [from, to] (epoch ms), oldest first. */
  trace(database: string, from: number, to: number): WireEntry[] {
    // Entries are kept as answers come back; a trace reads in the order requests arrived.
    return this.entries.filter((e) => e.database === database && e.entry.at >= from && e.entry.at <= to).map((e) => e.entry).sort((a, b) => a.at - b.at);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (url.pathname === TRACE_PATH) return this.serveTrace(req, url, res);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_HEADERS.has(k) && typeof v === 'string') headers[k] = v;
    const at = Date.now();
    const started = performance.now();
    let status = 0; // no HTTP answer
    let text = '';
    try {
      const up = await request(new URL(url.pathname.replace(/^\//, '') + url.search, this.upstream.uri.endsWith('/') ? this.upstream.uri : `${this.upstream.uri}/`), {
        method: method as 'GET',
        headers,
        body: body.length ? body : undefined,
        headersTimeout: 600_000,
        bodyTimeout: 600_000,
      });
      status = up.statusCode;
      text = await up.body.text();
      res.writeHead(status, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
      res.end(text);
    } catch (err) {
      text = JSON.stringify({ message: `upstream catalog unreachable: ${(err as Error).message}`, code: 502 });
      // The client sees what a dropped connection looks like to it: no answer at all.
      res.destroy();
    }
    this.record({ at, method, path: url.pathname + url.search, status, ms: Math.round(performance.now() - started), client: req.headers['user-agent'], request: redactBody(body.toString('utf8')), response: redactBody(text) });
  }

  private record(entry: WireEntry): void {
    this.entries.push({ database: databaseOf(entry.path), entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  private serveTrace(req: IncomingMessage, url: URL, res: ServerResponse): void {
    if (req.headers['x-trace-token'] !== this.token) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end('{"message":"trace token required"}');
      return;
    }
    const entries = this.trace(url.searchParams.get('database') ?? '', Number(url.searchParams.get('from') ?? 0), Number(url.searchParams.get('to') ?? Date.now()));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(entries));
  }
}

/** Asks a wire proxy (in whatever process runs it) for one database's entries over a time window. */
export async function fetchWireTrace(endpoint: WireTraceEndpoint, database: string, from: number, to: number): Promise<WireEntry[]> {
  const q = new URLSearchParams({ database, from: String(from), to: String(to) });
  const res = await request(new URL(`${TRACE_PATH.slice(1)}?${q}`, endpoint.url), { method: 'GET', headers: { 'x-trace-token': endpoint.token }, headersTimeout: 10_000, bodyTimeout: 10_000 });
  if (res.statusCode !== 200) {
    await res.body.dump();
    return [];
  }
  return (await res.body.json()) as WireEntry[];
}
