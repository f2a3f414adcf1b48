import type { HangEvidence } from '../evidence/index.ts';
import { EngineUnavailableError, type Engine, type EngineOutcome, type EngineRequest, type StepContext } from './engine.ts';

/**
 * Takes evidence (thread dumps, stacks, Flink's jobs) at the moment a step on `engine` got no
 * answer in time; `sinceMs`: when the step started (epoch ms). Must not throw.
 */
export type HangEvidenceCollector = (engine: string, ctx: StepContext, sinceMs: number) => Promise<HangEvidence | undefined>;

/** How long one step may take on one engine before the engine counts as hung. */
export const DEFAULT_STEP_TIMEOUT_MS = Number(process.env.PAIMON_INTEROP_STEP_TIMEOUT_MS ?? 120_000);

/** How long a liveness ping may take after a step ran out of time. */
const PING_TIMEOUT_MS = 5_000;

/**
 * Wraps any engine so that no step can hang a run. A step that does not answer in time is
 * judged by a liveness ping (`Engine.ping`):
 * - the engine still answers: the request hangs inside a live engine, a fact about the engine
 *   (an error of class `timeout`, which known issues can classify); later steps run as usual
 *   (the gateways serve each request on its own thread, so the hung one blocks nothing);
 * - no answer, or the adapter has no ping: an infrastructure error (EngineUnavailableError), and
 *   the engine is marked hung: later steps on it fail at once with the reason, instead of each
 *   waiting out its own timeout.
 * Either way `onHang` takes evidence first, while the request still hangs, and the error carries it
 * (not for a known hang: a step given its own limit).
 */
export function withStepTimeout(engine: Engine, timeoutMs = DEFAULT_STEP_TIMEOUT_MS, onHang?: HangEvidenceCollector): Engine {
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
      const timedOut = Symbol('timed out');
      const timeout = new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), limit);
      });
      const started = performance.now();
      const startedAt = Date.now();
      try {
        const outcome = await Promise.race([engine.execute(request, { ...ctx, timeoutMs: limit }), timeout]);
        if (outcome !== timedOut) return outcome;
      } finally {
        clearTimeout(timer);
      }
      const noAnswer = `no answer to ${request.kind} within ${limit / 1000}s`;
      // A step with a limit of its own is a known hang (a known-issues entry with `timeout`): its
      // entry holds the evidence, so none is taken again each run.
      const capture = ctx.timeoutMs === undefined ? onHang : undefined;
      const [alive, evidence] = await Promise.all([
        engine.ping ? engine.ping(PING_TIMEOUT_MS).catch(() => false) : false,
        capture?.(engine.name, ctx, startedAt).catch(() => undefined),
      ]);
      if (!alive) {
        hung = noAnswer;
        throw Object.assign(
          new EngineUnavailableError(engine.name, `${noAnswer}${engine.ping ? ', and no answer to a ping either' : ''}; ${where()}`),
          { evidence },
        );
      }
      return {
        ok: false,
        engineMillis: Math.round(performance.now() - started),
        error: {
          errorClass: 'timeout',
          exception: 'paimon-interop',
          message: `${noAnswer}; the engine still answers a ping, so the request hangs inside it (${where()})`,
        },
        ...(evidence ? { evidence } : {}),
      };
    },
    ping: engine.ping && ((ms: number) => engine.ping!(ms)),
    endScenario: engine.endScenario && ((database: string) => engine.endScenario!(database)),
    close: engine.close && (() => engine.close!()),
  };
}
