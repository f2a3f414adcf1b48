import type { EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayEngine } from '../gateway-engine.ts';
import { gatewayLauncher } from '../local-launch.ts';

/** pypaimon, Paimon's Python implementation: portable actions natively, no SQL. */
export const pypaimonDescriptor: EngineDescriptor = {
  name: 'pypaimon',
  summary: "Paimon's Python implementation (pypaimon) behind a loopback gateway",
  capabilities: ['writes', 'principals', 'catalog-config'],
  createAdapter: (endpoint) => new GatewayEngine('pypaimon', endpoint),
  local: gatewayLauncher('pypaimon', { oneShot: true }),
};
