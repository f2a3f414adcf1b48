export { AccessControlProxy, type AccessControlOptions } from './access-control-proxy.ts';
export type { PrincipalAuthority } from './principal-authority.ts';
