import type { Connection, FieldPacket } from 'mysql2/promise';
import { z } from 'zod';
import type { EngineDescriptor } from '../engine-descriptor.ts';
import { DORIS_IMAGES } from './doris-images.ts';
import { EnvVarName } from '../external-endpoint.ts';
import type { CatalogEndpoint } from '../../catalog/index.ts';
import { createCatalogSql } from './doris-catalog.ts';
import {
  EngineUnavailableError,
  type Engine,
  type EngineEndpoint,
  type EngineOutcome,
  type EngineRequest,
  type PrincipalCredentials,
  type StepContext,
} from '../engine.ts';
import { ltzValuesToUtc } from '../../values/index.ts';
import { mysqlError, mysqlResult } from './mysql-results.ts';
import { backslashLiteral, backtickId, buildSql, type SqlDialect } from '../sql-builder.ts';

/** Opens a MySQL-protocol connection to `mysql://user@host:port`, the password from an env var. */
export async function openMysql(endpoint: EngineEndpoint): Promise<Connection> {
  const url = new URL(endpoint.url);
  const password = endpoint.options?.passwordEnv ? (process.env[endpoint.options.passwordEnv] ?? '') : '';
  // mysql2 is loaded when Doris is first reached, not by every command.
  const { createConnection } = await import('mysql2/promise');
  return createConnection({
    host: url.hostname,
    port: Number(url.port || 9030),
    user: decodeURIComponent(url.username),
    password,
    database: url.pathname.replace(/^\//, '') || undefined,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    rowsAsArray: true,
    connectTimeout: 15_000,
  });
}

/** Runs one statement and returns a typed result or a typed error; never throws for SQL errors. */
export async function queryOutcome(conn: Connection, sql: string): Promise<EngineOutcome> {
  const started = performance.now();
  try {
    const [rows, fields] = await conn.query({ sql, rowsAsArray: true });
    return {
      ok: true,
      statement: sql,
      engineMillis: performance.now() - started,
      result: mysqlResult(fields as FieldPacket[] | undefined, rows),
    };
  } catch (err) {
    const e = err as { errno?: number; code?: string; sqlMessage?: string; message: string; fatal?: boolean };
    if (e.fatal && e.errno === undefined)
      throw new EngineUnavailableError('doris', `connection lost (${e.code ?? e.message})`, { cause: err });
    return { ok: false, statement: sql, error: mysqlError(e) };
  }
}

/** What Doris does with Paimon tables here: SQL and reads. */
const DORIS_REQUESTS = new Set<EngineRequest['kind']>(['sql', 'read', 'read-incremental', 'list-snapshots', 'list-tables']);

/** Doris SQL: reads through the Paimon catalog, `t@incr(...)` for increments; no DDL or writes. */
const DORIS_DIALECT: SqlDialect = {
  name: 'doris',
  quoteId: backtickId,
  literal: (v) => backslashLiteral(v),
  incrementalSource: (qualified, _database, _table, start, end) =>
    `${qualified}@incr('startSnapshotId'='${start}', 'endSnapshotId'='${end}')`,
  showTables: (qualified) => `SHOW TABLES FROM ${qualified}`,
};

/** Doris SQL for a request: statements to run in order; the last one's result is the step's. */
export function dorisStatements(request: EngineRequest, catalog: string, database: string): string[] {
  if (request.kind === 'sql') return [`SWITCH ${backtickId(catalog)}`, request.sql];
  if (!DORIS_REQUESTS.has(request.kind)) return [];
  // Doris caches external metadata: refresh so writes by other engines are visible.
  const sql = buildSql(request, DORIS_DIALECT, database, catalog);
  return sql === undefined ? [] : [`REFRESH CATALOG ${backtickId(catalog)}`, sql];
}

/**
 * Apache Doris (3.1+) over the MySQL protocol. It creates a Paimon REST catalog named under the
 * run prefix (one per principal), reads through it (`t$snapshots`, `t@incr(...)`) and drops
 * it on close. Writes are for other engines: Doris answers them as unsupported.
 */
class DorisEngine implements Engine {
  readonly name = 'doris';
  private conn?: Promise<Connection>;
  private readonly catalogs = new Map<string, string>();
  /** The connection's `time_zone` as the adapter last set it. */
  private zone?: string;

  constructor(
    private readonly endpoint: EngineEndpoint,
    private readonly context: { catalog: CatalogEndpoint; runId: string },
  ) {}

  private connection(): Promise<Connection> {
    this.conn ??= openMysql(this.endpoint).catch((err: Error) => {
      this.conn = undefined;
      throw new EngineUnavailableError('doris', `cannot connect to ${this.endpoint.url} (${err.message})`, { cause: err });
    });
    return this.conn;
  }

  private async catalogFor(conn: Connection, principal?: PrincipalCredentials): Promise<string> {
    const key = principal?.name ?? '';
    const known = this.catalogs.get(key);
    if (known) return known;
    const name = `pi_${this.context.runId}${principal ? `_${principal.name}` : ''}`;
    // In containers Doris reaches the catalog by its network alias (endpoint option catalogUri).
    const catalog = this.endpoint.options?.catalogUri
      ? { ...this.context.catalog, uri: this.endpoint.options.catalogUri }
      : this.context.catalog;
    const created = await queryOutcome(conn, createCatalogSql(name, catalog, principal));
    if (!created.ok) throw new EngineUnavailableError('doris', `CREATE CATALOG ${name} failed: ${created.error.message}`);
    this.catalogs.set(key, name);
    return name;
  }

  async execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    if (!DORIS_REQUESTS.has(request.kind)) {
      return {
        ok: false,
        error: {
          errorClass: 'unsupported',
          exception: 'paimon-interop',
          message: `the Doris adapter does not ${request.kind}: Doris reads Paimon tables; write with another engine`,
        },
      };
    }
    if (ctx.filesystemWarehouse) {
      return {
        ok: false,
        error: {
          errorClass: 'unsupported',
          exception: 'paimon-interop',
          message:
            'the Doris adapter reaches Paimon through the REST catalog only (catalog: filesystem needs a warehouse path Doris can read)',
        },
      };
    }
    const conn = await this.connection();
    const catalog = await this.catalogFor(conn, ctx.principal);
    const statements = dorisStatements(request, catalog, ctx.database);
    if (statements.length === 0) {
      return {
        ok: false,
        error: {
          errorClass: 'unsupported',
          exception: 'paimon-interop',
          message: `the Doris adapter has no statement for this ${request.kind} (scan options ${JSON.stringify(request.kind === 'read' ? request.options : {})})`,
        },
      };
    }
    // The step's session zone, once a scenario declares one (UTC after it): Doris shows TIMESTAMP_LTZ in it.
    const zone = ctx.timeZone ?? (this.zone === undefined ? undefined : 'UTC');
    if (zone !== undefined && zone !== this.zone) {
      const set = await queryOutcome(conn, `SET time_zone = ${backslashLiteral(zone)}`);
      if (!set.ok) return set;
      this.zone = zone;
    }
    let last: EngineOutcome | undefined;
    for (const sql of statements) {
      last = await queryOutcome(conn, sql);
      if (!last.ok) return last;
    }
    return last!.ok ? { ...last!, result: ltzValuesToUtc(last!.result, ctx.timeZone) } : last!;
  }

  async close(): Promise<void> {
    if (!this.conn) return;
    const conn = await this.conn.catch(() => undefined);
    for (const name of this.catalogs.values())
      await queryOutcome(conn!, `DROP CATALOG IF EXISTS ${backtickId(name)}`).catch(() => undefined);
    await conn?.end().catch(() => undefined);
  }
}

/** Apache Doris over the MySQL protocol: reads Paimon tables through a catalog per principal. */
const DORIS_TRACKER = {
  project: 'apache/doris',
  component: 'Paimon catalog',
  tag: 'paimon catalog',
  newIssueUrl: 'https://github.com/apache/doris/issues/new',
};

export const dorisDescriptor: EngineDescriptor = {
  name: 'doris',
  summary: 'Apache Doris 3.1+ over the MySQL protocol (reads only)',
  capabilities: ['sql', 'principals'],
  createAdapter: (endpoint, context) => new DorisEngine(endpoint, context),
  localUnavailable: 'the local environment has no Doris (use --env docker or --env external)',
  // Doris reads Paimon tables through its own Paimon catalog: every layer of it is Doris's.
  issueTrackers: { paimon: DORIS_TRACKER, engine: DORIS_TRACKER },
  // Containers are loaded when Doris starts, not by commands that start none.
  docker: {
    images: (_row, source) => (source === 'official' ? [...DORIS_IMAGES] : []),
    start: async (ctx) => (await import('./doris-docker.ts')).startDorisDocker(ctx),
  },
  external: {
    schema: z.strictObject({
      url: z.string().regex(/^mysql:\/\/[^@/]+@[^/:]+(:\d+)?\/?$/, 'mysql://user@host:port'),
      'password-env': EnvVarName.optional(),
    }),
    endpoint: (value) => {
      const v = value as { url: string; 'password-env'?: string };
      return { engine: 'doris', url: v.url, options: v['password-env'] ? { passwordEnv: v['password-env'] } : undefined };
    },
  },
};
