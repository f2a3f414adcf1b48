import { createHash } from 'node:crypto';
import { z } from 'zod';
import { restCatalogOptions } from '../../catalog/index.ts';
import { ltzValuesToUtc } from '../../values/index.ts';
import { logTail } from '../../log-tail.ts';
import { redact } from '../../redact.ts';
import {
  EngineUnavailableError,
  type Engine,
  type EngineEndpoint,
  type EngineOutcome,
  type EngineRequest,
  type PrincipalCredentials,
  type StepContext,
} from '../engine.ts';
import { JAVA_REST_CLIENT, paimonTracker, type EngineContext, type EngineDescriptor } from '../engine-descriptor.ts';
import { createCatalogSql, FLINK_DIALECT, SESSION_PROPERTIES } from './flink-dialect.ts';
import { flinkError, flinkResult, isInfrastructureFailure, rootCause } from './flink-results.ts';
import { buildSql, SQL_CATALOG } from '../sql-builder.ts';
import { SqlGatewayClient } from './sql-gateway-client.ts';
import { flinkCacheFolder, flinkImage } from './flink-versions.ts';

interface FlinkSession {
  handle: string;
  /** Secrets in this session's catalog options: redacted from every message. */
  secrets: string[];
  /** Set when CREATE CATALOG failed: every step of this session answers with it. */
  catalogError?: EngineOutcome;
  /** The session's `table.local-time-zone` as the harness last set it. */
  zone: string;
}

/** Paimon catalog options for the environment's catalog, or for a scenario principal. */
function catalogOptions(context: EngineContext, endpoint: EngineEndpoint, principal?: PrincipalCredentials): Record<string, string> {
  // The catalog address the cluster was started against (endpoint option catalogUri): a
  // container's network alias, or the wire proxy of the environment that launched it here.
  const base = restCatalogOptions(
    endpoint.options?.catalogUri ? { ...context.catalog, uri: endpoint.options.catalogUri } : context.catalog,
  );
  if (!principal) return base;
  const where = { metastore: 'rest', uri: principal.uri ?? base.uri!, warehouse: base.warehouse! };
  if (principal.token) return { ...where, 'token.provider': 'bear', token: principal.token };
  return {
    ...where,
    'token.provider': 'dlf',
    'dlf.access-key-id': principal.accessKeyId ?? '',
    'dlf.access-key-secret': principal.accessKeySecret ?? '',
    'dlf.region': principal.region ?? 'cn-hangzhou',
  };
}

const SECRET_OPTIONS = ['token', 'dlf.access-key-id', 'dlf.access-key-secret', 'dlf.security-token'];

/**
 * Flink SQL through Flink's own SQL Gateway REST API: one gateway session per scenario
 * (database) and principal, with the Paimon catalog created in it under that principal's
 * credentials, closed when the scenario ends (concurrent scenarios never share a session);
 * portable actions become Flink SQL (FLINK_DIALECT). The CREATE CATALOG statement
 * carries secrets, so it is never part of a step record and its secrets are redacted from
 * every message. A lost TaskManager is an infrastructure error (EngineUnavailableError with the
 * TaskManager's log tail), never an assertion failure.
 */
class FlinkEngine implements Engine {
  readonly name = 'flink';
  private readonly client: SqlGatewayClient;
  private readonly sessions = new Map<string, Promise<FlinkSession>>();
  /** Why the cluster cannot run statements any more (a lost TaskManager). */
  private down?: string;

  constructor(
    private readonly endpoint: EngineEndpoint,
    private readonly context: EngineContext,
  ) {
    this.client = new SqlGatewayClient(endpoint.url);
  }

  get log(): string | undefined {
    return this.endpoint.log;
  }

  private sessionKey(database: string, principal?: PrincipalCredentials, warehouse?: string): string {
    const who = principal
      ? `${principal.name}:${createHash('sha256')
          .update(`${principal.token ?? ''}|${principal.accessKeyId ?? ''}|${principal.uri ?? ''}`)
          .digest('hex')
          .slice(0, 12)}`
      : '';
    return `${database}/${who}${warehouse ? `/filesystem:${warehouse}` : ''}`;
  }

  /** The session of a scenario (its database) and principal; a scenario's catalog options stay the same throughout it. */
  private session(
    database: string,
    principal?: PrincipalCredentials,
    warehouse?: string,
    scenarioOptions?: Record<string, string>,
  ): Promise<FlinkSession> {
    const key = this.sessionKey(database, principal, warehouse);
    let session = this.sessions.get(key);
    if (!session) {
      session = this.openSession(database, principal, warehouse, scenarioOptions);
      session.catch(() => this.sessions.delete(key));
      this.sessions.set(key, session);
    }
    return session;
  }

  /** The scenario of `database` is done: close its sessions (one per principal). */
  /** Liveness: the SQL Gateway answers GET /v1/info in time (a hung statement does not block it). */
  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([
        this.client.info().then(
          () => true,
          () => false,
        ),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async endScenario(database: string): Promise<void> {
    const ended = [...this.sessions.entries()].filter(([key]) => key.startsWith(`${database}/`));
    for (const [key] of ended) this.sessions.delete(key);
    await Promise.allSettled(ended.map(async ([, s]) => this.client.closeSession((await s).handle)));
  }

  private async openSession(
    database: string,
    principal?: PrincipalCredentials,
    warehouse?: string,
    scenarioOptions?: Record<string, string>,
  ): Promise<FlinkSession> {
    // Paimon's Flink catalog checks its default database when it opens: make that the scenario's
    // own, so a principal needs no privilege on `default`. With a warehouse path, the catalog is
    // a filesystem catalog on it instead of the environment's.
    const base = warehouse ? { warehouse } : catalogOptions(this.context, this.endpoint, principal);
    // No metadata cache (Paimon's default caches tables): a table another engine altered or
    // dropped is loaded fresh, as the Java gateway does, so steps judge Flink's reader, not a cache.
    // A scenario's catalog-config (client options and its own catalog address) goes on top; a
    // step on a filesystem catalog has none (the runner sends it for REST catalogs only).
    const options: Record<string, string> = { ...base, 'default-database': database, 'cache-enabled': 'false', ...scenarioOptions };
    const secrets = SECRET_OPTIONS.map((k) => options[k]).filter((s): s is string => !!s);
    const handle = await this.client.openSession(
      SESSION_PROPERTIES,
      `paimon-interop ${database}${principal ? ` as ${principal.name}` : ''}`,
    );
    const session: FlinkSession = { handle, secrets, zone: SESSION_PROPERTIES['table.local-time-zone'] };
    const created = await this.client.execute(handle, createCatalogSql(SQL_CATALOG, options));
    if (!created.ok) {
      const error = flinkError(created.errors.map((e) => redact(e, secrets)));
      // A cluster without Paimon's connector (a user's own gateway) says so in one line.
      if (
        /Could not find any factory for identifier 'paimon'|ClassNotFoundException: org\.apache\.paimon/.test(created.errors.join('\n'))
      ) {
        throw new EngineUnavailableError(
          'flink',
          `CREATE CATALOG failed: the Flink cluster behind ${this.endpoint.url} does not carry Paimon's connector (paimon-flink-*.jar in its lib/)`,
        );
      }
      session.catalogError = {
        ok: false,
        statement: `CREATE CATALOG ${SQL_CATALOG} (credentials redacted)`,
        error: { ...error, message: `CREATE CATALOG failed: ${error.message}` },
      };
      return session;
    }
    const used = await this.client.execute(handle, `USE CATALOG ${FLINK_DIALECT.quoteId(SQL_CATALOG)}`);
    if (!used.ok) throw new EngineUnavailableError('flink', `USE CATALOG failed: ${redact(rootCause(used.errors).message, secrets)}`);
    return session;
  }

  async execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome> {
    if (this.down) throw new EngineUnavailableError('flink', this.down);
    const statement = buildSql(request, FLINK_DIALECT, ctx.database);
    if (statement === undefined)
      return {
        ok: false,
        error: { errorClass: 'unsupported', exception: 'paimon-interop', message: `Flink SQL has no statement for ${request.kind}` },
      };
    const session = await this.session(ctx.scenarioDatabase ?? ctx.database, ctx.principal, ctx.filesystemWarehouse, ctx.catalogOptions);
    if (session.catalogError) return session.catalogError;
    // The step's session zone; raw SQL that sets the zone itself is left alone (no zone declared).
    const zone = ctx.timeZone ?? SESSION_PROPERTIES['table.local-time-zone'];
    if (zone !== session.zone) {
      const set = await this.client.execute(session.handle, `SET 'table.local-time-zone' = ${FLINK_DIALECT.literal(zone)}`);
      if (!set.ok) return { ok: false, statement: `SET 'table.local-time-zone' = '${zone}'`, error: flinkError(set.errors) };
      session.zone = zone;
    }
    const started = performance.now();
    const reply = await this.client.execute(session.handle, statement);
    const engineMillis = performance.now() - started;
    if (reply.ok) {
      try {
        // Flink shows TIMESTAMP_LTZ in the session zone: back to the UTC instant readers are compared in.
        return { ok: true, statement, engineMillis, result: ltzValuesToUtc(flinkResult(reply.columns, reply.rows), ctx.timeZone) };
      } catch (err) {
        return {
          ok: false,
          statement,
          engineMillis,
          error: { errorClass: 'engine-error', exception: 'NormalizeError', message: (err as Error).message },
        };
      }
    }
    const errors = reply.errors.map((e) => redact(e, session.secrets));
    if (isInfrastructureFailure(errors.join('\n'))) await this.checkCluster(rootCause(errors).message);
    return { ok: false, statement, engineMillis, error: flinkError(errors) };
  }

  /**
   * After a failure that is the cluster's (a job that could not be deployed or get a slot): an
   * infrastructure error, never a statement's outcome. When the JobManager drops the
   * TaskManager (it notices within its heartbeat timeout), the engine is down for the rest of
   * the run and later steps fail at once with the same reason.
   */
  private async checkCluster(cause: string): Promise<never> {
    const rest = this.endpoint.options?.restUrl;
    const taskManagers = async () => {
      if (!rest) return 0;
      const overview = await fetch(`${rest}/overview`, { signal: AbortSignal.timeout(3_000) })
        .then((r) => r.json() as Promise<{ taskmanagers?: number }>)
        .catch(() => ({ taskmanagers: 0 }));
      return overview.taskmanagers ?? 0;
    };
    let lost = (await taskManagers()) === 0;
    for (const until = Date.now() + 15_000; !lost && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 1_000));
      lost = (await taskManagers()) === 0;
    }
    const tmLog = this.endpoint.options?.taskmanagerLog;
    const tail = tmLog ? await logTail(tmLog, 10).catch(() => '') : '';
    const where = `${tmLog ? `; TaskManager log: ${tmLog}` : ''}${tail ? `\n${tail}` : ''}`;
    if (lost) {
      this.down = `the Flink cluster has no TaskManager (${cause})${where}`;
      throw new EngineUnavailableError('flink', this.down);
    }
    throw new EngineUnavailableError('flink', `the Flink cluster could not run the statement (${cause})${where}`);
  }

  async close(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map(async (s) => this.client.closeSession((await s).handle)));
  }
}

/** Flink SQL with Paimon's Flink connector, reached over Flink's SQL Gateway REST API. */
export const flinkDescriptor: EngineDescriptor = {
  name: 'flink',
  summary: "Flink SQL with Paimon's Flink connector, over the Flink SQL Gateway REST API",
  capabilities: ['sql', 'writes', 'principals', 'merge-into', 'catalog-config'],
  // A gateway session per scenario and principal: concurrent scenarios never share one.
  concurrentSteps: true,
  createAdapter: (endpoint, context) => new FlinkEngine(endpoint, context),
  // Provisioning and the cluster's processes are loaded when Flink starts.
  local: {
    launch: async (ctx) => (await import('./flink-local.ts')).flinkLocalLauncher.launch(ctx),
    setup: async (ctx) => {
      const install = await (await import('./flink-provision.ts')).provisionFlink(ctx.row, ctx);
      return 'unavailable' in install ? install : {};
    },
    cacheFolders: flinkCacheFolder,
  },
  docker: {
    images: (row, source) => [flinkImage(row, source)].filter((i): i is string => i !== undefined),
    buildLocal: async (row, ctx) => (await import('./flink-image.ts')).buildLocalFlinkImage(row, ctx),
    start: async (ctx, row) => (await import('./flink-docker.ts')).startFlinkDocker(ctx, row),
  },
  wireClient: JAVA_REST_CLIENT,
  issueTrackers: {
    paimon: paimonTracker('paimon-flink (the Flink connector)', 'flink'),
    engine: {
      project: 'apache/flink',
      component: 'Table SQL / Planner',
      tag: 'Table SQL',
      newIssueUrl: 'https://issues.apache.org/jira/projects/FLINK',
    },
  },
  external: {
    schema: z.strictObject({
      'sql-gateway': z.url().describe("a Flink SQL Gateway's REST endpoint; its cluster must carry Paimon's Flink connector"),
    }),
    endpoint: (value) => ({ engine: 'flink', url: (value as { 'sql-gateway': string })['sql-gateway'].replace(/\/+$/, '') }),
    async check(endpoint) {
      const info = await new SqlGatewayClient(endpoint.url).info().catch((err: Error) => {
        throw new EngineUnavailableError('flink', `SQL Gateway ${endpoint.url} does not answer GET /v1/info (${err.message})`);
      });
      return `${info.productName ?? 'Flink'} ${info.version ?? '?'} (SQL Gateway ${endpoint.url})`;
    },
  },
};
