import type { CapabilityClaim, CatalogCapability } from '../conformance/index.ts';
import type { CatalogEndpoint, WireTraceEndpoint } from '../catalog/index.ts';
import type { EngineEndpoint, OneShotRunner, PrincipalCredentials } from '../engines/index.ts';
import type { LiveProcess } from '../processes/index.ts';

/** What a started environment offers; serializable so it can be handed to test workers. */
export interface EnvironmentDescriptor {
  provider: string;
  /** Paimon version of the engines that read (and of the catalog, unless catalogVersion says otherwise). */
  paimonVersion: string;
  /** Paimon version of the catalog server, where it differs from paimonVersion. */
  catalogVersion?: string;
  /** The local catalog is pypaimon's RESTCatalogServer (`--catalog python`) instead of Paimon's Java one. */
  catalogServer?: 'python';
  catalog: CatalogEndpoint;
  engines: EngineEndpoint[];
  /** Cross-version mode: engines of the writer version; write steps run on them. */
  writerEngines?: EngineEndpoint[];
  /** Cross-version mode: writer-version clients the writer's release lacks, with why; their write steps skip. */
  writerUnavailable?: Record<string, string>;
  /** Engines this environment lacks, with a one-line reason each. */
  unavailable: Record<string, string>;
  principals?: Record<string, PrincipalCredentials>;
  /** Component -> log file. */
  logs: Record<string, string>;
  /** Component -> version string, for reports. */
  versions: Record<string, string>;
  /** Folder scenarios may write scratch files to (`${scratch}`). */
  scratchRoot: string;
  /**
   * A Python interpreter with pyarrow, for `inspect-files` steps, where the warehouse is on this
   * machine (local environment); absent: those steps skip with the reason.
   */
  fileInspector?: string;
  /** The catalog's warehouse folder on this machine, for steps with `catalog: filesystem` (local environment). */
  warehouseRoot?: string;
  /**
   * The Java reference server's own authorization hooks (local environment): make a database or
   * table forbidden in the catalog itself, and allow it again. The token is a secret.
   */
  catalogAdmin?: { url: string; token: string };
  /** The catalog capabilities the external config lists (`catalog.capabilities`); absent: the release's specification decides. */
  listedCapabilities?: string[];
  /** What the environment's catalog server is known to implement (pypaimon's reference server), when that is less than its specification. */
  implementedCapabilities?: readonly CatalogCapability[];
  /** What the run's catalog claims to offer (set when the run starts). */
  catalogClaim?: CapabilityClaim;
  /**
   * The processes the harness started on this machine for the run (engines, gateways, the catalog),
   * still running when the run began: where hang evidence (thread dumps, stacks) comes from.
   */
  processes?: LiveProcess[];
  /** The wire proxy every client reaches the catalog through, where the environment runs one: failing steps get their trace. */
  wireTrace?: WireTraceEndpoint;
}

/** A running environment; only a started one can be used, and it must be stopped. */
export interface StartedEnvironment extends EnvironmentDescriptor {
  stop(): Promise<void>;
  /** Engine -> one request in a fresh process, where the engine offers it (the benchmark); not part of the descriptor. */
  oneShot?: Readonly<Record<string, OneShotRunner>>;
}

export interface EnvironmentOptions {
  paimonVersion?: string;
  /** Cross-version mode: also start the engines of this version, for the write steps. */
  writerVersion?: string;
  /** The reference catalog's own Paimon version, when it differs from the engines' (a separate axis). */
  catalogVersion?: string;
  /** Which reference implementation the local catalog is: Paimon's Java RESTCatalogServer (default) or pypaimon's. */
  catalogServer?: 'java' | 'python';
  /** Engines to start; default: all the provider offers. */
  engines?: readonly string[];
  /** Where logs and scratch files go (reports/<run-id>). */
  runDir: string;
  onProgress?: (message: string) => void;
  /** The external environment's config file. */
  configFile?: string;
  /** Connector builds of the user's (`--spark-connector`, `--flink-connector`): jar paths used instead of Paimon's released ones. */
  connectors?: ConnectorJars;
}

/** A user's own connector jars, by engine. */
export interface ConnectorJars {
  spark?: string;
  flink?: string;
}

/** One interface for local processes, containers and endpoints that already exist. */
export interface EnvironmentProvider {
  readonly name: string;
  start(options: EnvironmentOptions): Promise<StartedEnvironment>;
}

export { EnvironmentError, type EnvironmentErrorCode } from '../environment-error.ts';
