import { normalizeValue, parseType, type CanonicalResult } from '../results/index.ts';
import { classifyError } from './classify-error.ts';
import { EngineUnavailableError, type Engine, type EngineEndpoint, type EngineOutcome, type EngineRequest, type PrincipalCredentials, type StepContext } from './engine.ts';
import { callGateway, type GatewayReply } from './gateway-client.ts';

/** How long one step may take on one engine before the engine counts as hung. */
export const DEFAULT_STEP_TIMEOUT_MS = Number(process.env.PAIMON_INTEROP_STEP_TIMEOUT_MS ?? 120_000);

/** Credentials as the gateways take them: a bearer token, or an AK/SK pair for DLF signing. */
function gatewayCredentials(p: PrincipalCredentials): Record<string, string | undefined> {
  const where = { uri: p.uri };
  if (p.token) return { ...where, token: p.token };
  return { ...where, access_key_id: p.accessKeyId, access_key_secret: p.accessKeySecret, region: p.region ?? 'cn-hangzhou' };
}

/** Turns a gateway's typed columns and raw JSON rows into a canonical result. */
export function toCanonical(reply: GatewayReply): CanonicalResult {
  const columns = (reply.columns ?? []).map((c) => ({ name: c.name, type: parseType(c.type), engineType: c.type }));
  const rows = (reply.rows ?? []).map((row) => row.map((v, i) => normalizeValue(v, columns[i]?.type ?? { kind: 'unknown' })));
  return { columns, rows };
}

/**
 * Base adapter for engines reached through a loopback gateway process (Spark, pypaimon, Flink).
 * Subclasses only say how a request is translated (SQL engines turn actions into their dialect).
 */
export class GatewayEngine implements Engine {
  /** Set when a request timed out: the single-threaded gateway may still be busy with it. */
  private broken?: string;

  constructor(
    readonly name: string,
    protected readonly endpoint: EngineEndpoint,
  ) {}

  /** The request as sent to the gateway; identity for engines that run actions natively. */
  protected translate(request: EngineRequest, _ctx: StepContext): EngineRequest {
    return request;
  }

  get log(): string | undefined {
    return this.endpoint.log;
  }

  async execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    if (this.broken) throw new EngineUnavailableError(this.name, `stopped answering earlier (${this.broken}); log: ${this.endpoint.log ?? 'none'}`);
    const sent = this.translate(request, ctx);
    const reply = await this.call(sent, ctx);
    return this.outcome(sent, reply);
  }

  private async call(sent: EngineRequest, ctx: StepContext): Promise<GatewayReply> {
    const timeoutMs = ctx.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    try {
      const body = { request: sent, database: ctx.database, credentials: ctx.principal ? gatewayCredentials(ctx.principal) : undefined };
      return await callGateway(this.name, this.endpoint.url, '/execute', body, timeoutMs);
    } catch (err) {
      if (err instanceof EngineUnavailableError && /timeout/i.test(String((err.cause as Error | undefined)?.message ?? err.message))) {
        this.broken = `no answer to ${sent.kind} within ${timeoutMs / 1000}s`;
        throw new EngineUnavailableError(this.name, `${this.broken}; log: ${this.endpoint.log ?? 'none'}`, { cause: err });
      }
      throw err;
    }
  }

  private outcome(sent: EngineRequest, reply: GatewayReply): EngineOutcome {
    const statement = reply.statement ?? (sent.kind === 'sql' ? sent.sql : undefined);
    if (!reply.ok) {
      const message = reply.error?.message ?? 'unknown error';
      return { ok: false, statement, engineMillis: reply.engine_ms, error: { errorClass: classifyError(reply.error?.exception, message), exception: reply.error?.exception, message } };
    }
    try {
      return { ok: true, statement, engineMillis: reply.engine_ms, result: toCanonical(reply) };
    } catch (err) {
      return { ok: false, statement, error: { errorClass: 'engine-error', exception: 'NormalizeError', message: (err as Error).message } };
    }
  }

  async close(): Promise<void> {}
}
