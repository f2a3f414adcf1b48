export { AccessControlProxy, type AccessControlOptions, type AccessDecision, type ProxyPrincipal } from './access-control-proxy.ts';
export type { DeclaredPrincipal, PrincipalAuthority } from './principal-authority.ts';
export { allows, denialMessage, requiredPrivilege, type Grant, type Privilege, type Requirement, type ResourceType } from './grants.ts';
