/**
 * JSON Schemas of the REST catalog's answers, written from the specification's components
 * (apache/paimon docs/static/rest-catalog-open-api.yaml, 2.0.0; older releases' shapes are subsets).
 *
 * Two readings of the specification, both documented in docs/conformance.md:
 * - Optional fields may be null as well as absent: the specification marks few fields nullable,
 *   yet Jackson-based servers write null for every unset field, and every client reads both alike.
 * - `required` lists what a client cannot work without (the listing's array, a table's schema, an
 *   error's code and message); the specification itself marks almost nothing required.
 */

type JsonSchema = Record<string, unknown>;

const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer' };
const bool: JsonSchema = { type: 'boolean' };
const strMap: JsonSchema = { type: 'object', additionalProperties: str };
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
/** Absent or null (see above). */
const opt = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });

/** An object whose listed properties have these types; `required` ones must be present and not null. */
function object(props: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return {
    type: 'object',
    required,
    properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, required.includes(k) ? v : opt(v)])),
  };
}

const audit = { owner: str, createdAt: int, createdBy: str, updatedAt: int, updatedBy: str };
const paged = { nextPageToken: str };

/** Shared definitions ($ref targets). */
const DEFINITIONS: Record<string, JsonSchema> = {
  // A primitive type is its SQL name ("INT NOT NULL"); nested types are objects with a `type`.
  DataType: { anyOf: [str, object({ type: str }, ['type'])] },
  DataField: object({ id: int, name: str, type: ref('DataType'), description: str }, ['id', 'name', 'type']),
  Identifier: object({ database: str, object: str }, ['database', 'object']),
  Schema: object(
    { fields: arrayOf(ref('DataField')), partitionKeys: arrayOf(str), primaryKeys: arrayOf(str), options: strMap, comment: str },
    ['fields'],
  ),
  ViewSchema: object({ fields: arrayOf(ref('DataField')), query: str, dialects: strMap, comment: str, options: strMap }, [
    'fields',
    'query',
  ]),
  Snapshot: object(
    {
      version: int,
      id: int,
      schemaId: int,
      baseManifestList: str,
      deltaManifestList: str,
      changelogManifestList: str,
      indexManifest: str,
      // commitIdentifier: the specification says string; every implementation writes and reads an int64 (an erratum, docs/conformance.md).
      commitUser: str,
      commitIdentifier: int,
      commitKind: { enum: ['APPEND', 'COMPACT', 'OVERWRITE', 'ANALYZE'] },
      timeMillis: int,
      logOffsets: { type: 'object', additionalProperties: int },
      totalRecordCount: int,
      deltaRecordCount: int,
      changelogRecordCount: int,
      watermark: int,
      statistics: str,
    },
    ['id', 'schemaId', 'commitKind', 'timeMillis'],
  ),
  TableSnapshot: object({ snapshot: ref('Snapshot'), recordCount: int, fileSizeInBytes: int, fileCount: int, lastFileCreationTime: int }, [
    'snapshot',
  ]),
  Partition: object(
    {
      spec: strMap,
      recordCount: int,
      fileSizeInBytes: int,
      fileCount: int,
      lastFileCreationTime: int,
      totalBuckets: int,
      done: bool,
      createdAt: int,
      createdBy: str,
      updatedAt: int,
      updatedBy: str,
      options: strMap,
    },
    ['spec'],
  ),
  GetTableResponse: object(
    { id: str, database: str, name: str, path: str, isExternal: bool, schemaId: int, schema: ref('Schema'), ...audit },
    ['name', 'schemaId', 'schema'],
  ),
  GetViewResponse: object({ id: str, name: str, schema: ref('ViewSchema'), ...audit }, ['name', 'schema']),
  GetFunctionResponse: object(
    {
      name: str,
      inputParams: arrayOf(ref('DataField')),
      returnParams: arrayOf(ref('DataField')),
      deterministic: bool,
      definitions: { type: 'object', additionalProperties: object({ type: str }, ['type']) },
      comment: str,
      options: strMap,
      ...audit,
    },
    ['name'],
  ),
};

/** Answer schemas by the specification's component name. */
const RESPONSES: Record<string, JsonSchema> = {
  // resourceType: the specification's enum, plus FUNCTION and DEFINITION, which its own 404 example
  // and the Java ErrorResponse use (an ambiguity of the specification, docs/conformance.md).
  ErrorResponse: object(
    {
      message: str,
      resourceType: {
        enum: [
          'DATABASE',
          'TABLE',
          'PARTITION',
          'COLUMN',
          'SNAPSHOT',
          'BRANCH',
          'TAG',
          'VIEW',
          'DIALECT',
          'FUNCTION',
          'DEFINITION',
          'UNKNOWN',
        ],
      },
      resourceName: str,
      code: int,
    },
    ['message', 'code'],
  ),
  ConfigResponse: object({ defaults: strMap, overrides: strMap }),
  ListDatabasesResponse: object({ databases: arrayOf(str), ...paged }, ['databases']),
  GetDatabaseResponse: object({ id: str, name: str, location: str, options: strMap, ...audit }, ['name']),
  AlterDatabaseResponse: object({ removed: arrayOf(str), updated: arrayOf(str), missing: arrayOf(str) }),
  ListTablesResponse: object({ tables: arrayOf(str), ...paged }, ['tables']),
  ListTableDetailsResponse: object({ tableDetails: arrayOf(ref('GetTableResponse')), ...paged }, ['tableDetails']),
  ListTablesGloballyResponse: object({ tables: arrayOf(ref('Identifier')), ...paged }, ['tables']),
  GetTableResponse: ref('GetTableResponse'),
  CommitTableResponse: object({ success: bool }, ['success']),
  GetTableSnapshotResponse: object({ snapshot: ref('TableSnapshot') }, ['snapshot']),
  GetVersionSnapshotResponse: object({ snapshot: ref('Snapshot') }, ['snapshot']),
  ListSnapshotsResponse: object({ snapshots: arrayOf(ref('Snapshot')), ...paged }, ['snapshots']),
  GetTableDataTokenResponse: object({ token: strMap, expiresAt: int }, ['token']),
  AuthTableQueryResponse: object({ filter: arrayOf(str), columnMasking: strMap }),
  ListPartitionsResponse: object({ partitions: arrayOf(ref('Partition')), ...paged }, ['partitions']),
  CreatePartitionsResponse: object({ created: arrayOf(strMap), existed: arrayOf(strMap) }, ['created', 'existed']),
  DropPartitionsResponse: object({ dropped: arrayOf(strMap), missing: arrayOf(strMap) }, ['dropped', 'missing']),
  ListBranchesResponse: object({ branches: arrayOf(str) }, ['branches']),
  ListTagsResponse: object({ tags: arrayOf(str), ...paged }, ['tags']),
  GetTagResponse: object({ tagName: str, snapshot: ref('Snapshot'), tagCreateTime: int, tagTimeRetained: str }, ['tagName', 'snapshot']),
  ListConsumersResponse: object({ consumers: arrayOf(object({ consumerId: str, nextSnapshot: int }, ['consumerId'])), ...paged }, [
    'consumers',
  ]),
  ListViewsResponse: object({ views: arrayOf(str), ...paged }, ['views']),
  ListViewDetailsResponse: object({ viewDetails: arrayOf(ref('GetViewResponse')), ...paged }, ['viewDetails']),
  // The specification names this listing's array `tables` (copied from the tables' one).
  ListViewsGloballyResponse: object({ tables: arrayOf(ref('Identifier')), ...paged }),
  GetViewResponse: ref('GetViewResponse'),
  ListFunctionsResponse: object({ functions: arrayOf(str), ...paged }, ['functions']),
  ListFunctionDetailsResponse: object({ functionDetails: arrayOf(ref('GetFunctionResponse')), ...paged }, ['functionDetails']),
  ListFunctionsGloballyResponse: object({ functions: arrayOf(ref('Identifier')), ...paged }, ['functions']),
  GetFunctionResponse: ref('GetFunctionResponse'),
};

export const RESPONSE_SCHEMA_NAMES = Object.keys(RESPONSES);

/** The schema of one answer, self-contained (its definitions inlined for ajv). */
export function responseSchema(name: string): JsonSchema | undefined {
  const s = RESPONSES[name];
  return s && { ...s, definitions: DEFINITIONS };
}
