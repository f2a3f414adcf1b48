import type { EnvironmentDescriptor } from '../environment/index.ts';

/** Which scenarios to run and how; set by the CLI, read by the suite inside vitest. */
export interface RunFilter {
  paths: string[];
  tags?: string[];
  engines?: string[];
  /** `i/n`: run every n-th scenario instance starting at i (1-based), for CI fan-out. */
  shard?: string;
  /** `default` (absent): the scenarios of the default tier; `nightly`: every scenario. */
  tier?: 'default' | 'nightly';
}

/** Everything the vitest suite needs, handed over with vitest's provide/inject. */
export interface RunSpec {
  runId: string;
  runDir: string;
  filter: RunFilter;
  update: boolean;
  keepDatabases: boolean;
  /** Scenario instances in flight at once (1: one after the other). */
  jobs: number;
  /** The known-deviations table (known-issues.yaml). */
  knownIssuesFile: string;
  /** The scenarios and known issues the CLI already loaded and validated (loaded-run.ts); absent: the suite loads them. */
  loadedRunFile?: string;
  /** Cross-version mode: the Paimon version whose engines write (env.paimonVersion reads). */
  writerVersion?: string;
  /** `--repeat N`: which run of the suite on this environment this is (1-based); databases are named apart from the other runs'. */
  attempt?: number;
  env: EnvironmentDescriptor;
}

declare module 'vitest' {
  export interface ProvidedContext {
    interopRun: RunSpec;
  }
}

export const RUN_SPEC_ENV = 'PAIMON_INTEROP_RUN_SPEC';
/** `--jobs` of the run, for vitest's config (which reads nothing else of the spec: only the suite's setup parses it). */
export const RUN_JOBS_ENV = 'PAIMON_INTEROP_RUN_JOBS';

/** Secrets of an environment, for redaction everywhere output leaves the harness. */
export function environmentSecrets(env: EnvironmentDescriptor): string[] {
  const out: string[] = [];
  if (env.catalog.auth.provider === 'bear') out.push(env.catalog.auth.token);
  if (env.catalog.auth.provider === 'dlf') out.push(env.catalog.auth.accessKeySecret);
  for (const p of Object.values(env.principals ?? {})) out.push(p.token ?? '', p.accessKeySecret ?? '');
  for (const e of env.engines) if (e.options?.passwordEnv) out.push(process.env[e.options.passwordEnv] ?? '');
  if (env.features.wireProxy) out.push(env.features.wireProxy.token);
  if (env.features.catalogAdmin) out.push(env.features.catalogAdmin.token);
  return out.filter(Boolean);
}
