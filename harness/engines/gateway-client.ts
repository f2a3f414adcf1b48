import { request } from '../http-request.ts';
import { EngineUnavailableError } from './engine.ts';

/** Wire format of the loopback gateways (harness/gateways/*.py). */
export interface GatewayReply {
  ok: boolean;
  columns?: { name: string; type: string }[];
  rows?: unknown[][];
  engine_ms?: number;
  statement?: string;
  error?: { exception?: string; message: string };
}

/** POSTs one request to a gateway and returns its JSON reply; transport failures are typed. */
export async function callGateway(engine: string, url: string, path: string, body: unknown, timeoutMs = 600_000): Promise<GatewayReply> {
  try {
    const res = await request(new URL(path, url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new EngineUnavailableError(engine, `gateway answered HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as GatewayReply;
  } catch (err) {
    if (err instanceof EngineUnavailableError) throw err;
    throw new EngineUnavailableError(engine, `gateway at ${url} unreachable (${(err as Error).message})`, { cause: err });
  }
}

/** Whether a gateway answers GET /ping within `timeoutMs` (liveness, not readiness of its engine). */
export async function pingGateway(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await request(new URL('/ping', url), {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body.dump();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}
