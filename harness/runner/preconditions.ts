import { satisfies } from 'semver';
import { claimSourceText } from '../conformance/index.ts';
import { ENGINE_CAPABILITIES } from '../engines/index.ts';
import { ANY_WRITER, interpolate, isWriteKind, STEP_KINDS, type ScenarioInstance, type ScenarioStep } from '../scenario/index.ts';
import { unavailableReason, writerLacks, type RunContext } from './run-context.ts';
import { stepEngines } from './step-request.ts';
import { STEP_HANDLERS } from './steps/index.ts';

/**
 * What a scenario instance needs of its cell before it may run: each rule answers why the
 * instance is not this cell's to judge (it then skips with that reason), or undefined. Rules are
 * pure: they look at the instance and the run context only.
 */
export type Precondition = (instance: ScenarioInstance, ctx: RunContext) => string | undefined;

const why = (ctx: RunContext, engine: string) => unavailableReason(ctx, engine) ?? 'not in this environment';

/** `requires: { engines: [...] }` (a `${param}` names the engine of this matrix cell). */
export const requiredEngines: Precondition = ({ scenario, params }, ctx) => {
  const missing = interpolate(scenario.requires?.engines ?? [], params).filter((e) => !ctx.engines.has(e));
  return missing.length ? missing.map((e) => `requires ${e}: ${why(ctx, e)}`).join('; ') : undefined;
};

/**
 * A step that writes (or runs SQL) on engines this cell lacks, and on no other, would leave later
 * steps without their table.
 */
export const strandedWrite: Precondition = ({ steps }, ctx) => {
  const stranded = steps.find(
    (s) => (s.kind === 'sql' || isWriteKind(s.kind)) && stepEngines(s).length > 0 && stepEngines(s).every((e) => !ctx.engines.has(e)),
  );
  if (!stranded) return undefined;
  return `step ${stranded.index + 1} runs on ${stepEngines(stranded)
    .map((e) => `${e} (${e === ANY_WRITER ? 'no engine of this cell can write' : why(ctx, e)})`)
    .join(', ')} only`;
};

/** Cross-version cells: writes with a client the writer's release lacks would have to come from another version. */
export const writerClients: Precondition = ({ steps }, ctx) => {
  const onWriter = (s: ScenarioStep) => s.clients !== 'reader' && isWriteKind(s.kind);
  const lacking = [...new Set(steps.filter(onWriter).flatMap(stepEngines))].filter((e) => writerLacks(ctx, e));
  return lacking.length ? lacking.map((e) => `writes on ${e}: ${writerLacks(ctx, e)}`).join('; ') : undefined;
};

/** `requires: { paimon: range }`, for the cell's release and, in cross-version cells, the writer's. */
export const paimonRange: Precondition = ({ scenario }, ctx) => {
  const range = scenario.requires?.paimon;
  const outside =
    range === undefined
      ? []
      : [ctx.env.paimonVersion, ctx.writerPaimonVersion].filter(
          (v): v is string => v !== undefined && !satisfies(v, range, { includePrerelease: true }),
        );
  return outside.length ? `requires Paimon ${range}; this cell runs ${outside.join(' and ')}` : undefined;
};

/** `requires: { capabilities: [...] }`: some engine of the cell has each. */
export const engineCapabilities: Precondition = ({ scenario }, ctx) => {
  const engines = [...ctx.engines.keys()];
  const lacking = (scenario.requires?.capabilities ?? []).filter((c) => !engines.some((e) => ENGINE_CAPABILITIES[e]?.includes(c)));
  return lacking.length
    ? lacking.map((c) => `requires an engine with ${c}; none here has it (${engines.join(', ') || 'no engines'})`).join('; ')
    : undefined;
};

/** `requires: { catalog: [...] }`: the catalog claims each capability the scenario exercises. */
export const catalogClaim: Precondition = ({ scenario }, ctx) => {
  const claim = ctx.env.catalogCapabilities?.claim;
  const unclaimed = claim ? (scenario.requires?.catalog ?? []).filter((c) => !claim.claimed.includes(c)) : [];
  return unclaimed.length
    ? `exercises ${unclaimed.join(', ')}, which the catalog does not claim (${claimSourceText(claim!.source)})`
    : undefined;
};

/** Step kinds that need something of the environment (a fault needs the wire proxy): their handlers say what. */
export const stepKindsAvailable: Precondition = ({ steps }, ctx) => {
  for (const kind of STEP_KINDS.filter((k) => steps.some((s) => s.kind === k))) {
    const reason = STEP_HANDLERS[kind].unavailable?.(ctx);
    if (reason) return reason;
  }
  return undefined;
};

/** `catalog-config`: the scenario's clients open the catalog through the wire proxy, at an address of its own. */
export const catalogConfigProxy: Precondition = ({ scenario }, ctx) =>
  scenario['catalog-config'] && !ctx.env.features.wireProxy
    ? 'gives its clients a catalog configuration through the wire proxy in front of the catalog; this environment has none (local and external have one)'
    : undefined;

/** Something of the scenario runs here: a catalog call, or a step on an engine of the cell. */
export const somethingRuns: Precondition = ({ steps }, ctx) => {
  if (steps.some((s) => s.rest !== undefined || stepEngines(s).some((e) => ctx.engines.has(e)))) return undefined;
  const absent = [...new Set(steps.flatMap(stepEngines))];
  return `no engine of this scenario is available (${absent.map((e) => `${e}: ${unavailableReason(ctx, e) ?? 'absent'}`).join('; ')})`;
};

/** The rules, in the order a skipped instance names the first that holds. */
const PRECONDITIONS: readonly Precondition[] = [
  requiredEngines,
  strandedWrite,
  writerClients,
  paimonRange,
  engineCapabilities,
  catalogClaim,
  stepKindsAvailable,
  catalogConfigProxy,
  somethingRuns,
];

/** Why the instance cannot run in this context, or undefined when it can. */
export function skipReason(instance: ScenarioInstance, ctx: RunContext): string | undefined {
  for (const rule of PRECONDITIONS) {
    const reason = rule(instance, ctx);
    if (reason) return reason;
  }
  return undefined;
}
