import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from '../http-request.ts';
import { isLosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import type { CatalogEndpoint } from './catalog-endpoint.ts';
import { CONFIG_PROFILES_PATH, mergeConfigAnswer, type ConfigProfile } from './config-profile.ts';
import { databaseOf } from './run-prefix.ts';

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
  /** The fault the proxy injected into this request, if any. */
  fault?: FaultKind;
}

/** Where the wire proxy is reached, and how its trace is asked for (serializable into test workers). */
export interface WireTraceEndpoint {
  url: string;
  /** Guards the trace route; a secret (redacted wherever output leaves the harness). */
  token: string;
}

const TRACE_PATH = '/__paimon_interop/trace';
const TALLY_PATH = '/__paimon_interop/tally';
const FAULTS_PATH = '/__paimon_interop/faults';
/** Distinct method/path/status/client keys counted at most (a run has a few thousand). */
const MAX_TALLY_KEYS = 200_000;

/** How often one method, path, status and client passed the proxy (endpoint coverage). */
export interface WireTallyEntry {
  method: string;
  path: string;
  /** 0: no HTTP answer (a dropped connection). */
  status: number;
  /** The request's User-Agent; absent for the harness's own calls. */
  client?: string;
  count: number;
}

/**
 * What the proxy does to a matching request instead of (or around) forwarding it:
 * - `unavailable`: answers 503 with an ErrorResponse body; the catalog never sees the request;
 * - `throttled`: answers 429 with `Retry-After: 1`; the catalog never sees the request, and the
 *   proxy notes a matching request that follows sooner than that;
 * - `reset`: closes the connection without an answer; the catalog never sees the request;
 * - `slow`: waits `delayMs` (default 3000), then forwards;
 * - `lost-answer`: forwards (the catalog applies the request), then closes the connection
 *   without passing the answer on: the client cannot know whether it happened;
 * - `applied-then-500` / `applied-then-503`: forwards (the catalog applies the request), then
 *   answers 500 / 503 with an ErrorResponse body instead of the catalog's answer: the client is
 *   told it failed although it happened.
 */
export type FaultKind = 'unavailable' | 'throttled' | 'reset' | 'slow' | 'lost-answer' | 'applied-then-500' | 'applied-then-503';
export const FAULT_KINDS: readonly FaultKind[] = [
  'unavailable',
  'throttled',
  'reset',
  'slow',
  'lost-answer',
  'applied-then-500',
  'applied-then-503',
];

/** Faults that forward the request to the catalog before they strike. */
const FORWARDING: ReadonlySet<FaultKind> = new Set(['slow', 'lost-answer', 'applied-then-500', 'applied-then-503']);

/** How long a `throttled` answer asks the client to wait (its `Retry-After`, in seconds). */
export const RETRY_AFTER_SECONDS = 1;
/** A retry this much sooner than Retry-After still counts as waiting (the 429 is stamped after it is sent). */
const RETRY_AFTER_SLACK_MS = 50;

/**
 * A fault rule as the proxy keeps it: the turns it has left, and for `throttled` how the client
 * followed the 429: the gap (ms) to each next matching request that came sooner than Retry-After.
 */
export interface FaultState extends FaultRule {
  left: number;
  earlyRetriesMs: number[];
  /** When the last 429 of this rule went out (epoch ms), until the next matching request arrives. */
  throttledAt?: number;
}

/** A fault on requests of one database: method and a regular expression on the path below `/databases/{db}`. */
export interface FaultRule {
  database: string;
  method: string;
  /** Matched against the path after `/databases/{db}` (e.g. `^/tables/[^/]+/commit$`). */
  path: string;
  kind: FaultKind;
  /** How many matching requests get the fault; later ones pass (default 1: a transient fault). */
  times?: number;
  delayMs?: number;
}
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
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      SECRET_KEY.test(k) && (typeof v === 'string' || isLosslessNumber(v)) ? '***' : withoutSecrets(v),
    ]),
  );
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
  private readonly counts = new Map<string, WireTallyEntry>();
  /** Requests passed on to the catalog whose answer has not come back yet. */
  private readonly inFlight = new Set<{ method: string; path: string; client?: string }>();
  private faults: FaultState[] = [];
  /** Per scenario database: an address of its own whose GET /v1/config carries the scenario's catalog configuration. */
  private readonly profiles = new Map<string, Server>();
  readonly token = randomBytes(18).toString('base64url');
  url = '';

  /** `host`: the address it listens on and clients reach it at (default: loopback; the container network's gateway where engines run in containers). */
  constructor(
    private readonly upstream: CatalogEndpoint,
    private readonly host = '127.0.0.1',
  ) {}

  async start(): Promise<this> {
    // A request the proxy cannot handle (a malformed fault rule) closes its connection; it never
    // takes the harness down.
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => this.server!.listen(0, this.host, resolve));
    this.url = `http://${this.host}:${(this.server.address() as AddressInfo).port}/`;
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
    for (const database of [...this.profiles.keys()]) await this.closeProfile(database);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Entries naming `database` that arrived within [from, to] (epoch ms), oldest first. */
  trace(database: string, from: number, to: number): WireEntry[] {
    // Entries are kept as answers come back; a trace reads in the order requests arrived.
    return this.entries
      .filter((e) => e.database === database && e.entry.at >= from && e.entry.at <= to)
      .map((e) => e.entry)
      .sort((a, b) => a.at - b.at);
  }

  /** Adds a fault rule (it replaces the database's earlier rules for the same method and path). */
  addFault(rule: FaultRule): void {
    this.faults = this.faults.filter((f) => !(f.database === rule.database && f.method === rule.method && f.path === rule.path));
    this.faults.push({ ...rule, method: rule.method.toUpperCase(), left: rule.times ?? 1, earlyRetriesMs: [] });
  }

  /** Removes every fault rule of a database (its scenario ended). */
  clearFaults(database: string): void {
    this.faults = this.faults.filter((f) => f.database !== database);
  }

  /**
   * The fault this request gets, if a rule with turns left matches it (the turn is used up). A
   * request that follows a 429 of a matching rule sooner than its Retry-After is noted on the rule.
   */
  private faultFor(method: string, path: string): FaultRule | undefined {
    const database = databaseOf(path);
    if (database === undefined) return undefined;
    const below = path.split('?')[0]!.replace(/^.*?\/databases\/[^/]+/, '');
    const matching = this.faults.filter((f) => f.database === database && f.method === method && new RegExp(f.path).test(below));
    const now = Date.now();
    for (const f of matching) {
      if (f.throttledAt === undefined) continue;
      const gap = now - f.throttledAt;
      if (gap < RETRY_AFTER_SECONDS * 1000 - RETRY_AFTER_SLACK_MS) f.earlyRetriesMs.push(gap);
      f.throttledAt = undefined;
    }
    const rule = matching.find((f) => f.left > 0);
    if (rule) rule.left--;
    return rule;
  }

  /**
   * Opens an address for one scenario's database where every request passes as on the main one,
   * except that the answer to GET /v1/config has the profile merged in; returns its URL.
   */
  async openProfile(database: string, profile: ConfigProfile): Promise<string> {
    await this.closeProfile(database);
    const server = createServer((req, res) => void this.handle(req, res, profile).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, this.host, resolve));
    this.profiles.set(database, server);
    return `http://${this.host}:${(server.address() as AddressInfo).port}/`;
  }

  async closeProfile(database: string): Promise<void> {
    const server = this.profiles.get(database);
    if (!server) return;
    this.profiles.delete(database);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse, profile?: ConfigProfile): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (!profile) {
      if (url.pathname === TRACE_PATH) return this.serveTrace(req, url, res);
      if (url.pathname === FAULTS_PATH) return this.serveFaults(req, url, res);
      if (url.pathname === TALLY_PATH) return this.serveTally(req, res);
      if (url.pathname === CONFIG_PROFILES_PATH) return this.serveProfiles(req, url, res);
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const fault = this.faultFor(method, url.pathname);
    if (fault && !FORWARDING.has(fault.kind)) return this.inject(fault, method, url, req, body, res);
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 3_000));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_HEADERS.has(k) && typeof v === 'string') headers[k] = v;
    const at = Date.now();
    const started = performance.now();
    let status = 0; // no HTTP answer
    let text = '';
    const waiting = { method, path: url.pathname, ...(req.headers['user-agent'] ? { client: req.headers['user-agent'] } : {}) };
    this.inFlight.add(waiting);
    try {
      const up = await request(
        new URL(
          url.pathname.replace(/^\//, '') + url.search,
          this.upstream.uri.endsWith('/') ? this.upstream.uri : `${this.upstream.uri}/`,
        ),
        {
          method: method as 'GET',
          headers,
          body: body.length ? body : undefined,
          headersTimeout: 600_000,
          bodyTimeout: 600_000,
        },
      );
      status = up.statusCode;
      text = await up.body.text();
      if (fault?.kind === 'lost-answer') {
        // The catalog applied the request; its answer never reaches the client.
        res.destroy();
      } else if (fault?.kind === 'applied-then-500' || fault?.kind === 'applied-then-503') {
        // The catalog applied the request (its answer is in the trace); the client is told it failed.
        const code = fault.kind === 'applied-then-500' ? 500 : 503;
        text = JSON.stringify({
          message: `${code === 500 ? 'Internal server error' : 'Service unavailable'} (injected by paimon-interop after the catalog applied the request; it answered ${status})`,
          code,
        });
        status = code;
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(text);
      } else {
        // The scenario's catalog configuration: what its clients are told at GET /v1/config.
        if (profile && method === 'GET' && status === 200 && /\/v1\/config$/.test(url.pathname)) text = mergeConfigAnswer(text, profile);
        res.writeHead(status, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
        res.end(text);
      }
    } catch (err) {
      text = JSON.stringify({ message: `upstream catalog unreachable: ${(err as Error).message}`, code: 502 });
      // The client sees what a dropped connection looks like to it: no answer at all.
      res.destroy();
    } finally {
      this.inFlight.delete(waiting);
    }
    this.record({
      at,
      method,
      path: url.pathname + url.search,
      status,
      ms: Math.round(performance.now() - started),
      client: req.headers['user-agent'],
      request: redactBody(body.toString('utf8')),
      response: redactBody(text),
      ...(fault ? { fault: fault.kind } : {}),
    });
  }

  /** Answers for the catalog (503, 429) or drops the connection; the catalog never sees the request. */
  private inject(fault: FaultRule, method: string, url: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const at = Date.now();
    let status = 0;
    let text = '';
    if (fault.kind === 'reset') {
      res.destroy();
    } else {
      status = fault.kind === 'throttled' ? 429 : 503;
      text = JSON.stringify({
        message:
          fault.kind === 'throttled'
            ? 'Too many requests (injected by paimon-interop)'
            : 'Service unavailable (injected by paimon-interop)',
        code: status,
      });
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(fault.kind === 'throttled' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
      });
      res.end(text);
      if (fault.kind === 'throttled') (fault as FaultState).throttledAt = Date.now();
    }
    this.record({
      at,
      method,
      path: url.pathname + url.search,
      status,
      ms: 0,
      client: req.headers['user-agent'],
      request: redactBody(body.toString('utf8')),
      response: redactBody(text),
      fault: fault.kind,
    });
  }

  /** The harness's own routes (trace, faults) answer only with the proxy's token; otherwise 403. */
  private admitted(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.headers['x-trace-token'] === this.token) return true;
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end('{"message":"trace token required"}');
    return false;
  }

  /**
   * One of the harness's control routes (faults, config profiles): admitted by token, its
   * `database` and body handed to `act` as (method, database, body text), its answer sent as JSON.
   */
  private async serveControl(
    req: IncomingMessage,
    url: URL,
    res: ServerResponse,
    act: (method: string, database: string, body: string) => Promise<unknown> | unknown,
  ): Promise<void> {
    if (!this.admitted(req, res)) return;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = await act(req.method ?? 'GET', url.searchParams.get('database') ?? '', Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply ?? { ok: true }));
  }

  private serveFaults(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    return this.serveControl(req, url, res, (method, database, body) => {
      if (method === 'DELETE') return this.clearFaults(database);
      if (method === 'GET') return this.faults.filter((f) => f.database === database).map(({ throttledAt: _t, ...f }) => f);
      return this.addFault(JSON.parse(body) as FaultRule);
    });
  }

  private serveProfiles(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    return this.serveControl(req, url, res, async (method, database, body) =>
      method === 'DELETE' ? this.closeProfile(database) : { url: await this.openProfile(database, JSON.parse(body) as ConfigProfile) },
    );
  }

  /** Every request so far, counted by method, path (no query), status and client; one still waiting for its answer counts as status 0. */
  tally(): WireTallyEntry[] {
    const waiting = new Map<string, WireTallyEntry>();
    for (const r of this.inFlight) {
      const key = `${r.method} ${r.path} ${r.client ?? ''}`;
      const w = waiting.get(key);
      if (w) w.count++;
      else waiting.set(key, { ...r, status: 0, count: 1 });
    }
    return [...this.counts.values(), ...waiting.values()];
  }

  private record(entry: WireEntry): void {
    const path = entry.path.split('?')[0]!;
    const key = `${entry.method} ${path} ${entry.status} ${entry.client ?? ''}`;
    const counted = this.counts.get(key);
    if (counted) counted.count++;
    else if (this.counts.size < MAX_TALLY_KEYS)
      this.counts.set(key, {
        method: entry.method,
        path,
        status: entry.status,
        ...(entry.client ? { client: entry.client } : {}),
        count: 1,
      });
    this.entries.push({ database: databaseOf(entry.path), entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  private serveTally(req: IncomingMessage, res: ServerResponse): void {
    if (!this.admitted(req, res)) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.tally()));
  }

  private serveTrace(req: IncomingMessage, url: URL, res: ServerResponse): void {
    if (!this.admitted(req, res)) return;
    const entries = this.trace(
      url.searchParams.get('database') ?? '',
      Number(url.searchParams.get('from') ?? 0),
      Number(url.searchParams.get('to') ?? Date.now()),
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(entries));
  }
}

/** GETs one of a proxy's own routes with its token: the parsed answer, or the HTTP status it refused with. */
async function proxyGet<T>(endpoint: WireTraceEndpoint, route: string, bodyTimeout = 10_000): Promise<{ value: T } | { status: number }> {
  const res = await request(new URL(route.slice(1), endpoint.url), {
    method: 'GET',
    headers: { 'x-trace-token': endpoint.token },
    headersTimeout: 10_000,
    bodyTimeout,
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    return { status: res.statusCode };
  }
  return { value: (await res.body.json()) as T };
}

/** Asks a wire proxy (in whatever process runs it) for one database's entries over a time window. */
export async function fetchWireTrace(endpoint: WireTraceEndpoint, database: string, from: number, to: number): Promise<WireEntry[]> {
  const q = new URLSearchParams({ database, from: String(from), to: String(to) });
  const got = await proxyGet<WireEntry[]>(endpoint, `${TRACE_PATH}?${q}`);
  return 'value' in got ? got.value : [];
}

/** POSTs a JSON body to (or DELETEs) one of a proxy's own routes with its token; its parsed answer, or an error naming `what` it refused. */
async function proxySend<T>(
  endpoint: WireTraceEndpoint,
  method: 'POST' | 'DELETE',
  route: string,
  what: string,
  body?: unknown,
): Promise<T | undefined> {
  const headers = { 'x-trace-token': endpoint.token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const res = await request(new URL(route.slice(1), endpoint.url), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`the wire proxy refused ${what} (HTTP ${res.statusCode})`);
  }
  return (await res.body.json()) as T;
}

/** Sets (or, with `clear`, removes) fault rules on a wire proxy in whatever process runs it. */
export async function setWireFault(endpoint: WireTraceEndpoint, rule: FaultRule | { clear: string }): Promise<void> {
  if ('clear' in rule) await proxySend(endpoint, 'DELETE', `${FAULTS_PATH}?database=${encodeURIComponent(rule.clear)}`, 'the fault rule');
  else await proxySend(endpoint, 'POST', FAULTS_PATH, 'the fault rule', rule);
}

/**
 * Opens a profile for a scenario's database on a wire proxy (in whatever process runs it): the
 * address of the scenario's own, where clients reach the catalog with that configuration.
 */
export async function openConfigProfile(endpoint: WireTraceEndpoint, database: string, profile: ConfigProfile): Promise<string> {
  const answer = await proxySend<{ url: string }>(
    endpoint,
    'POST',
    `${CONFIG_PROFILES_PATH}?database=${encodeURIComponent(database)}`,
    "the scenario's catalog configuration",
    profile,
  );
  return answer!.url;
}

/** Closes the scenario's profile address (its scenario ended). */
export async function closeConfigProfile(endpoint: WireTraceEndpoint, database: string): Promise<void> {
  await proxySend(
    endpoint,
    'DELETE',
    `${CONFIG_PROFILES_PATH}?database=${encodeURIComponent(database)}`,
    "the scenario's catalog configuration",
  );
}

/**
 * The fault rules of a database as the proxy saw them met: turns left (a rule with some is a fault
 * no request met) and, for `throttled`, the retries that came sooner than Retry-After.
 */
export async function wireFaultStates(endpoint: WireTraceEndpoint, database: string): Promise<Omit<FaultState, 'throttledAt'>[]> {
  const got = await proxyGet<Omit<FaultState, 'throttledAt'>[]>(endpoint, `${FAULTS_PATH}?database=${encodeURIComponent(database)}`);
  if ('status' in got) throw new Error(`the wire proxy answered HTTP ${got.status} for its fault rules`);
  return got.value;
}

/** Every request a wire proxy has passed so far, counted (the run's endpoint coverage). */
export async function fetchWireTally(endpoint: WireTraceEndpoint): Promise<WireTallyEntry[]> {
  const got = await proxyGet<WireTallyEntry[]>(endpoint, TALLY_PATH, 30_000);
  return 'value' in got ? got.value : [];
}
