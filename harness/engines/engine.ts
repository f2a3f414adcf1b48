import type { PrincipalCredentials } from '../catalog/index.ts';
import type { HangEvidence } from '../evidence/index.ts';
import type { CanonicalResult, Predicate } from '../values/index.ts';

/** Canonical error classes that scenarios assert on, whatever the engine's own exception. */
export type ErrorClass =
  | 'permission-denied'
  | 'not-found'
  | 'already-exists'
  | 'unsupported'
  | 'invalid-argument'
  | 'unauthenticated'
  /** No answer within the step's time limit while the engine process still answered a ping. */
  | 'timeout'
  | 'engine-error';

/** What a step asks an engine to do: raw SQL in its dialect, or a portable action. */
export type EngineRequest =
  | { kind: 'sql'; sql: string }
  | { kind: 'create-database'; name: string; options?: Record<string, string> }
  | {
      kind: 'create-table';
      table: string;
      columns: [string, string][];
      primaryKey?: string[];
      partitionKeys?: string[];
      options?: Record<string, string>;
    }
  /** `columnTypes`: the inserted columns' declared types, when the harness could read them from the catalog (SQL engines write typed literals). */
  | { kind: 'insert'; table: string; columns?: string[]; rows: unknown[][]; columnTypes?: string[] }
  /**
   * `options`: scan options of this read only (time travel: `scan.snapshot-id`, `scan.tag-name`).
   * `where`: the portable filter; `columnTypes`: the declared types of the table's columns when the
   * harness could read them from the catalog (SQL engines write typed literals). `limit`: at most
   * this many rows.
   */
  | {
      kind: 'read';
      table: string;
      columns?: string[];
      orderBy?: string[];
      options?: Record<string, string>;
      where?: Predicate;
      limit?: number;
      columnTypes?: Record<string, string>;
    }
  | { kind: 'read-incremental'; table: string; start: number; end: number; orderBy?: string[] }
  | { kind: 'list-snapshots'; table: string }
  | { kind: 'list-tables' }
  | { kind: 'alter-table'; table: string; change: AlterChange }
  | { kind: 'drop-table'; table: string };

/**
 * One schema change of an alter-table. `type` on a move is the column's current type, filled in
 * from the catalog (Flink's MODIFY … FIRST restates it).
 */
export type AlterChange =
  | { kind: 'set-options'; options: Record<string, string> }
  | { kind: 'add-column'; column: string; type: string; first?: boolean; after?: string }
  | { kind: 'drop-column'; column: string }
  | { kind: 'rename-column'; column: string; to: string }
  | { kind: 'change-type'; column: string; type: string }
  | { kind: 'move-column'; column: string; first?: boolean; after?: string; type?: string };

export type { PrincipalCredentials };

export interface StepContext {
  /** The database of the step's objects: the scenario's own (unique per run) or one a step created under it. */
  database: string;
  /** The scenario's own database, when the step works in another one (sessions stay keyed by the scenario's). */
  scenarioDatabase?: string;
  principal?: PrincipalCredentials;
  timeoutMs?: number;
  /**
   * Open a filesystem catalog (`metastore=filesystem`) on this warehouse path instead of the
   * environment's catalog: the same tables seen without the REST catalog (the DataWorks case).
   */
  filesystemWarehouse?: string;
  /**
   * Catalog options the engine adds to (or replaces in) its REST catalog options for this step:
   * the scenario's `catalog-config` client options and its own catalog address (`uri`).
   */
  catalogOptions?: Record<string, string>;
  /**
   * The session time zone of this step (IANA name; default UTC): SQL engines set it as their
   * session zone, library gateways as their process zone while the step runs. TIMESTAMP_LTZ
   * values are written as wall-clock times in it and always compared as UTC instants.
   */
  timeZone?: string;
}

export interface EngineError {
  errorClass: ErrorClass;
  /** The engine's own exception class, e.g. org.apache.paimon.catalog.Catalog$TableNoPermissionException. */
  exception?: string;
  message: string;
}

/**
 * Outcome of one request on one engine: a typed result or a typed error. `queuedMillis`: how
 * long the request waited for an engine that takes one step at a time (concurrent scenarios).
 */
export type EngineOutcome =
  | { ok: true; result: CanonicalResult; statement?: string; engineMillis?: number; queuedMillis?: number }
  | { ok: false; error: EngineError; statement?: string; engineMillis?: number; queuedMillis?: number; evidence?: HangEvidence };

/**
 * The engine adapter contract: execute a request, close. Kept tiny on purpose (like
 * sqllogictest's AsyncDB); every adapter fits in one small file.
 */
export interface Engine {
  readonly name: string;
  /** Log file of the process behind the adapter, for failure messages. */
  readonly log?: string;
  execute(request: EngineRequest, ctx: StepContext): Promise<EngineOutcome>;
  /**
   * Liveness: whether the process behind the adapter still answers (a gateway's `/ping`) within
   * `timeoutMs`. Lets the step timeout tell a request that hangs inside a live engine (a verdict:
   * `timeout`) from an engine that stopped answering at all (an infrastructure error).
   */
  ping?(timeoutMs: number): Promise<boolean>;
  /** The scenario that owns `database` has ended: release what was kept for it (sessions). */
  endScenario?(database: string): Promise<void>;
  close?(): Promise<void>;
}

/** Where a started engine is reached; serializable so it can cross into test workers. */
export interface EngineEndpoint {
  engine: string;
  url: string;
  version?: string;
  /** Log file of the engine process, for failure messages. */
  log?: string;
  /** Engine-specific settings, never secrets (a secret is named by an env var, e.g. passwordEnv). */
  options?: Record<string, string>;
}

/** The engine could not be reached at all (transport, crash): an environment failure. */
export class EngineUnavailableError extends Error {
  readonly code = 'ENGINE_UNAVAILABLE';
  /** What the harness captured when the engine stopped answering (thread dumps, stacks, Flink's jobs). */
  evidence?: HangEvidence;
  constructor(
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine}: ${message}`, options);
    this.name = 'EngineUnavailableError';
  }
}
