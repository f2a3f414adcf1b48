import { parse as parseLossless } from 'lossless-json';
import { request } from '../../http-request.ts';
import { EngineUnavailableError } from '../engine.ts';
import type { FlinkColumn } from './flink-results.ts';

/** One statement's outcome on the SQL Gateway: its rows, or the gateway's error lines. */
export type GatewayStatementResult =
  { ok: true; columns: FlinkColumn[]; rows: unknown[][]; jobId?: string } | { ok: false; errors: string[] };

interface ResultPage {
  resultType: 'NOT_READY' | 'PAYLOAD' | 'EOS';
  jobID?: string;
  results?: { columns?: FlinkColumn[]; data?: { kind: string; fields: unknown[] }[] };
  nextResultUri?: string;
}

/** Numbers stay as their exact JSON text: a DECIMAL(38,18) or a BIGINT must not pass through a double. */
const exactJson = (text: string) => parseLossless(text, null, (digits: string) => digits);

/**
 * A client of Flink's SQL Gateway REST API (v1+): sessions, statements, paged results. A
 * transport failure is an EngineUnavailableError (the engine is down); a statement's failure is
 * the gateway's error lines, for the adapter to classify.
 */
export class SqlGatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly engine = 'flink',
  ) {}

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    timeoutMs = 30_000,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    let res;
    try {
      res = await request(`${this.baseUrl}${path}`, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (err) {
      throw new EngineUnavailableError(this.engine, `SQL Gateway ${this.baseUrl} unreachable (${(err as Error).message})`, { cause: err });
    }
    const text = await res.body.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (exactJson(text) as Record<string, unknown>) : {};
    } catch {
      json = { errors: [text.slice(0, 2000)] };
    }
    return { status: res.statusCode, json };
  }

  /** The gateway's version (GET /v1/info). */
  async info(): Promise<{ productName: string; version: string }> {
    const r = await this.call('GET', '/v1/info');
    return r.json as unknown as { productName: string; version: string };
  }

  async openSession(properties: Record<string, string>, sessionName: string): Promise<string> {
    const r = await this.call('POST', '/v1/sessions', { properties, sessionName });
    const handle = r.json.sessionHandle;
    if (r.status !== 200 || typeof handle !== 'string')
      throw new EngineUnavailableError(
        this.engine,
        `the SQL Gateway refused a session (HTTP ${r.status}): ${JSON.stringify(r.json.errors ?? r.json).slice(0, 500)}`,
      );
    return handle;
  }

  async closeSession(session: string): Promise<void> {
    await this.call('DELETE', `/v1/sessions/${session}`).catch(() => undefined);
  }

  /**
   * Runs one statement and collects every page of its result (the first page is often empty;
   * NOT_READY means poll again). With `table.dml-sync`, an INSERT's result comes once its job
   * has committed.
   */
  async execute(session: string, statement: string): Promise<GatewayStatementResult> {
    const submitted = await this.call('POST', `/v1/sessions/${session}/statements`, { statement });
    if (submitted.status !== 200) return { ok: false, errors: errorLines(submitted.json) };
    const operation = submitted.json.operationHandle as string;
    let next: string | undefined = `/v1/sessions/${session}/operations/${operation}/result/0?rowFormat=JSON`;
    let columns: FlinkColumn[] = [];
    const rows: unknown[][] = [];
    let jobId: string | undefined;
    let wait = 20;
    while (next) {
      const page = await this.call('GET', next);
      if (page.status !== 200) return { ok: false, errors: errorLines(page.json) };
      const body = page.json as unknown as ResultPage;
      if (body.resultType === 'NOT_READY') {
        await new Promise((r) => setTimeout(r, wait));
        wait = Math.min(wait * 2, 200);
        continue;
      }
      jobId ??= body.jobID;
      if (body.results?.columns?.length) columns = body.results.columns;
      for (const row of body.results?.data ?? []) applyChange(rows, row.kind, row.fields);
      next = body.resultType === 'EOS' ? undefined : body.nextResultUri?.replace(/^https?:\/\/[^/]+/, '');
    }
    void this.call('DELETE', `/v1/sessions/${session}/operations/${operation}/close`).catch(() => undefined);
    return { ok: true, columns, rows, jobId };
  }
}

/**
 * A result row in Flink's changelog form: INSERT and UPDATE_AFTER add a row (a primary-key
 * table keeps the row kind of its latest write, so a merged row reads as UPDATE_AFTER),
 * UPDATE_BEFORE and DELETE retract an equal earlier row.
 */
export function applyChange(rows: unknown[][], kind: string, fields: unknown[]): void {
  if (kind === 'INSERT' || kind === 'UPDATE_AFTER') {
    rows.push(fields);
    return;
  }
  const key = JSON.stringify(fields);
  const at = rows.findIndex((r) => JSON.stringify(r) === key);
  if (at >= 0) rows.splice(at, 1);
}

function errorLines(json: Record<string, unknown>): string[] {
  return Array.isArray(json.errors) ? json.errors.map(String) : [JSON.stringify(json).slice(0, 2000)];
}
