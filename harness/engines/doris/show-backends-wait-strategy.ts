import { createConnection } from 'mysql2/promise';
import { getContainerRuntimeClient, type BoundPorts, type WaitStrategy } from 'testcontainers';

/**
 * Waits until a Doris FE reports an alive BE in `SHOW BACKENDS`: the FE port answering is not
 * enough, queries fail until a backend has registered.
 */
export class ShowBackendsWaitStrategy implements WaitStrategy {
  private timeoutMs = 300_000;
  private timeoutSet = false;

  constructor(
    private readonly queryPort = 9030,
    private readonly intervalMs = 2_000,
  ) {}

  withStartupTimeout(ms: number): this {
    this.timeoutMs = ms;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.timeoutMs;
  }

  async waitUntilReady(_container: unknown, boundPorts: BoundPorts): Promise<void> {
    const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
    const port = boundPorts.getBinding(this.queryPort);
    const deadline = Date.now() + this.timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      try {
        const conn = await createConnection({ host, port, user: 'root', connectTimeout: 5_000 });
        const [rows] = await conn.query('SHOW BACKENDS');
        await conn.end();
        if ((rows as Record<string, unknown>[]).some((r) => String(r.Alive).toLowerCase() === 'true')) return;
        last = 'no alive backend in SHOW BACKENDS';
      } catch (err) {
        last = (err as Error).message;
      }
      await new Promise((r) => setTimeout(r, this.intervalMs));
    }
    throw new Error(`Doris FE had no alive backend after ${this.timeoutMs / 1000}s (${last})`);
  }
}
