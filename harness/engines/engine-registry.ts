import type { Engine, EngineEndpoint } from './engine.ts';
import { withSerialAccess } from './serial-access.ts';
import { withStepTimeout } from './step-timeout.ts';
import { CAPABILITIES, type EngineContext, type EngineDescriptor } from './engine-descriptor.ts';
import { dorisDescriptor } from './doris/doris-engine.ts';
import { flinkDescriptor } from './flink/flink-engine.ts';
import { paimonJavaDescriptor } from './paimon-java/paimon-java-engine.ts';
import { paimonRustDescriptor } from './paimon-rust/paimon-rust-engine.ts';
import { pypaimonDescriptor } from './pypaimon/pypaimon-engine.ts';
import { sparkDescriptor } from './spark/spark-engine.ts';

/** Every engine: adding one is its own file plus one line here. */
export const ENGINE_DESCRIPTORS: readonly EngineDescriptor[] = [pypaimonDescriptor, paimonJavaDescriptor, paimonRustDescriptor, flinkDescriptor, sparkDescriptor, dorisDescriptor];

/** Every engine some adapter provides; scenarios naming anything else fail to load. */
export const KNOWN_ENGINES: readonly string[] = ENGINE_DESCRIPTORS.map((d) => d.name).sort();

/** Engine -> capabilities, for the scenario loader (which knows no engines otherwise). */
export const ENGINE_CAPABILITIES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(ENGINE_DESCRIPTORS.map((d) => [d.name, d.capabilities]));

/** What the scenario loader needs to know of engines. */
export const SCENARIO_ENGINES = { knownEngines: KNOWN_ENGINES, capabilities: ENGINE_CAPABILITIES, knownCapabilities: CAPABILITIES };

export function engineDescriptor(name: string): EngineDescriptor | undefined {
  return ENGINE_DESCRIPTORS.find((d) => d.name === name);
}

/**
 * The adapter for an endpoint, guarded by the engine's step timeout; an engine that takes one
 * step at a time gets a queue in front of the timeout.
 */
export function createEngine(endpoint: EngineEndpoint, context: EngineContext): Engine {
  const descriptor = engineDescriptor(endpoint.engine);
  if (!descriptor) throw new Error(`no adapter for engine '${endpoint.engine}'`);
  const guarded = withStepTimeout(descriptor.createAdapter(endpoint, context), descriptor.stepTimeoutMs, context.onHang);
  return descriptor.concurrentSteps ? guarded : withSerialAccess(guarded);
}
