/** How the harness reaches a Paimon REST catalog. Serializable; secrets are kept out of `toString`s. */
export interface CatalogEndpoint {
  uri: string;
  warehouse: string;
  auth:
    | { provider: 'bear'; token: string }
    | { provider: 'dlf'; accessKeyId: string; accessKeySecret: string; region?: string }
    | { provider: 'none' };
  /** Log file of the catalog process, when the harness started it. */
  log?: string;
}

/** A printable description with every secret masked. */
export function describeEndpoint(e: CatalogEndpoint): string {
  const auth =
    e.auth.provider === 'bear' ? 'bearer ***' : e.auth.provider === 'dlf' ? `dlf ${e.auth.accessKeyId.slice(0, 4)}***` : 'no auth';
  return `${e.uri} (warehouse ${e.warehouse}, ${auth})`;
}

/** Paimon catalog options for a REST endpoint, as Paimon's clients take them (pypaimon, Paimon Java, the Spark and Flink connectors). */
export function restCatalogOptions(catalog: CatalogEndpoint): Record<string, string> {
  const base = { metastore: 'rest', uri: catalog.uri, warehouse: catalog.warehouse };
  const auth = catalog.auth;
  if (auth.provider === 'bear') return { ...base, 'token.provider': 'bear', token: auth.token };
  if (auth.provider === 'dlf') {
    return {
      ...base,
      'token.provider': 'dlf',
      'dlf.access-key-id': auth.accessKeyId,
      'dlf.access-key-secret': auth.accessKeySecret,
      'dlf.region': auth.region ?? 'cn-hangzhou',
    };
  }
  return base;
}

/** Credentials of the principal a step acts as; never logged or reported. */
export interface PrincipalCredentials {
  name: string;
  token?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** DLF region of the signature scope. */
  region?: string;
  /** Catalog URI to use instead of the environment's (e.g. the access-control proxy). */
  uri?: string;
}
