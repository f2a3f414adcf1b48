import { FAULT_KINDS, setWireFault, type FaultKind } from '../../catalog/index.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

/**
 * `fault`: tells the environment's wire proxy to disturb this scenario's requests to the catalog
 * (method + path below `/databases/${db}`), for the next `times` matching requests. The rule is
 * scoped to the scenario's database, so concurrent scenarios are not touched, and it ends with
 * the scenario (run-scenario clears it).
 */
export const faultStep: StepHandler = async ({ step, ctx, database, base }) => {
  const fault = step.fault!;
  if (!ctx.wireTrace) return { ...base, status: 'skip', skippedEngines: [{ engine: 'wire-proxy', reason: 'this environment has no wire proxy in front of its catalog (local and external have one)' }] };
  const kind = fault.kind as FaultKind;
  const statement = `fault ${kind} on ${fault.method} /databases/${database}${fault.path.replace(/^\^/, '').replace(/\$$/, '')} (${fault.times ?? 1} time(s))`;
  if (!FAULT_KINDS.includes(kind)) {
    base.engines.push({ engine: 'wire-proxy', status: 'error', statement, durationMs: 0, failures: [], reason: `unknown fault '${kind}' (${FAULT_KINDS.join(', ')})` });
    return withStatus(base);
  }
  const t = performance.now();
  try {
    await setWireFault(ctx.wireTrace, { database, method: fault.method, path: fault.path, kind, times: fault.times, delayMs: fault['delay-ms'] });
    base.engines.push({ engine: 'wire-proxy', status: 'pass', statement, durationMs: Math.round(performance.now() - t), failures: [] });
  } catch (err) {
    base.engines.push({ engine: 'wire-proxy', status: 'error', statement, durationMs: Math.round(performance.now() - t), failures: [], reason: (err as Error).message });
  }
  return withStatus(base);
};
