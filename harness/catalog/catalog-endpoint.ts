/** How the harness reaches a Paimon REST catalog. Serializable; secrets are kept out of `toString`s. */
export interface CatalogEndpoint {
  uri: string;
  warehouse: string;
  auth: { provider: 'bear'; token: string } | { provider: 'dlf'; accessKeyId: string; accessKeySecret: string; region?: string } | { provider: 'none' };
  /** Log file of the catalog process, when the harness started it. */
  log?: string;
}

/** A printable description with every secret masked. */
export function describeEndpoint(e: CatalogEndpoint): string {
  const auth = e.auth.provider === 'bear' ? 'bearer ***' : e.auth.provider === 'dlf' ? `dlf ${e.auth.accessKeyId.slice(0, 4)}***` : 'no auth';
  return `${e.uri} (warehouse ${e.warehouse}, ${auth})`;
}
