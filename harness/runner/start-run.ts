import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { capabilityClaim, UnknownCapabilityError } from '../conformance/index.ts';
import { EnvironmentError, providerFor, type ConnectorJars } from '../environment/index.ts';
import { ManagedProcess } from '../processes/index.ts';
import type { RunFilter, RunSpec } from './run-spec.ts';

export interface StartRunOptions {
  env: string;
  paimonVersion?: string;
  writerVersion?: string;
  catalogRelease?: string;
  catalogServer?: 'java' | 'python';
  engines?: string[];
  filter: RunFilter;
  update: boolean;
  keepDatabases: boolean;
  /** Scenario instances in flight at once; default 1. */
  jobs?: number;
  knownIssuesFile?: string;
  /** See RunSpec.loadedRunFile. */
  loadedRunFile?: string;
  reportsDir?: string;
  runId?: string;
  configFile?: string;
  /** The user's own connector jars (`--spark-connector`, `--flink-connector`). */
  connectors?: ConnectorJars;
  /** `--env docker`: official images or those built here. */
  images?: 'official' | 'local';
  /** `--capabilities`: what the catalog claims, overriding the config and the specification. */
  capabilities?: string[];
  onProgress?: (message: string) => void;
}

/** A run id that sorts by time and is safe in database names: `20261121t050912_ab12`. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').toLowerCase();
  return `${stamp}_${randomBytes(2).toString('hex')}`;
}

/** Starts the chosen environment and builds the spec the suite runs from. */
export async function startRun(opts: StartRunOptions): Promise<{ spec: RunSpec; stop: () => Promise<void> }> {
  const runId = opts.runId ?? newRunId();
  const runDir = resolve(opts.reportsDir ?? 'reports', runId);
  // Each matrix cell keeps its logs, warehouse and scratch files in a folder of its own.
  const cellDir = join(
    runDir,
    'cells',
    `${opts.env}-${opts.writerVersion ? `${opts.writerVersion}-to-` : ''}${opts.paimonVersion ?? 'default'}${opts.catalogRelease ? `-catalog-${opts.catalogRelease}` : ''}${opts.catalogServer === 'python' ? '-python-catalog' : ''}`,
  );
  const provider = await providerFor(opts.env);
  await mkdir(cellDir, { recursive: true });
  const started = await provider.start({
    paimonVersion: opts.paimonVersion,
    writerVersion: opts.writerVersion,
    catalogRelease: opts.catalogRelease,
    catalogServer: opts.catalogServer,
    engines: opts.engines,
    runDir: cellDir,
    onProgress: opts.onProgress,
    configFile: opts.configFile,
    connectors: opts.connectors,
    images: opts.images,
  });
  const { stop, oneShot: _oneShot, ...descriptor } = started;
  // Whatever the provider started here (gateways, the catalog, Flink, Spark Connect): hang evidence dumps their threads.
  descriptor.processes = ManagedProcess.live();
  try {
    const capabilities = descriptor.catalogCapabilities;
    descriptor.catalogCapabilities = {
      ...capabilities,
      claim: capabilityClaim(
        opts.capabilities ?? capabilities?.listed,
        descriptor.catalogRelease ?? descriptor.paimonVersion,
        descriptor.catalog.auth.provider,
        capabilities?.implemented,
      ),
    };
  } catch (e) {
    await stop();
    throw e instanceof UnknownCapabilityError
      ? new EnvironmentError(
          'ENV_CONFIG',
          opts.env,
          `${opts.capabilities ? '--capabilities' : `${opts.configFile}: catalog.capabilities`}: ${e.message}`,
        )
      : e;
  }
  return {
    spec: {
      runId,
      runDir,
      writerVersion: opts.writerVersion,
      filter: opts.filter,
      update: opts.update,
      keepDatabases: opts.keepDatabases,
      jobs: opts.jobs ?? 1,
      knownIssuesFile: opts.knownIssuesFile ?? 'known-issues.yaml',
      loadedRunFile: opts.loadedRunFile,
      env: descriptor,
    },
    stop,
  };
}
