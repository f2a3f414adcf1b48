import { evaluateRest } from '../evaluate-step.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

/** `rest`: one request to the catalog's REST API (as the step's principal), status and body checked. */
export const restStep: StepHandler = async ({ step, ctx, principal, base }) => {
  const rest = step.rest!;
  const t = performance.now();
  if (!ctx.catalog) return { ...base, status: 'skip', skippedEngines: [{ engine: 'catalog', reason: 'no catalog endpoint' }] };
  try {
    const path = await ctx.catalog.resource(rest.path);
    const client = principal ? ctx.catalog.as(principal) : ctx.catalog;
    const reply = await client.raw(rest.method, path, rest.body);
    const failures = evaluateRest(step.expect, reply.status, reply.body);
    base.engines.push({ engine: 'catalog', status: failures.length ? 'fail' : 'pass', statement: `${rest.method} ${path}`, durationMs: Math.round(performance.now() - t), failures });
  } catch (err) {
    base.engines.push({ engine: 'catalog', status: 'error', durationMs: Math.round(performance.now() - t), failures: [], reason: (err as Error).message });
  }
  return withStatus(base);
};
