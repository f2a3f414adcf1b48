import type { Engine, EngineOutcome, EngineRequest, StepContext } from './engine.ts';

/**
 * Wraps an engine that takes one request at a time (our single-threaded gateways): concurrent
 * scenarios queue for it in arrival order. Wrap it outside the step timeout, so a step's time
 * limit starts when the engine takes the step, not while it waits its turn.
 */
export function withSerialAccess(engine: Engine): Engine {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(work, work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  return {
    name: engine.name,
    get log() {
      return engine.log;
    },
    execute: (request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> => {
      const asked = performance.now();
      return queued(async () => {
        const queuedMillis = Math.round(performance.now() - asked);
        const outcome = await engine.execute(request, ctx);
        return queuedMillis > 0 ? { ...outcome, queuedMillis } : outcome;
      });
    },
    // A liveness ping does not queue: it must answer while a request hangs in the engine.
    ping: engine.ping && ((ms: number) => engine.ping!(ms)),
    endScenario: engine.endScenario && ((database: string) => queued(() => engine.endScenario!(database))),
    close: engine.close && (() => engine.close!()),
  };
}
