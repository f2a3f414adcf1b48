import { EngineUnavailableError, type Engine, type EngineOutcome, type EngineRequest, type StepContext } from './engine.ts';

/** How long one step may take on one engine before the engine counts as hung. */
export const DEFAULT_STEP_TIMEOUT_MS = Number(process.env.PAIMON_INTEROP_STEP_TIMEOUT_MS ?? 120_000);

/**
 * Wraps any engine so that a step that does not answer in time is an infrastructure error
 * (EngineUnavailableError), and the engine is marked hung: later steps on it fail at once with
 * the reason, instead of each waiting out its own timeout. Applies to every adapter alike
 * (gateways, MySQL-protocol, SQL gateways), so no engine can hang a run.
 */
export function withStepTimeout(engine: Engine, timeoutMs = DEFAULT_STEP_TIMEOUT_MS): Engine {
  let hung: string | undefined;
  const where = () => `log: ${engine.log ?? 'none'}`;
  return {
    name: engine.name,
    get log() {
      return engine.log;
    },
    async execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
      if (hung) throw new EngineUnavailableError(engine.name, `stopped answering earlier (${hung}); ${where()}`);
      const limit = ctx.timeoutMs ?? timeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          hung = `no answer to ${request.kind} within ${limit / 1000}s`;
          reject(new EngineUnavailableError(engine.name, `${hung}; ${where()}`));
        }, limit);
      });
      try {
        return await Promise.race([engine.execute(request, { ...ctx, timeoutMs: limit }), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    endScenario: engine.endScenario && ((database: string) => engine.endScenario!(database)),
    close: engine.close && (() => engine.close!()),
  };
}
