export {
  CATALOG_CAPABILITIES,
  CATALOG_CAPABILITY_NAMES,
  UnknownCapabilityError,
  unknownCapabilities,
  type CatalogCapability,
} from './catalog-capabilities.ts';
export { capabilityClaim, claimSourceText, specCapabilities, type CapabilityClaim } from './capability-claim.ts';
export { checkResponse, type ResponseCheck } from './check-response.ts';
export { RESPONSE_SCHEMA_NAMES, responseSchema } from './response-schemas.ts';
export { operationOf, operationsOf, REST_OPERATIONS, type RestOperation } from './rest-operations.ts';
export { clientFamily, tallyOperations, type OperationTally } from './operation-tally.ts';
