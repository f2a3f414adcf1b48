import semver from 'semver';
import type { CatalogCapability } from './catalog-capabilities.ts';

/**
 * One operation of the Paimon REST catalog specification (apache/paimon
 * docs/static/rest-catalog-open-api.yaml): its method, path template, the first release whose
 * specification defines it, the capability it belongs to, and the schema of its 200 answer.
 */
export interface RestOperation {
  /** The specification's operationId (camel-cased where the spec capitalizes it). */
  id: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path template as the specification writes it. */
  path: string;
  /** First Paimon release among the version table's whose specification has the operation. */
  since: string;
  capability: CatalogCapability;
  /** Response schema of a 200 answer (response-schemas.ts); absent: the specification defines no body. */
  ok?: string;
}

/**
 * Every operation of the specification, 1.1 to 2.0 (read from the OpenAPI document of each release
 * tag: 40 paths and 56 operations in 2.0.0, 53 in 1.4, 30 in 1.1). `since` says which rows' catalogs must offer it.
 */
export const REST_OPERATIONS: readonly RestOperation[] = [
  { id: 'getConfig', method: 'GET', path: '/v1/config', since: '1.1.0', capability: 'core', ok: 'ConfigResponse' },
  { id: 'listDatabases', method: 'GET', path: '/v1/{prefix}/databases', since: '1.1.0', capability: 'core', ok: 'ListDatabasesResponse' },
  { id: 'createDatabase', method: 'POST', path: '/v1/{prefix}/databases', since: '1.1.0', capability: 'core' },
  {
    id: 'getDatabase',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}',
    since: '1.1.0',
    capability: 'core',
    ok: 'GetDatabaseResponse',
  },
  {
    id: 'alterDatabase',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}',
    since: '1.1.0',
    capability: 'core',
    ok: 'AlterDatabaseResponse',
  },
  { id: 'dropDatabase', method: 'DELETE', path: '/v1/{prefix}/databases/{database}', since: '1.1.0', capability: 'core' },
  {
    id: 'listTables',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables',
    since: '1.1.0',
    capability: 'core',
    ok: 'ListTablesResponse',
  },
  { id: 'createTable', method: 'POST', path: '/v1/{prefix}/databases/{database}/tables', since: '1.1.0', capability: 'core' },
  {
    id: 'listTableDetails',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/table-details',
    since: '1.1.0',
    capability: 'core',
    ok: 'ListTableDetailsResponse',
  },
  {
    id: 'getTable',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}',
    since: '1.1.0',
    capability: 'core',
    ok: 'GetTableResponse',
  },
  { id: 'alterTable', method: 'POST', path: '/v1/{prefix}/databases/{database}/tables/{table}', since: '1.1.0', capability: 'core' },
  { id: 'dropTable', method: 'DELETE', path: '/v1/{prefix}/databases/{database}/tables/{table}', since: '1.1.0', capability: 'core' },
  { id: 'renameTable', method: 'POST', path: '/v1/{prefix}/tables/rename', since: '1.1.0', capability: 'core' },
  {
    id: 'commitTable',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/commit',
    since: '1.1.0',
    capability: 'core',
    ok: 'CommitTableResponse',
  },
  {
    id: 'getTableSnapshot',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/snapshot',
    since: '1.1.0',
    capability: 'core',
    ok: 'GetTableSnapshotResponse',
  },
  {
    id: 'listSnapshots',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/snapshots',
    since: '1.2.0',
    capability: 'snapshots',
    ok: 'ListSnapshotsResponse',
  },
  {
    id: 'getVersionSnapshot',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/snapshots/{version}',
    since: '1.2.0',
    capability: 'snapshots',
    ok: 'GetVersionSnapshotResponse',
  },
  {
    id: 'rollbackTable',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/rollback',
    since: '1.1.0',
    capability: 'rollback',
  },
  {
    id: 'rollbackSchema',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/rollback-schema',
    since: '1.4.0',
    capability: 'rollback',
  },
  {
    id: 'getTableToken',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/token',
    since: '1.1.0',
    capability: 'data-token',
    ok: 'GetTableDataTokenResponse',
  },
  {
    id: 'authTableQuery',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/auth',
    since: '1.2.0',
    capability: 'query-auth',
    ok: 'AuthTableQueryResponse',
  },
  { id: 'registerTable', method: 'POST', path: '/v1/{prefix}/databases/{database}/register', since: '1.3.0', capability: 'register-table' },
  {
    id: 'listTablesGlobally',
    method: 'GET',
    path: '/v1/{prefix}/tables',
    since: '1.2.0',
    capability: 'global-listing',
    ok: 'ListTablesGloballyResponse',
  },
  {
    id: 'getTableById',
    method: 'GET',
    path: '/v1/{prefix}/tables/id/{tableId}',
    since: '1.4.0',
    capability: 'table-by-id',
    ok: 'GetTableResponse',
  },
  {
    id: 'listPartitions',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/partitions',
    since: '1.1.0',
    capability: 'partitions',
    ok: 'ListPartitionsResponse',
  },
  {
    id: 'markDonePartitions',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/partitions/mark',
    since: '1.1.0',
    capability: 'partitions',
  },
  {
    id: 'listPartitionsByNames',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/partitions/list-by-names',
    since: '1.4.0',
    capability: 'partitions',
    ok: 'ListPartitionsResponse',
  },
  {
    id: 'createPartitions',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/partitions',
    since: '2.0.0',
    capability: 'partitions',
    ok: 'CreatePartitionsResponse',
  },
  {
    id: 'dropPartitions',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/partitions/drop',
    since: '2.0.0',
    capability: 'partitions',
    ok: 'DropPartitionsResponse',
  },
  {
    id: 'listPartitionsByFilter',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/partitions/list-by-filter',
    since: '2.0.0',
    capability: 'partitions',
    ok: 'ListPartitionsResponse',
  },
  {
    id: 'listBranches',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/branches',
    since: '1.1.0',
    capability: 'branches',
    ok: 'ListBranchesResponse',
  },
  {
    id: 'createBranch',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/branches',
    since: '1.1.0',
    capability: 'branches',
  },
  {
    id: 'dropBranch',
    method: 'DELETE',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/branches/{branch}',
    since: '1.1.0',
    capability: 'branches',
  },
  {
    id: 'forwardBranch',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/branches/{branch}/forward',
    since: '1.1.0',
    capability: 'branches',
  },
  {
    id: 'renameBranch',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/branches/{branch}/rename',
    since: '1.4.0',
    capability: 'branches',
  },
  {
    id: 'listTags',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/tags',
    since: '1.4.0',
    capability: 'tags',
    ok: 'ListTagsResponse',
  },
  { id: 'createTag', method: 'POST', path: '/v1/{prefix}/databases/{database}/tables/{table}/tags', since: '1.4.0', capability: 'tags' },
  {
    id: 'getTag',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/tags/{tag}',
    since: '1.4.0',
    capability: 'tags',
    ok: 'GetTagResponse',
  },
  {
    id: 'deleteTag',
    method: 'DELETE',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/tags/{tag}',
    since: '1.4.0',
    capability: 'tags',
  },
  {
    id: 'listConsumers',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/consumers',
    since: '1.4.0',
    capability: 'consumers',
    ok: 'ListConsumersResponse',
  },
  {
    id: 'resetConsumer',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/tables/{table}/consumers/reset',
    since: '1.4.0',
    capability: 'consumers',
  },
  {
    id: 'listViews',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/views',
    since: '1.1.0',
    capability: 'views',
    ok: 'ListViewsResponse',
  },
  { id: 'createView', method: 'POST', path: '/v1/{prefix}/databases/{database}/views', since: '1.1.0', capability: 'views' },
  {
    id: 'listViewDetails',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/view-details',
    since: '1.1.0',
    capability: 'views',
    ok: 'ListViewDetailsResponse',
  },
  {
    id: 'getView',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/views/{view}',
    since: '1.1.0',
    capability: 'views',
    ok: 'GetViewResponse',
  },
  { id: 'alterView', method: 'POST', path: '/v1/{prefix}/databases/{database}/views/{view}', since: '1.1.0', capability: 'views' },
  { id: 'dropView', method: 'DELETE', path: '/v1/{prefix}/databases/{database}/views/{view}', since: '1.1.0', capability: 'views' },
  { id: 'renameView', method: 'POST', path: '/v1/{prefix}/views/rename', since: '1.1.0', capability: 'views' },
  {
    id: 'listViewsGlobally',
    method: 'GET',
    path: '/v1/{prefix}/views',
    since: '1.2.0',
    capability: 'global-listing',
    ok: 'ListViewsGloballyResponse',
  },
  {
    id: 'listFunctions',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/functions',
    since: '1.2.0',
    capability: 'functions',
    ok: 'ListFunctionsResponse',
  },
  { id: 'createFunction', method: 'POST', path: '/v1/{prefix}/databases/{database}/functions', since: '1.2.0', capability: 'functions' },
  {
    id: 'listFunctionDetails',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/function-details',
    since: '1.2.0',
    capability: 'functions',
    ok: 'ListFunctionDetailsResponse',
  },
  {
    id: 'getFunction',
    method: 'GET',
    path: '/v1/{prefix}/databases/{database}/functions/{function}',
    since: '1.2.0',
    capability: 'functions',
    ok: 'GetFunctionResponse',
  },
  {
    id: 'alterFunction',
    method: 'POST',
    path: '/v1/{prefix}/databases/{database}/functions/{function}',
    since: '1.2.0',
    capability: 'functions',
  },
  {
    id: 'dropFunction',
    method: 'DELETE',
    path: '/v1/{prefix}/databases/{database}/functions/{function}',
    since: '1.2.0',
    capability: 'functions',
  },
  {
    id: 'listFunctionsGlobally',
    method: 'GET',
    path: '/v1/{prefix}/functions',
    since: '1.2.0',
    capability: 'global-listing',
    ok: 'ListFunctionsGloballyResponse',
  },
];

// A template segment matches one path segment (the prefix may be empty); literal segments win over parameters (tables/rename
// is renameTable, not a table named 'rename'), so literal-heavy templates are tried first.
const MATCHERS = [...REST_OPERATIONS]
  .map((op) => ({
    op,
    re: new RegExp(`^${op.path.replace('/{prefix}', '(?:/[^/]+)?').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literals: op.path.split('/').filter((s) => s && !s.startsWith('{')).length,
  }))
  .sort((a, b) => b.literals - a.literals);

/** The operation a request is, by method and path (query ignored); undefined for paths outside the specification. */
export function operationOf(method: string, path: string): RestOperation | undefined {
  const bare = path.split('?')[0]!.replace(/\/+$/, '');
  return MATCHERS.find((m) => m.op.method === method.toUpperCase() && m.re.test(bare))?.op;
}

/** The operations a release's specification defines. */
export function operationsOf(release: string): RestOperation[] {
  const coerced = semver.coerce(release)?.version ?? release;
  return REST_OPERATIONS.filter((op) => semver.lte(op.since, coerced));
}
