import type { CatalogEndpoint } from '../catalog/index.ts';
import { DorisEngine } from './doris-engine.ts';
import type { Engine, EngineEndpoint } from './engine.ts';
import { GatewayEngine } from './gateway-engine.ts';
import { SparkEngine } from './spark-engine.ts';

/** Every engine some adapter provides; scenarios naming anything else fail to load. */
/** What some adapters need besides their endpoint (Doris creates a catalog for the run). */
export interface EngineContext {
  catalog: CatalogEndpoint;
  runId: string;
}

export const ENGINE_ADAPTERS: Record<string, (endpoint: EngineEndpoint, context: EngineContext) => Engine> = {
  spark: (e) => new SparkEngine('spark', e),
  // pypaimon runs portable actions natively; it has no SQL.
  pypaimon: (e) => new GatewayEngine('pypaimon', e),
  // Paimon's Java Table API, the implementation Spark, Flink and Doris embed; no SQL either.
  'paimon-java': (e) => new GatewayEngine('paimon-java', e),
  doris: (e, ctx) => new DorisEngine(e, ctx),
};

export const KNOWN_ENGINES: readonly string[] = Object.keys(ENGINE_ADAPTERS).sort();

export function createEngine(endpoint: EngineEndpoint, context: EngineContext): Engine {
  const make = ENGINE_ADAPTERS[endpoint.engine];
  if (!make) throw new Error(`no adapter for engine '${endpoint.engine}'`);
  return make(endpoint, context);
}
