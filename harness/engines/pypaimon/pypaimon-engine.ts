import { fileURLToPath } from 'node:url';
import { paimonTracker, type EngineDescriptor } from '../engine-descriptor.ts';
import { GatewayAdapter } from '../gateway-adapter.ts';
import { gatewayLauncher } from '../local-launch.ts';
import { pypaimonPackages } from './pypaimon-provision.ts';

const GATEWAY = { python: fileURLToPath(new URL('pypaimon_gateway.py', import.meta.url)) };

/** pypaimon, Paimon's Python implementation: portable actions natively, no SQL. */
export const pypaimonDescriptor: EngineDescriptor = {
  name: 'pypaimon',
  summary: "Paimon's Python implementation (pypaimon) behind a loopback gateway",
  capabilities: ['writes', 'principals', 'catalog-config'],
  createAdapter: (endpoint) => new GatewayAdapter('pypaimon', endpoint),
  gateway: GATEWAY,
  local: gatewayLauncher('pypaimon', GATEWAY, { oneShot: true, pythonPackages: pypaimonPackages }),
  crossVersionWriter: true,
  clientReleases: true,
  wireClient: { userAgent: /python-requests|pypaimon/i, family: 'pypaimon' },
  issueTrackers: { paimon: paimonTracker('pypaimon (paimon-python)', 'python') },
};
