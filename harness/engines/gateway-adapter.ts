import {
  ltzValuesToUtc,
  negationNormalForm,
  normalizeValue,
  OrderError,
  orderRows,
  parseType,
  wallClockToUtc,
  type CanonicalResult,
  type CanonicalType,
} from '../values/index.ts';
import { classifyError } from './classify-error.ts';
import {
  type Engine,
  type EngineEndpoint,
  type EngineOutcome,
  type EngineRequest,
  type ErrorClass,
  type PrincipalCredentials,
  type StepContext,
} from './engine.ts';
import { DEFAULT_STEP_TIMEOUT_MS } from './step-timeout.ts';
import { callGateway, pingGateway, type GatewayReply } from './gateway-client.ts';

/** Credentials as the gateways take them: a bearer token, or an AK/SK pair for DLF signing. */
function gatewayCredentials(p: PrincipalCredentials): Record<string, string | undefined> {
  const where = { uri: p.uri };
  if (p.token) return { ...where, token: p.token };
  return { ...where, access_key_id: p.accessKeyId, access_key_secret: p.accessKeySecret, region: p.region ?? 'cn-hangzhou' };
}

/** The body of POST /execute (harness/gateways/gateway-protocol.schema.json, `executeRequest`). */
export function gatewayBody(
  request: EngineRequest,
  ctx: StepContext,
): {
  request: EngineRequest;
  database: string;
  credentials?: Record<string, string | undefined>;
  warehouse?: string;
  timeZone?: string;
  catalogOptions?: Record<string, string>;
} {
  return {
    request,
    database: ctx.database,
    credentials: ctx.principal ? gatewayCredentials(ctx.principal) : undefined,
    ...(ctx.filesystemWarehouse ? { warehouse: ctx.filesystemWarehouse } : {}),
    ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}),
    ...(ctx.catalogOptions ? { catalogOptions: ctx.catalogOptions } : {}),
  };
}

/**
 * A portable request as a library gateway takes it: TIMESTAMP_LTZ values of an insert, written as
 * wall-clock times of the step's zone, become the UTC instants the gateways build (decided here,
 * once); a filter goes in negation normal form (library predicate builders have no general NOT);
 * a limit is passed down only where rows need no ordering first (a pushed limit is a hint).
 */
function libraryRequest(request: EngineRequest, ctx: StepContext): EngineRequest {
  if (request.kind === 'insert' && ctx.timeZone && request.columnTypes) {
    const ltz = request.columnTypes.map((t) => parseType(t).kind === 'timestamp_ltz');
    if (!ltz.includes(true)) return request;
    const rows = request.rows.map((r) => r.map((v, i) => (ltz[i] && typeof v === 'string' ? wallClockToUtc(v, ctx.timeZone!) : v)));
    return { ...request, rows };
  }
  if (request.kind === 'read' && (request.where || request.limit !== undefined)) {
    const { columnTypes: _types, ...rest } = request;
    return {
      ...rest,
      where: request.where && negationNormalForm(request.where),
      limit: request.orderBy?.length ? undefined : request.limit,
    };
  }
  return request;
}

/** Turns a gateway's typed columns and raw JSON rows into a canonical result (types read in the engine's spellings). */
function toCanonical(reply: GatewayReply, types: (engineType: string) => CanonicalType = parseType): CanonicalResult {
  const columns = (reply.columns ?? []).map((c) => ({ name: c.name, type: types(c.type), engineType: c.type }));
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
 * Base adapter for engines reached through a loopback gateway process (pypaimon, paimon-java,
 * paimon-rust, Spark's Connect client). Subclasses only say how a request is translated (SQL
 * engines turn actions into their dialect); `types` reads the engine's spellings of column types.
 */
export class GatewayAdapter implements Engine {
  constructor(
    readonly name: string,
    protected readonly endpoint: EngineEndpoint,
    protected readonly types: (engineType: string) => CanonicalType = parseType,
  ) {}

  /**
   * The request as sent to the gateway; identity for engines that run actions natively. Undefined
   * when the engine's dialect cannot express the action: the step answers `unsupported`.
   */
  protected translate(request: EngineRequest, _ctx: StepContext): EngineRequest | undefined {
    return request;
  }

  /**
   * Whether the engine shows a TIMESTAMP_LTZ value as local time in its session zone (SQL engines
   * such as Spark); the harness then turns it back into the UTC instant every reader is compared in.
   */
  protected readonly rendersLtzInSessionZone: boolean = false;

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
      return {
        ok: false,
        error: {
          errorClass: 'unsupported',
          exception: 'paimon-interop',
          message: `${this.name} has no statement for this ${request.kind} (${describeRequest(request)})`,
        },
      };
    }
    // Engines without SQL return rows as read; the harness orders them (one definition for all)
    // and cuts them to the limit.
    const order = translated.kind === 'sql' ? undefined : harnessOrder(request);
    const limit = translated.kind === 'read' ? translated.limit : undefined;
    const library = translated.kind === 'sql' ? translated : libraryRequest(translated, ctx);
    const sent =
      order?.extraColumns.length && library.kind === 'read'
        ? { ...library, columns: [...library.columns!, ...order.extraColumns] }
        : library;
    const reply = await this.call(sent, ctx);
    const answered = this.outcome(sent, reply);
    const outcome =
      answered.ok && this.rendersLtzInSessionZone ? { ...answered, result: ltzValuesToUtc(answered.result, ctx.timeZone) } : answered;
    if (!outcome.ok || (!order && limit === undefined)) return outcome;
    if (!order) return { ...outcome, result: { ...outcome.result, rows: outcome.result.rows.slice(0, limit) } };
    try {
      const ordered = orderRows(outcome.result, order.by);
      const width = ordered.columns.length - order.extraColumns.length;
      return {
        ...outcome,
        result: { columns: ordered.columns.slice(0, width), rows: ordered.rows.slice(0, limit).map((r) => r.slice(0, width)) },
      };
    } catch (err) {
      if (!(err instanceof OrderError)) throw err;
      return {
        ok: false,
        statement: outcome.statement,
        error: { errorClass: 'invalid-argument', exception: 'paimon-interop', message: err.message },
      };
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
      return {
        ok: false,
        statement,
        engineMillis: reply.engine_ms,
        error: { errorClass: this.classify(reply.error?.exception, message), exception: reply.error?.exception, message },
      };
    }
    try {
      return { ok: true, statement, engineMillis: reply.engine_ms, result: toCanonical(reply, this.types) };
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
