import { runPrefix, type CatalogClient, type WireTraceEndpoint } from '../catalog/index.ts';
import type { CapabilityClaim } from '../conformance/index.ts';
import type { PrincipalAuthority } from '../access-control/index.ts';
import type { Engine, PrincipalCredentials } from '../engines/index.ts';
import type { KnownIssue } from '../known-issues/index.ts';
import type { ScenarioResult, StepResult } from '../verdicts/index.ts';

/** Progress hooks the runner calls while a scenario runs (all optional). */
export interface RunHooks {
  onStepResult?(scenarioId: string, step: StepResult): void;
}

/** What a scenario runs against: engines, the catalog and per-run naming. */
export interface RunContext {
  /** Unique per run; every catalog object the harness creates is named under `pi_<runId>`. */
  runId: string;
  /** The matrix cell, so databases stay unique when cells share a catalog. */
  cell?: string;
  engines: ReadonlyMap<string, Engine>;
  /** Cross-version mode: engines of another Paimon version that run the write steps. */
  writeEngines?: ReadonlyMap<string, Engine>;
  /** Cross-version mode: writer-version clients that do not exist, with why (their writes skip). */
  writeUnavailable?: ReadonlyMap<string, string>;
  /** Engines this environment lacks, with the reason, so their scenarios skip with it. */
  unavailable: ReadonlyMap<string, string>;
  catalog?: CatalogClient;
  /** Principals the environment brings (a vendor's catalog); they win over minted ones. */
  principals?: Record<string, PrincipalCredentials>;
  /** Mints the principals scenarios declare and changes their grants (reference layer). */
  authority?: PrincipalAuthority;
  scratchRoot: string;
  /** Python with pyarrow for `inspect-files` steps (local warehouses only). */
  fileInspector?: string;
  /** The catalog's warehouse on this machine, for `catalog: filesystem` steps. */
  warehouseRoot?: string;
  keepDatabases?: boolean;
  /** Log file per component, for failure messages. */
  logs?: Record<string, string>;
  hooks?: RunHooks;
  /** Known deviations (known-issues.yaml); failures they explain are reported as known. */
  knownIssues?: readonly KnownIssue[];
  /** Paimon version of the cell, for known issues limited to versions. */
  paimonVersion?: string;
  /** Cross-version cells: the Paimon version whose engines write. */
  writerPaimonVersion?: string;
  /** Paimon version of the catalog server, where it differs from the cell's (--catalog-paimon). */
  catalogPaimonVersion?: string;
  /** The catalog server is pypaimon's RESTCatalogServer (`--catalog python`). */
  catalogServer?: 'python';
  /** Component versions of the cell (pypaimon 2.1.0, paimon-rust 0.4.0, ...), for known issues scoped by client release. */
  clientVersions?: Record<string, string>;
  /** The Java reference server's authorization hooks (local environment), for catalog-deny steps. */
  catalogAdmin?: { url: string; token: string };
  /** What the catalog claims to offer (docs/conformance.md); scenarios needing more skip. Absent: no check. */
  catalogClaim?: CapabilityClaim;
  /** Where the environment's wire proxy hands out traces: a failing step gets its requests to the catalog. */
  wireTrace?: WireTraceEndpoint;
  /** Today's date (YYYY-MM-DD) for known-issue expiry; injectable for tests. */
  today?: string;
}

export type { ScenarioResult };

export { runPrefix };

/** A short tag (base 36 letters and digits) that tells scenario instances apart: `${instance}`. */
export function instanceTag(instanceId: string): string {
  let h = 0;
  for (const c of instanceId) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

/** A database name unique to one scenario instance in one run. */
export function databaseName(runId: string, instanceId: string, name: string): string {
  const slug = name.replace(/[^a-z0-9]+/g, '_').slice(0, 32);
  return `${runPrefix(runId)}_${slug}_${instanceTag(instanceId)}`;
}

/** The cell's versions and catalog server, as known-issue entries scope them (DeviationSite). */
export function cellSite(ctx: RunContext) {
  return { paimon: ctx.paimonVersion, writer: ctx.writerPaimonVersion ?? ctx.paimonVersion, clients: ctx.clientVersions, server: ctx.catalogServer, catalogPaimon: ctx.catalogPaimonVersion };
}
