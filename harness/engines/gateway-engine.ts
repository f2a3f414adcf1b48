import { normalizeValue, OrderError, orderRows, parseType, type CanonicalResult } from '../results/index.ts';
import { classifyError } from './classify-error.ts';
import { EngineUnavailableError, type Engine, type EngineEndpoint, type EngineOutcome, type EngineRequest, type ErrorClass, type PrincipalCredentials, type StepContext } from './engine.ts';
import { DEFAULT_STEP_TIMEOUT_MS } from './step-timeout.ts';
import { callGateway, pingGateway, type GatewayReply } from './gateway-client.ts';

/** Credentials as the gateways take them: a bearer token, or an AK/SK pair for DLF signing. */
function gatewayCredentials(p: PrincipalCredentials): Record<string, string | undefined> {
  const where = { uri: p.uri };
  if (p.token) return { ...where, token: p.token };
  return { ...where, access_key_id: p.accessKeyId, access_key_secret: p.accessKeySecret, region: p.region ?? 'cn-hangzhou' };
}

/** The body of POST /execute (harness/gateways/gateway-protocol.schema.json, `executeRequest`). */
export function gatewayBody(request: EngineRequest, ctx: StepContext): { request: EngineRequest; database: string; credentials?: Record<string, string | undefined>; warehouse?: string } {
  return { request, database: ctx.database, credentials: ctx.principal ? gatewayCredentials(ctx.principal) : undefined, ...(ctx.filesystemWarehouse ? { warehouse: ctx.filesystemWarehouse } : {}) };
}

/** Turns a gateway's typed columns and raw JSON rows into a canonical result. */
export function toCanonical(reply: GatewayReply): CanonicalResult {
  const columns = (reply.columns ?? []).map((c) => ({ name: c.name, type: parseType(c.type), engineType: c.type }));
  const rows = (reply.rows ?? []).map((row) => row.map((v, i) => normalizeValue(v, columns[i]?.type ?? { kind: 'unknown' })));
  return { columns, rows };
}

/**
 * How the harness orders a library engine's rows: by the step's `order-by`, or snapshot ids for
 * list-snapshots and table names for list-tables. Order columns missing from a projection are read too, then dropped.
 */
function harnessOrder(request: EngineRequest): { by: string[]; extraColumns: string[] } | undefined {
  if (request.kind === 'list-snapshots') return { by: ['snapshot_id'], extraColumns: [] };
  if (request.kind === 'list-tables') return { by: ['table_name'], extraColumns: [] };
  if ((request.kind !== 'read' && request.kind !== 'read-incremental') || !request.orderBy?.length) return undefined;
  const projection = request.kind === 'read' ? request.columns : undefined;
  const extraColumns = projection?.length ? [...new Set(request.orderBy.filter((c) => !projection.includes(c)))] : [];
  return { by: request.orderBy, extraColumns };
}

/**
 * Base adapter for engines reached through a loopback gateway process (Spark, pypaimon, Flink).
 * Subclasses only say how a request is translated (SQL engines turn actions into their dialect).
 */
export class GatewayEngine implements Engine {
  constructor(
    readonly name: string,
    protected readonly endpoint: EngineEndpoint,
  ) {}

  /**
   * The request as sent to the gateway; identity for engines that run actions natively. Undefined
   * when the engine's dialect cannot express the action: the step answers `unsupported`.
   */
  protected translate(request: EngineRequest, _ctx: StepContext): EngineRequest | undefined {
    return request;
  }

  /** The canonical class of a failure the gateway reported (the engine's exception and message). */
  protected classify(exception: string | undefined, message: string): ErrorClass {
    return classifyError(exception, message);
  }

  get log(): string | undefined {
    return this.endpoint.log;
  }

  async execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    const translated = this.translate(request, ctx);
    if (translated === undefined) {
      return { ok: false, error: { errorClass: 'unsupported', exception: 'paimon-interop', message: `${this.name} has no statement for this ${request.kind} (${describeRequest(request)})` } };
    }
    // Engines without SQL return rows as read; the harness orders them (one definition for all).
    const order = translated.kind === 'sql' ? undefined : harnessOrder(request);
    const sent = order?.extraColumns.length && translated.kind === 'read' ? { ...translated, columns: [...translated.columns!, ...order.extraColumns] } : translated;
    const reply = await this.call(sent, ctx);
    const outcome = this.outcome(sent, reply);
    if (!order || !outcome.ok) return outcome;
    try {
      const ordered = orderRows(outcome.result, order.by);
      const width = ordered.columns.length - order.extraColumns.length;
      return { ...outcome, result: { columns: ordered.columns.slice(0, width), rows: ordered.rows.map((r) => r.slice(0, width)) } };
    } catch (err) {
      if (!(err instanceof OrderError)) throw err;
      return { ok: false, statement: outcome.statement, error: { errorClass: 'invalid-argument', exception: 'paimon-interop', message: err.message } };
    }
  }

  private call(sent: EngineRequest, ctx: StepContext): Promise<GatewayReply> {
    const body = gatewayBody(sent, ctx);
    // The step timeout (withStepTimeout) decides when an engine is hung; this only bounds the socket.
    return callGateway(this.name, this.endpoint.url, '/execute', body, (ctx.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS) + 5_000);
  }

  private outcome(sent: EngineRequest, reply: GatewayReply): EngineOutcome {
    const statement = reply.statement ?? (sent.kind === 'sql' ? sent.sql : undefined);
    if (!reply.ok) {
      const message = reply.error?.message ?? 'unknown error';
      return { ok: false, statement, engineMillis: reply.engine_ms, error: { errorClass: this.classify(reply.error?.exception, message), exception: reply.error?.exception, message } };
    }
    try {
      return { ok: true, statement, engineMillis: reply.engine_ms, result: toCanonical(reply) };
    } catch (err) {
      return { ok: false, statement, error: { errorClass: 'engine-error', exception: 'NormalizeError', message: (err as Error).message } };
    }
  }

  ping(timeoutMs: number): Promise<boolean> {
    return pingGateway(this.endpoint.url, timeoutMs);
  }

  async close(): Promise<void> {}
}

/** The parts of a request that decide whether a dialect can express it, for `unsupported` messages. */
function describeRequest(request: EngineRequest): string {
  if (request.kind === 'read' && request.options) return `scan options ${JSON.stringify(request.options)}`;
  return 'table' in request ? `table ${request.table}` : request.kind;
}
