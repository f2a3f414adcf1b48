import type { Engine, EngineEndpoint } from './engine.ts';
import { withSerialAccess } from './serial-access.ts';
import { withStepTimeout } from './step-timeout.ts';
import { CAPABILITIES, type EngineContext, type EngineDescriptor } from './engine-descriptor.ts';
import type { CacheFolderOwner } from '../provisioning/index.ts';
import { dorisDescriptor } from './doris/index.ts';
import { flinkDescriptor } from './flink/index.ts';
import { paimonJavaDescriptor } from './paimon-java/index.ts';
import { paimonRustDescriptor } from './paimon-rust/index.ts';
import { pypaimonDescriptor } from './pypaimon/index.ts';
import { sparkDescriptor } from './spark/index.ts';

/** Every engine: adding one is its folder (harness/engines/<name>/) plus one line here. */
export const ENGINE_DESCRIPTORS: readonly EngineDescriptor[] = [
  pypaimonDescriptor,
  paimonJavaDescriptor,
  paimonRustDescriptor,
  flinkDescriptor,
  sparkDescriptor,
  dorisDescriptor,
];

/** What the scenario loader needs to know of engines: their names and capabilities. */
export function scenarioEngines(descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS) {
  return {
    knownEngines: descriptors.map((d) => d.name).sort(),
    capabilities: Object.fromEntries(descriptors.map((d) => [d.name, d.capabilities])) as Readonly<Record<string, readonly string[]>>,
    knownCapabilities: CAPABILITIES,
  };
}

/** What the scenario loader needs to know of the registry's engines. */
export const SCENARIO_ENGINES = scenarioEngines();

/** Every engine some adapter provides; scenarios naming anything else fail to load. */
export const KNOWN_ENGINES: readonly string[] = SCENARIO_ENGINES.knownEngines;

/** Engine -> capabilities (the scenario loader knows no engines otherwise). */
export const ENGINE_CAPABILITIES = SCENARIO_ENGINES.capabilities;

export function engineDescriptor(
  name: string,
  descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS,
): EngineDescriptor | undefined {
  return descriptors.find((d) => d.name === name);
}

/**
 * The adapter for an endpoint, guarded by the engine's step timeout; an engine that takes one
 * step at a time gets a queue in front of the timeout.
 */
export function createEngine(
  endpoint: EngineEndpoint,
  context: EngineContext,
  descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS,
): Engine {
  const descriptor = engineDescriptor(endpoint.engine, descriptors);
  if (!descriptor) throw new Error(`no adapter for engine '${endpoint.engine}'`);
  const guarded = withStepTimeout(descriptor.createAdapter(endpoint, context), descriptor.stepTimeoutMs, context.onHang);
  return descriptor.concurrentSteps ? guarded : withSerialAccess(guarded);
}

/** The engines `on: any-writer` may stand for, in order of preference: those that write portable actions, in the registry's order. */
export function anyWriterOrder(descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS): string[] {
  return descriptors.filter((d) => d.capabilities.includes('writes')).map((d) => d.name);
}

/** Engines whose release is a component of a cell that known issues may scope entries to (`clients:`). */
export function clientReleaseEngines(descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS): string[] {
  return descriptors.filter((d) => d.clientReleases).map((d) => d.name);
}

/** The engines' shared cache folders, for `cache list` and `setup`. */
export function cacheFolderOwners(descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS): CacheFolderOwner[] {
  return descriptors.flatMap((d) => (d.local?.cacheFolders ? [d.local.cacheFolders] : []));
}

/**
 * How the wire tally names a request's client: each engine's User-Agent pattern, with its family
 * (`java (paimon-java, flink)` where engines share one HTTP client).
 */
export function wireClientFamilies(descriptors: readonly EngineDescriptor[] = ENGINE_DESCRIPTORS): { userAgent: RegExp; family: string }[] {
  const members = (family: string) => descriptors.filter((d) => d.wireClient?.family === family).map((d) => d.name);
  return descriptors.flatMap((d) => {
    if (!d.wireClient) return [];
    const names = members(d.wireClient.family);
    const label =
      names.length === 1 && names[0] === d.wireClient.family ? d.wireClient.family : `${d.wireClient.family} (${names.join(', ')})`;
    return [{ userAgent: d.wireClient.userAgent, family: label }];
  });
}
