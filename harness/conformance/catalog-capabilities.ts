/**
 * Parts of the REST catalog protocol a catalog may offer or not. `core` is what every client
 * needs (config, databases, tables, commit, the latest snapshot); the rest are optional. A
 * scenario names the capabilities it needs under `requires.catalog`; a run knows what the catalog
 * claims; the conformance report gives each capability a verdict from the scenarios behind it.
 */
export const CATALOG_CAPABILITIES = {
  core: 'config, databases and tables (create, get, list, alter, rename, drop, details), commit, the latest snapshot, error bodies',
  pagination: 'listings honour maxResults and hand out pageToken until the last page',
  snapshots: "list a table's snapshots, get one by id",
  rollback: 'roll a table back to a snapshot or a tag (and its schema, from 1.4)',
  'data-token': 'temporary data credentials for a table (GET …/token)',
  'query-auth': 'row filters and column masking for a query (POST …/auth)',
  'register-table': 'register an existing table location in a database',
  'global-listing': 'list tables, views and functions across databases, with name patterns',
  'table-by-id': 'get a table by its id',
  partitions: 'list partitions (paged, by names from 1.4, by filter from 2.0), mark them done, create and drop them (2.0)',
  branches: 'create, list, forward, rename and drop branches',
  tags: 'create, get, list and delete tags',
  consumers: 'list and reset consumers',
  views: 'create, get, list, alter, rename and drop views',
  functions: 'create, get, list, alter and drop functions',
  authentication:
    'every request carries the credential (a bearer token or a DLF signature, whichever the run uses); none or a wrong one is answered 401 with an error body',
} as const;

export type CatalogCapability = keyof typeof CATALOG_CAPABILITIES;
export const CATALOG_CAPABILITY_NAMES = Object.keys(CATALOG_CAPABILITIES) as CatalogCapability[];

/** The names among `names` that are no catalog capability. */
export function unknownCapabilities(names: readonly string[]): string[] {
  return names.filter((c) => !(c in CATALOG_CAPABILITIES));
}

export class UnknownCapabilityError extends Error {
  readonly code = 'UNKNOWN_CATALOG_CAPABILITY';
  constructor(readonly names: string[]) {
    super(
      `unknown catalog capabilit${names.length === 1 ? 'y' : 'ies'} ${names.map((n) => `'${n}'`).join(', ')} (known: ${CATALOG_CAPABILITY_NAMES.join(', ')})`,
    );
    this.name = 'UnknownCapabilityError';
  }
}
