export { AccessControlProxy, type AccessControlOptions, type AccessDecision, type ProxyPrincipal } from './access-control-proxy.ts';
export { dlfAuthorization, dlfDateTime, dlfSignHeaders, parseDlfAuthorization, verifyDlfRequest, type DlfCredentials, type SignableRequest } from './dlf-signer.ts';
export type { DeclaredPrincipal, PrincipalAuthority } from './principal-authority.ts';
export { allows, denialMessage, requiredPrivilege, type Grant, type Privilege, type Requirement, type ResourceType } from './grants.ts';
