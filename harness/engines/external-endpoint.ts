import { z } from 'zod';
import type { EngineEndpoint } from './engine.ts';
import type { LocalLaunch, LocalLaunchContext } from './local-launch.ts';

/** A key naming the environment variable that holds a secret (secrets never go in config files). */
export const EnvVarName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name');

/**
 * How the external environment's config names an engine that already runs somewhere (a Doris
 * FE, a Flink SQL Gateway): the schema of its entry under `engines:`, the endpoint it makes,
 * and an optional reachability check that answers the engine's version.
 */
export interface ExternalEngineConfig {
  readonly schema: z.ZodType;
  endpoint(value: unknown): EngineEndpoint;
  /** Throws a one-line error when the endpoint cannot be used; returns the version to report. */
  check?(endpoint: EngineEndpoint): Promise<string>;
  /**
   * An endpoint reached through a client the harness starts on this machine (Spark Connect:
   * Spark's own Connect client): starts it against the endpoint and the catalog's own address.
   * Fails with a one-line error when the endpoint does not answer.
   */
  start?(value: unknown, ctx: LocalLaunchContext): Promise<LocalLaunch>;
}
