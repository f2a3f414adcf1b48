import { FAULT_KINDS, RETRY_AFTER_SECONDS, setWireFault, wireFaultStates, type FaultKind } from '../../catalog/index.ts';
import { WIRE_PROXY_ACTOR, type StepResult } from '../../verdicts/index.ts';
import { actorAction, withStatus, type ScenarioEnd, type StepHandler, type StepKindHandler } from './step-handler.ts';

/**
 * `fault`: tells the environment's wire proxy to disturb this scenario's requests to the catalog
 * (method + path below `/databases/${db}`), for the next `times` matching requests. The rule is
 * scoped to the scenario's database, so concurrent scenarios are not touched, and it ends with
 * the scenario (teardown clears it).
 */
const faultStep: StepHandler = async ({ step, ctx, database, base }) => {
  const fault = step.fault!;
  const wireProxy = ctx.env.features.wireProxy;
  if (!wireProxy)
    return {
      ...base,
      status: 'skip',
      skippedEngines: [
        { ...WIRE_PROXY_ACTOR, reason: 'this environment has no wire proxy in front of its catalog (local and external have one)' },
      ],
    };
  const kind = fault.kind as FaultKind;
  const statement = `fault ${kind} on ${fault.method} /databases/${database}${fault.path.replace(/^\^/, '').replace(/\$$/, '')} (${fault.times ?? 1} time(s))`;
  if (!FAULT_KINDS.includes(kind)) {
    base.engines.push({
      ...WIRE_PROXY_ACTOR,
      status: 'error',
      statement,
      durationMs: 0,
      failures: [],
      reason: `unknown fault '${kind}' (${FAULT_KINDS.join(', ')})`,
    });
    return withStatus(base);
  }
  base.engines.push(
    await actorAction(WIRE_PROXY_ACTOR, statement, () =>
      setWireFault(wireProxy, {
        database,
        method: fault.method,
        path: fault.path,
        kind,
        times: fault.times,
        delayMs: fault['delay-ms'],
      }),
    ),
  );
  return withStatus(base);
};

/**
 * The scenario's faults as the wire proxy saw them met: a rule with turns left means the client
 * never made the request, and a pass would prove nothing about resilience; a `throttled` fault
 * followed by a retry sooner than its Retry-After means the client did not wait as asked
 * (RFC 9110 §10.2.3; Paimon's Java client honours it).
 */
async function faultsMet({ ctx, database, nextIndex, loc }: ScenarioEnd): Promise<StepResult> {
  const states = await wireFaultStates(ctx.env.features.wireProxy!, database);
  const failures = [
    ...states
      .filter((f) => f.left > 0)
      .map((f) => ({
        equal: false,
        aspect: 'fault',
        diff: [
          `- ${f.kind} met by a ${f.method} request matching ${f.path}`,
          `+ never met (${f.left} turn(s) left): no such request reached the catalog`,
        ],
      })),
    ...states.flatMap((f) =>
      f.earlyRetriesMs.map((ms) => ({
        equal: false,
        aspect: 'retry-after',
        diff: [
          `- the ${f.method} request matching ${f.path} retried no sooner than ${RETRY_AFTER_SECONDS} s after its 429 (Retry-After: ${RETRY_AFTER_SECONDS})`,
          `+ retried after ${ms} ms`,
        ],
      })),
    ),
  ];
  const statement = states.map((f) => `${f.kind} on ${f.method} ${f.path}`).join('; ');
  const status = failures.length ? 'fail' : 'pass';
  return {
    index: nextIndex,
    name: 'every injected fault was met as asked',
    loc,
    status,
    engines: [{ ...WIRE_PROXY_ACTOR, status, statement, durationMs: 0, failures }],
    disagreements: [],
    skippedEngines: [],
  };
}

export const faultHandler: StepKindHandler = {
  run: faultStep,
  unavailable: (ctx) =>
    ctx.env.features.wireProxy
      ? undefined
      : 'injects faults through the wire proxy in front of the catalog; this environment has none (local and external have one)',
  traceEveryStep: true,
  afterSteps: faultsMet,
  teardown: async ({ ctx, database }) => {
    await setWireFault(ctx.env.features.wireProxy!, { clear: database });
  },
};
