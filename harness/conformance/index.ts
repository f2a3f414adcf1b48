export {
  CATALOG_CAPABILITIES,
  CATALOG_CAPABILITY_NAMES,
  UnknownCapabilityError,
  unknownCapabilities,
  type CatalogCapability,
} from './catalog-capabilities.ts';
export { capabilityClaim, claimSourceText, specCapabilities, type CapabilityClaim } from './capability-claim.ts';
export { checkResponse } from './check-response.ts';
export { operationsOf, REST_OPERATIONS } from './rest-operations.ts';
export { tallyOperations, type OperationTally } from './operation-tally.ts';
