import type { PrincipalCredentials } from '../engines/index.ts';
import type { Grant } from './grants.ts';

/** A principal as a scenario declares it. */
export interface DeclaredPrincipal {
  grants?: Grant[];
  /** Holds ALL on the catalog. */
  privileged?: boolean;
  /** DLF signature (default) or bearer token. */
  auth?: 'dlf' | 'bear';
}

/**
 * Whatever can mint principals and change their grants for a scenario: the reference
 * access-control proxy. Vendors' catalogs bring their own principals instead (from config).
 */
export interface PrincipalAuthority {
  /** Creates the scenario's principals under `scope`; returns their credentials by name. */
  register(scope: string, declared: Record<string, DeclaredPrincipal>): Record<string, PrincipalCredentials>;
  unregister(scope: string): void;
  /** Returns false when the principal is unknown. */
  grant(scope: string, name: string, grant: Grant): boolean;
  revoke(scope: string, name: string, grant: Grant): boolean;
}
