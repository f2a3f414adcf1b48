export { CatalogClient } from './catalog-client.ts';
export { RUN_PREFIX, runPrefix, runStartedAt } from './run-prefix.ts';
export { describeEndpoint, restCatalogOptions, type CatalogEndpoint, type PrincipalCredentials } from './catalog-endpoint.ts';
export { dlfAuthorization, dlfSignHeaders, verifyDlfRequest } from './dlf-signer.ts';
export {
  closeConfigProfile,
  FAULT_KINDS,
  fetchWireTally,
  fetchWireTrace,
  openConfigProfile,
  setWireFault,
  wireFaultStates,
  WireProxy,
  RETRY_AFTER_SECONDS,
  type FaultKind,
  type WireEntry,
  type WireTallyEntry,
  type WireTraceEndpoint,
} from './wire-proxy.ts';
