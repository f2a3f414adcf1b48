import type { EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayEngine } from '../gateway-engine.ts';
import { gatewayLauncher } from '../local-launch.ts';

/** Paimon's Java Table API, the library Spark, Flink and Doris embed; no SQL. */
export const paimonJavaDescriptor: EngineDescriptor = {
  name: 'paimon-java',
  summary: "Paimon's Java Table API behind a loopback gateway",
  capabilities: ['writes', 'principals', 'catalog-config'],
  createAdapter: (endpoint) => new GatewayEngine('paimon-java', endpoint),
  local: gatewayLauncher('paimon-java'),
};
