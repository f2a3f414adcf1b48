import { AccessControlProxy } from '../access-control/index.ts';
import { CatalogClient } from '../catalog/index.ts';
import { join } from 'node:path';
import { createEngine, type Engine, type EngineEndpoint, type HangEvidenceCollector } from '../engines/index.ts';
import type { PrincipalAuthority } from '../access-control/index.ts';
import { collectHangEvidence, type HangEvidence } from '../evidence/index.ts';
import type { KnownIssue } from '../known-issues/index.ts';
import type { ScenarioInstance } from '../scenario/index.ts';
import { contextAdapters, runPrefix, type RunContext, type RunHooks } from './run-context.ts';
import { environmentSecrets, type RunSpec } from './run-spec.ts';

/** A run context over a started environment, and how to release what it opened. */
export interface OpenedRun {
  ctx: RunContext;
  /** Values no message, report or trace may show (tokens, keys). */
  secrets: string[];
  /** Closes the engines, stops the access-control layer and drops what the run left under its prefix. */
  close(): Promise<void>;
}

/** What buildRunContext opens on the environment besides reading it: adapters, the catalog client, the access-control layer. */
export interface RunContextParts {
  knownIssues: readonly KnownIssue[];
  hooks?: RunHooks;
  authority?: PrincipalAuthority;
  catalog?: CatalogClient;
  createEngine(endpoint: EngineEndpoint): Engine;
}

/**
 * The run context of a spec: the environment by reference, an adapter per engine endpoint (the
 * writer release's too) and the parts the caller opened. Nothing of the environment is copied.
 */
export function buildRunContext(spec: RunSpec, parts: RunContextParts): RunContext {
  const env = spec.env;
  const adapters = (endpoints: readonly EngineEndpoint[]) => new Map(endpoints.map((e) => [e.engine, parts.createEngine(e)] as const));
  return {
    runId: spec.runId,
    env,
    writerPaimonVersion: spec.writerVersion,
    engines: adapters(env.engines),
    writeEngines: env.writer && adapters(env.writer.engines),
    catalog: parts.catalog,
    authority: parts.authority,
    keepDatabases: spec.keepDatabases,
    knownIssues: parts.knownIssues,
    hooks: parts.hooks,
  };
}

/**
 * The context scenario instances run in, built from a started environment (startRun's spec):
 * one engine adapter per engine, the catalog client, and the access-control layer when an
 * instance declares principals and the environment brings none. The vitest suite and
 * `explore` both run through it.
 */
export async function contextForRun(
  spec: RunSpec,
  knownIssues: readonly KnownIssue[],
  instances: readonly ScenarioInstance[],
  hooks?: RunHooks,
): Promise<OpenedRun> {
  const env = spec.env;
  // The harness's own catalog calls (and the access-control layer's) pass the wire proxy too, so
  // they are in a failing step's trace; engines keep the environment's address (a remote engine
  // cannot reach a loopback proxy).
  const wireProxy = env.features.wireProxy;
  const tracedCatalog = wireProxy ? { ...env.catalog, uri: wireProxy.url } : env.catalog;
  // Principal-scoped scenarios act through the reference access-control layer, unless the
  // environment brings real principals (a vendor's catalog).
  const authority =
    !env.principals && instances.some((i) => i.scenario.principals)
      ? await new AccessControlProxy(tracedCatalog, { host: env.features.serviceHost }).start()
      : undefined;
  const secrets = environmentSecrets(env);
  const engineContext = { catalog: env.catalog, runId: spec.runId, onHang: hangEvidence(spec, secrets) };
  const catalog = new CatalogClient(tracedCatalog);
  const ctx = buildRunContext(spec, { knownIssues, hooks, authority, catalog, createEngine: (e) => createEngine(e, engineContext) });
  return {
    ctx,
    secrets,
    async close() {
      await Promise.allSettled(contextAdapters(ctx).map((e) => e.close?.()));
      await authority?.stop();
      // Whatever a failed scenario left under this run's prefix goes at the end; nothing else is touched.
      if (spec.keepDatabases) return;
      for (const db of await catalog.listDatabases().catch(() => [])) {
        if (db.startsWith(`${runPrefix(spec.runId)}_`)) await catalog.dropDatabase(db).catch(() => undefined);
      }
    },
  };
}

/** Engines that hang together (a read on every engine at once) share one capture taken within this window. */
const SHARED_CAPTURE_MS = 30_000;

/**
 * Evidence at a hang, from the processes the environment started here and its Flink clusters'
 * REST APIs, kept under `<run>/evidence/`; none where the environment has neither (docker).
 */
function hangEvidence(spec: RunSpec, secrets: readonly string[]): HangEvidenceCollector | undefined {
  const env = spec.env;
  const endpoints = [...env.engines, ...(env.writer?.engines ?? [])];
  const sources = {
    processes: env.processes ?? [],
    flinkRestUrls: [...new Set(endpoints.flatMap((e) => (e.options?.restUrl ? [e.options.restUrl] : [])))],
  };
  if (!sources.processes.length && !sources.flinkRestUrls.length) return undefined;
  let last: { at: number; capture: Promise<HangEvidence> } | undefined;
  return (engine, stepCtx, sinceMs) => {
    if (last && Date.now() - last.at < SHARED_CAPTURE_MS) return last.capture;
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const label = `${stamp}-${stepCtx.scenarioDatabase ?? stepCtx.database}-${engine}`;
    last = { at: Date.now(), capture: collectHangEvidence(sources, { outDir: join(spec.runDir, 'evidence'), label, sinceMs, secrets }) };
    return last.capture;
  };
}
