export { CatalogClient, CatalogError, OutsideRunPrefixError, type RestReply } from './catalog-client.ts';
export { databaseOf, isRunDatabase, outsideRunPrefix, RUN_PREFIX, runPrefix, runStartedAt } from './run-prefix.ts';
export { describeEndpoint, restCatalogOptions, type CatalogEndpoint, type PrincipalCredentials } from './catalog-endpoint.ts';
export { dlfAuthorization, dlfSignHeaders, verifyDlfRequest } from './dlf-signer.ts';
export {
  closeConfigProfile,
  FAULT_KINDS,
  fetchWireTally,
  fetchWireTrace,
  openConfigProfile,
  redactBody,
  setWireFault,
  wireFaultStates,
  WireProxy,
  RETRY_AFTER_SECONDS,
  type FaultKind,
  type FaultRule,
  type WireEntry,
  type WireTallyEntry,
  type WireTraceEndpoint,
} from './wire-proxy.ts';
export { mergeConfigAnswer, type ConfigProfile } from './config-profile.ts';
