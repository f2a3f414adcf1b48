import { z } from 'zod';
import { CATALOG_CAPABILITY_NAMES, type CatalogCapability } from '../conformance/index.ts';
import { RegexString } from './regex-string.ts';
import { isEngineKind, STEP_KINDS } from './step-kinds.ts';
import { WHOLE_VARIABLE } from './variables.ts';

/**
 * The one definition of a scenario file. The loader validates with it and the published JSON
 * Schema (scenarios/scenario.schema.json) is generated from it, so the two never drift.
 * Keys are kebab-case as they appear in YAML.
 */

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** A cell in an expected row: a scalar, or a list/map for nested types. */
export type ExpectedCell = string | number | boolean | null | ExpectedCell[] | { [k: string]: ExpectedCell };
const Cell: z.ZodType<ExpectedCell> = z.lazy(() => z.union([Scalar, z.array(Cell), z.record(z.string(), Cell)]));

const Identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]*$/, 'must be a plain identifier');
/** A matrix value: what `${param}` stands for in one instance. */
const MatrixValue = z.union([z.string(), z.number(), z.boolean()]);

/** An identifier, or a ${matrix variable} that names one per instance (partition-keys: ['${key}']). */
const KeyColumn = z.union([Identifier, z.string().regex(WHOLE_VARIABLE)]);
/**
 * A table name as the catalog holds it, which may embed variables (`sales_${instance}`): any
 * text, so names with spaces, dots, quotes, '%' or unicode reach the engines as written (each
 * quotes it its own way).
 */
const TableName = z.string().min(1).describe('a table name (any text; ${variables} allowed)');
const TableRef = z.string().min(1).describe('table name, optionally with a $system suffix; the scenario database is implied');

const GeneratedRange = z
  .strictObject({
    from: z.number().int().min(1),
    to: z.number().int().min(1),
    width: z
      .number()
      .int()
      .min(1)
      .max(16 * 1024 * 1024)
      .optional()
      .describe(
        'each STRING value is this many characters and each BINARY/VARBINARY value this many bytes (large values: 1048576 is 1 MB); default: short values, and no binary columns',
      ),
  })
  .refine((r) => r.to >= r.from && r.to - r.from < 1_000_000, 'from <= to, at most 1,000,000 rows')
  .refine((r) => r.width === undefined || (r.to - r.from + 1) * r.width <= 64 * 1024 * 1024, 'at most 64 MB of wide values (rows × width)');

const ErrorClass = z.enum([
  'permission-denied',
  'not-found',
  'already-exists',
  'unsupported',
  'invalid-argument',
  'unauthenticated',
  'timeout',
  'engine-error',
]);

const ExpectError = z.union([
  ErrorClass,
  z.strictObject({
    class: ErrorClass,
    message: RegexString.optional().describe('regular expression the error message must match'),
  }),
]);

const Privilege = z.enum(['LIST', 'SELECT', 'INSERT', 'DROP', 'CREATE', 'ALTER', 'ALL']);
const Grant = z.strictObject({
  privilege: Privilege,
  on: z.string().describe('catalog, database ${db}, or table ${db}.t'),
});
const GrantChange = z.strictObject({ principal: z.string(), privilege: Privilege, on: z.string() });

const ExpectSchema = z
  .strictObject({
    rows: z.array(z.array(Cell)).optional().describe('expected rows; cells are compared by the column type'),
    ordered: z.boolean().optional().describe('compare rows in order (default false: as a multiset)'),
    columns: z.array(z.string()).optional().describe('expected column names, in order'),
    types: z.array(z.string()).optional().describe('expected canonical column types, e.g. int, decimal(10,2), timestamp(6)'),
    count: z.number().int().nonnegative().optional().describe('expected number of rows'),
    generated: GeneratedRange.optional().describe(
      'the rows are exactly the generated rows from..to, in any order (compared as count + digest, with the first differing rows)',
    ),
    error: ExpectError.optional().describe('the step must fail with this canonical error class'),
    'may-fail': z
      .boolean()
      .optional()
      .describe(
        'the step may end in an error (a fault whose outcome the client cannot know, such as an answer of 500 after the catalog applied the request); the steps after it judge what it did',
      ),
    agree: z.boolean().optional().describe('all engines of the step return the same canonical result'),
    filtered: z
      .boolean()
      .optional()
      .describe(
        "read steps with a where: each engine's rows are exactly its own unfiltered read of the table filtered by the harness (three-valued logic); needs no expected rows",
      ),
    status: z.number().int().optional().describe('rest steps: expected HTTP status'),
    body: z
      .record(z.string(), Cell)
      .optional()
      .describe('rest steps: keys the JSON body must contain with these values (objects match as subsets)'),
    includes: z
      .record(z.string(), z.array(Cell))
      .optional()
      .describe('rest steps: arrays of the JSON body that must contain these items, in any order, among others (objects match as subsets)'),
    excludes: z
      .record(z.string(), z.array(Cell))
      .optional()
      .describe('rest steps: arrays of the JSON body that must hold none of these items (objects match as subsets)'),
  })
  .describe('what the step must produce');

const ColumnTypes = z
  .record(z.string().min(1), z.string().min(1))
  .describe('column name -> Paimon SQL type, in order, e.g. {user_id: INT, ts: TIMESTAMP(9)}');

const CreateTableSchema = z.strictObject({
  table: TableName,
  columns: ColumnTypes,
  'primary-key': z.array(KeyColumn).optional(),
  'partition-keys': z.array(KeyColumn).optional(),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
const InsertSchema = z
  .strictObject({
    table: TableName,
    columns: z.array(z.string().min(1)).optional().describe('column order of the rows (default: table order)'),
    rows: z.array(z.array(Cell)).min(1).optional(),
    generate: GeneratedRange.optional().describe(
      "generated rows from..to for the table's columns: a pure function of row number, column name and type (see docs)",
    ),
  })
  .refine((i) => (i.rows === undefined) !== (i.generate === undefined), 'an insert has either rows or generate');
const ReadSchema = z.strictObject({
  table: TableRef,
  columns: z.array(z.string()).optional(),
  'order-by': z.array(z.string()).optional(),
  options: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe('scan options for this read only, e.g. {scan.snapshot-id: 1} or {scan.tag-name: v1} (time travel)'),
  where: z
    .string()
    .min(1)
    .optional()
    .describe(
      "a portable filter, e.g. \"k BETWEEN 1 AND 3 AND (v IS NULL OR s LIKE 'a%')\": comparisons, [NOT] BETWEEN, [NOT] IN, IS [NOT] NULL, [NOT] LIKE 'prefix%', AND, OR, NOT; SQL engines run it as their WHERE, library engines through their predicate builders with exact filtering",
    ),
  limit: z.number().int().min(0).optional().describe('at most this many rows (after where and order-by)'),
});
const ReadIncrementalSchema = z.strictObject({
  table: TableName,
  start: z.number().int().describe('start snapshot id, exclusive'),
  end: z.number().int().describe('end snapshot id, inclusive'),
  'order-by': z.array(z.string()).optional(),
});
const TableOnlySchema = z.strictObject({ table: TableName });
const ColumnName = z.string().min(1).describe('a column name as the catalog holds it');
const ColumnType = z.string().min(1).describe('a Paimon type, e.g. BIGINT, DECIMAL(20,2), VARCHAR(20)');
const Position = {
  first: z.literal(true).optional().describe('put the column first'),
  after: ColumnName.optional().describe('put the column after this one'),
};
/** The column and option changes an alter-table step makes, one per step: each is its own schema (its own read path in the readers). */
const ALTER_CHANGES = ['set-options', 'add-column', 'drop-column', 'rename-column', 'change-type', 'move-column'] as const;
export const AlterTableSchema = z
  .strictObject({
    table: TableName,
    'set-options': z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('table options to set'),
    'add-column': z
      .strictObject({ name: ColumnName, type: ColumnType, ...Position })
      .optional()
      .describe('add a nullable column (last, or where first/after say)'),
    'drop-column': ColumnName.optional().describe('drop a column'),
    'rename-column': z.strictObject({ from: ColumnName, to: ColumnName }).optional().describe('rename a column'),
    'change-type': z
      .strictObject({ column: ColumnName, type: ColumnType })
      .optional()
      .describe("change a column's type (INT to BIGINT, FLOAT to DOUBLE, a wider DECIMAL or VARCHAR)"),
    'move-column': z
      .strictObject({ column: ColumnName, ...Position })
      .optional()
      .describe('move a column first or after another'),
  })
  .superRefine((alter, ctx) => {
    const changes = ALTER_CHANGES.filter((c) => alter[c] !== undefined);
    if (changes.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          changes.length === 0
            ? `an alter-table needs one of: ${ALTER_CHANGES.join(', ')}`
            : `an alter-table makes one change (one schema each), found: ${changes.join(', ')}`,
      });
    }
    for (const c of ['add-column', 'move-column'] as const) {
      const at = alter[c];
      if (at?.first && at.after !== undefined)
        ctx.addIssue({ code: 'custom', message: `${c}: first and after exclude each other`, path: [c] });
    }
    if (alter['move-column'] && !alter['move-column'].first && alter['move-column'].after === undefined) {
      ctx.addIssue({ code: 'custom', message: 'move-column needs first: true or after: <column>', path: ['move-column'] });
    }
  });
const RestCallSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'DELETE', 'HEAD']),
  path: z
    .string()
    .regex(/^\//, 'must start with /')
    .describe('path below /v1/{prefix}, e.g. /databases/${db}; or a full /v1/... path such as /v1/config?warehouse=...'),
  body: z.record(z.string(), Cell).optional(),
  paginate: z
    .strictObject({
      'max-results': z.number().int().positive().describe('page size asked for (maxResults)'),
      items: z.string().min(1).describe("the listing's array, e.g. databases, tables, tableDetails"),
    })
    .optional()
    .describe(
      "walk a paged listing: ask for pages of max-results, follow nextPageToken to the last page; the body checked is the last page with `items` holding every page's items and `pages` their number. Each page must hold at most max-results items, none twice",
    ),
  capture: z
    .record(Identifier, z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, 'a dotted path into the JSON body, e.g. snapshot.id'))
    .optional()
    .describe("variables for later steps from the answer: {tableId: id} keeps the body's id in ${tableId}"),
  credential: z
    .enum(['none', 'wrong'])
    .optional()
    .describe("send the request without a credential, or with a wrong one of the catalog's kind (a 401 check)"),
});

/** Scenario tiers: `default` runs always, `nightly` with `--tier nightly` (the full combination space). */
const TIERS = ['default', 'nightly'] as const;

/** An IANA time zone name this platform knows, or a ${matrix variable} that names one. */
const TimeZone = z
  .string()
  .refine(
    (zone) => WHOLE_VARIABLE.test(zone) || isTimeZone(zone),
    'not a time zone this platform knows (an IANA name such as UTC, Asia/Shanghai or America/Los_Angeles)',
  );

/** Whether `zone` is an IANA time zone name (the platform's own time zone database decides). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const CatalogPermission = z.strictObject({
  table: TableName.optional().describe('a table of the scenario database; absent: the database itself'),
});

/** Faults the catalog's wire proxy can inject (harness/catalog/wire-proxy.ts says what each does). */
export const FAULT_NAMES = ['unavailable', 'throttled', 'reset', 'slow', 'lost-answer', 'applied-then-500', 'applied-then-503'] as const;
const FaultSchema = z
  .strictObject({
    method: z.enum(['GET', 'POST', 'DELETE']).describe('the HTTP method of the requests to disturb'),
    path: RegexString.describe('regular expression on the request path below /databases/${db}, e.g. "^/tables/[^/]+/commit$"'),
    kind: z
      .union([z.enum(FAULT_NAMES), z.string().regex(WHOLE_VARIABLE)])
      .describe(
        'unavailable (503), throttled (429 with Retry-After: 1), reset (connection closed, no answer), slow (delay, then forwarded), lost-answer (forwarded and applied, the answer dropped), applied-then-500 / applied-then-503 (forwarded and applied, then answered 500 / 503); or a ${matrix variable}',
      ),
    times: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('how many matching requests get the fault (default 1: a transient fault); later ones pass'),
    'delay-ms': z.number().int().min(1).max(120_000).optional().describe('slow: the delay (default 3000)'),
  })
  .describe("inject a fault into the scenario's requests to the catalog, through the environment's wire proxy (until the scenario ends)");

export const StepSchema = z
  .strictObject({
    name: z.string().optional(),
    on: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe('engine(s) the step runs on'),
    as: z.string().optional().describe('principal the step acts as (default: the privileged one)'),
    catalog: z
      .enum(['rest', 'filesystem'])
      .optional()
      .describe(
        "engine steps: 'filesystem' opens the warehouse through a filesystem catalog (metastore=filesystem) instead of the REST catalog; local environment only",
      ),
    clients: z
      .enum(['writer', 'reader'])
      .optional()
      .describe(
        "cross-version cells (--cross A>B): whose pypaimon / paimon-java run the step, the writer release's (A) or the reader's (B); default: writes on A's, everything else on B's. Plain cells have one release, so it changes nothing there",
      ),
    sql: z
      .union([z.string().min(1), z.record(z.string(), z.string().min(1))])
      .optional()
      .describe('SQL for the engine; a map engine -> SQL gives per-engine variants'),
    database: z
      .string()
      .regex(/^\$\{db\}/, 'must begin with ${db}: the harness only touches databases under its run prefix')
      .optional()
      .describe(
        "engine steps: the database the step's objects are in, one a create-database step made (default: the scenario's own, ${db})",
      ),
    'create-database': z
      .strictObject({
        name: z
          .string()
          .regex(/^\$\{db\}/, 'must begin with ${db}: the harness only creates databases under its run prefix')
          .describe("the new database's name, e.g. '${db}_made'"),
        options: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
          .optional()
          .describe('database properties'),
      })
      .optional()
      .describe('the engine creates a database itself (the harness drops it when the scenario ends)'),
    'create-table': CreateTableSchema.optional(),
    insert: InsertSchema.optional(),
    read: ReadSchema.optional(),
    'read-incremental': ReadIncrementalSchema.optional(),
    'list-snapshots': TableOnlySchema.optional(),
    'alter-table': AlterTableSchema.optional(),
    'drop-table': TableOnlySchema.optional(),
    rest: RestCallSchema.optional().describe('a call to the catalog REST API'),
    'list-files': z
      .strictObject({ path: z.string().min(1) })
      .optional()
      .describe('data files under a local path (e.g. ${scratch}/t), as rows of relative paths'),
    'inspect-files': z
      .strictObject({ table: TableName, column: Identifier })
      .optional()
      .describe(
        "how a TIMESTAMP column is stored in the table's data files, read with the format's own reader (pyarrow): rows of (digits, value); needs a warehouse on this machine",
      ),
    'mark-time': z
      .strictObject({ variable: Identifier })
      .optional()
      .describe(
        'waits for the next whole second and keeps it (ms since the epoch) in ${<variable>} for later steps: time travel by timestamp (scan.timestamp-millis)',
      ),
    'list-tables': z.strictObject({}).optional().describe('the tables of the scenario database'),
    grant: GrantChange.optional().describe('give a principal a privilege (reference access-control layer only)'),
    revoke: GrantChange.optional().describe('take a privilege away from a principal'),
    fault: FaultSchema.optional(),
    'catalog-deny': CatalogPermission.optional().describe(
      "make the scenario's database, or one table of it, forbidden in the catalog itself (the Java reference server's own 403s; local environment)",
    ),
    'catalog-allow': CatalogPermission.optional().describe(
      'undo a catalog-deny (every denial of the scenario is undone when it ends anyway)',
    ),
    'time-zone': TimeZone.optional().describe("this step's session time zone (overrides the scenario's)"),
    when: z
      .record(Identifier, z.array(MatrixValue).min(1))
      .optional()
      .describe('the step belongs only to the matrix cells whose parameters take one of these values, e.g. {format: [parquet, avro]}'),
    expect: ExpectSchema.optional(),
  })
  .superRefine((step, ctx) => {
    const kinds = STEP_KINDS.filter((k) => step[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0 ? `a step needs one of: ${STEP_KINDS.join(', ')}` : `a step has exactly one kind, found: ${kinds.join(', ')}`,
      });
    }
    if (kinds.length === 1 && isEngineKind(kinds[0]!) && step.on === undefined) {
      ctx.addIssue({ code: 'custom', message: `a ${kinds[0]} step needs 'on' (the engine or engines it runs on)`, path: [] });
    }
  });

const MatrixValues = z.union([z.array(MatrixValue), z.string().regex(/^-?\d+\.\.-?\d+$/, 'a range is written like 0..9')]);

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case kebab-case'),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    tier: z
      .enum(TIERS)
      .optional()
      .describe("'default' (runs in every run) or 'nightly' (runs with --tier nightly: the full combination space); default 'default'"),
    'time-zone': TimeZone.optional().describe(
      "the session time zone of every step (IANA name, e.g. Asia/Kathmandu; default UTC): SQL engines' session zone, the library gateways' process zone. TIMESTAMP_LTZ values are written as wall-clock times in it and compared as UTC instants",
    ),
    requires: z
      .strictObject({
        engines: z.array(z.string()).optional().describe('engines the scenario cannot run without'),
        capabilities: z.array(z.string()).optional(),
        paimon: z.string().optional().describe('Paimon version range, e.g. ">=1.3"'),
        catalog: z
          .array(z.enum(CATALOG_CAPABILITY_NAMES as [CatalogCapability, ...CatalogCapability[]]))
          .optional()
          .describe(
            'capabilities of the REST catalog the scenario exercises (docs/conformance.md): it skips on a catalog that does not claim them, and its verdict counts toward theirs in the conformance report',
          ),
      })
      .optional(),
    'catalog-config': z
      .strictObject({
        defaults: z
          .record(z.string(), z.string())
          .optional()
          .describe("merged into the `defaults` of the catalog's GET /v1/config answer: options a client's own settings win over"),
        overrides: z
          .record(z.string(), z.string())
          .optional()
          .describe("merged into the `overrides` of the catalog's GET /v1/config answer: options that win over a client's own settings"),
        client: z
          .record(z.string(), z.string())
          .optional()
          .describe('catalog options every engine passes when it opens the catalog for this scenario'),
      })
      .optional()
      .describe(
        "the catalog configuration this scenario's clients are given: each engine opens the catalog through the wire proxy on an address of the scenario's own, where GET /v1/config answers the catalog's configuration with these defaults and overrides merged in",
      ),
    principals: z
      .record(
        Identifier,
        z.strictObject({
          grants: z.array(Grant).optional(),
          privileged: z.boolean().optional().describe('holds ALL on the catalog'),
          auth: z.enum(['dlf', 'bear']).optional().describe('how the principal authenticates: DLF signature (default) or bearer token'),
        }),
      )
      .optional(),
    matrix: z.record(Identifier, MatrixValues).optional(),
    'matrix-exclude': z
      .array(z.record(Identifier, MatrixValue))
      .optional()
      .describe(
        'matrix cells that do not exist: each entry leaves out the cells with all of its values, e.g. {format: avro, codec: lz4} (Avro has no LZ4 codec)',
      ),
    'default-matrix': z
      .record(Identifier, z.array(MatrixValue).min(1))
      .optional()
      .describe(
        "the values of matrix parameters the default tier runs (a representative subset); --tier nightly runs every cell of 'matrix'",
      ),
    steps: z.array(StepSchema).min(1),
  })
  .describe('A paimon-interop scenario');

export type ScenarioDoc = z.infer<typeof ScenarioSchema>;
export type StepDoc = z.infer<typeof StepSchema>;
export type ExpectDoc = z.infer<typeof ExpectSchema>;
export type RestCallDoc = z.infer<typeof RestCallSchema>;
