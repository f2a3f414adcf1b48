export { GATEWAY_TIME_ZONE } from './engine-time-zone.ts';
export { ManagedProcess, type LiveProcess } from './managed-process.ts';
export { freePort } from './free-port.ts';
export { GATEWAY_LIBRARY, gatewayCommandLine, gatewayEnv, startGatewayProcess, type GatewayCommand } from './gateway-process.ts';
