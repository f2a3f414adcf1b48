import { fileURLToPath } from 'node:url';
import { JAVA_REST_CLIENT, paimonTracker, type EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayAdapter } from '../gateway-adapter.ts';
import { gatewayLauncher } from '../local-launch.ts';

/** The Java gateway runs on the reference catalog's class path: its sources are compiled with the catalog launcher. */
const JAVA_SOURCES = ['JavaGateway.java', 'GatewayPredicates.java', 'GatewayValues.java'].map((f) =>
  fileURLToPath(new URL(`java/${f}`, import.meta.url)),
);
const GATEWAY = { jvmMainClass: 'JavaGateway' };

/** Paimon's Java Table API, the library Spark, Flink and Doris embed; no SQL. */
export const paimonJavaDescriptor: EngineDescriptor = {
  name: 'paimon-java',
  summary: "Paimon's Java Table API behind a loopback gateway",
  capabilities: ['writes', 'principals', 'catalog-config'],
  createAdapter: (endpoint) => new GatewayAdapter('paimon-java', endpoint),
  gateway: GATEWAY,
  local: gatewayLauncher('paimon-java', GATEWAY, { javaSources: JAVA_SOURCES }),
  crossVersionWriter: true,
  clientReleases: true,
  wireClient: JAVA_REST_CLIENT,
  issueTrackers: { paimon: paimonTracker('paimon-core (the Java implementation)', 'core') },
};
