import { runPrefix, type CatalogClient } from '../catalog/index.ts';
import type { PrincipalAuthority } from '../access-control/index.ts';
import type { Engine } from '../engines/index.ts';
import type { EnvironmentDescriptor } from '../environment/index.ts';
import type { KnownIssue } from '../known-issues/index.ts';
import type { StepResult } from '../verdicts/index.ts';

/** Progress hooks the runner calls while a scenario runs (all optional). */
export interface RunHooks {
  onStepResult?(scenarioId: string, step: StepResult): void;
}

/**
 * What a scenario runs against: the started environment (by reference: its versions, features,
 * logs, what it lacks), the adapters opened on it, the catalog client and per-run naming.
 * buildRunContext makes one from a run spec.
 */
export interface RunContext {
  /** Unique per run; every catalog object the harness creates is named under `pi_<runId>`. */
  runId: string;
  /** The matrix cell, so databases stay unique when cells share a catalog. */
  cell?: string;
  env: EnvironmentDescriptor;
  /** Cross-version cells: the Paimon version whose engines write. */
  writerPaimonVersion?: string;
  engines: ReadonlyMap<string, Engine>;
  /** Cross-version mode: engines of another Paimon version that run the write steps. */
  writeEngines?: ReadonlyMap<string, Engine>;
  catalog?: CatalogClient;
  /** Mints the principals scenarios declare and changes their grants (reference layer). */
  authority?: PrincipalAuthority;
  keepDatabases?: boolean;
  hooks?: RunHooks;
  /** Known deviations (known-issues.yaml); failures they explain are reported as known. */
  knownIssues?: readonly KnownIssue[];
  /** Today's date (YYYY-MM-DD) for known-issue expiry; injectable for tests. */
  today?: string;
}

/** Every adapter the context opened: the cell's engines and, in cross-version cells, the writer release's. */
export const contextAdapters = (ctx: Pick<RunContext, 'engines' | 'writeEngines'>): Engine[] => [
  ...ctx.engines.values(),
  ...(ctx.writeEngines?.values() ?? []),
];

/** Why the cell has no engine of this name (the environment's reason), for skips. */
export const unavailableReason = (ctx: Pick<RunContext, 'env'>, engine: string): string | undefined => ctx.env.unavailable[engine];

/** Why the writer release of a cross-version cell has no such client, if it has none. */
export const writerLacks = (ctx: Pick<RunContext, 'env'>, engine: string): string | undefined => ctx.env.writer?.unavailable[engine];

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
  const { env } = ctx;
  return {
    paimon: env.paimonVersion,
    writer: ctx.writerPaimonVersion ?? env.paimonVersion,
    clients: env.versions,
    server: env.catalogServer,
    catalogPaimon: env.catalogRelease,
  };
}
