import { describe, expect, it } from 'vitest';
import type { Engine, EngineOutcome } from './engine.ts';
import { withSerialAccess } from './serial-access.ts';

/** A test double: an engine whose steps take `ms` and that records when each ran. */
function slowEngineDouble(ms: number, failOn?: string) {
  const log: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const engine: Engine = {
    name: 'double',
    async execute(request) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      log.push(`start ${(request as { table: string }).table}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${(request as { table: string }).table}`);
      inFlight--;
      if ((request as { table: string }).table === failOn) throw new Error('boom');
      return { ok: true, result: { columns: [], rows: [] } } satisfies EngineOutcome;
    },
  };
  return { engine, log, maxInFlight: () => maxInFlight };
}

describe('withSerialAccess', () => {
  it('runs concurrent steps one at a time, in arrival order, and reports the wait', async () => {
    const d = slowEngineDouble(30);
    const serial = withSerialAccess(d.engine);
    const [a, b] = await Promise.all([
      serial.execute({ kind: 'list-snapshots', table: 'a' }, { database: 'x' }),
      serial.execute({ kind: 'list-snapshots', table: 'b' }, { database: 'y' }),
    ]);
    expect(d.maxInFlight()).toBe(1);
    expect(d.log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(a.queuedMillis ?? 0).toBeLessThan(15);
    expect(b.queuedMillis).toBeGreaterThanOrEqual(25);
  });

  it('a step that throws does not block the steps queued after it', async () => {
    const d = slowEngineDouble(5, 'a');
    const serial = withSerialAccess(d.engine);
    const [a, b] = await Promise.allSettled([
      serial.execute({ kind: 'list-snapshots', table: 'a' }, { database: 'x' }),
      serial.execute({ kind: 'list-snapshots', table: 'b' }, { database: 'y' }),
    ]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('fulfilled');
  });
});
