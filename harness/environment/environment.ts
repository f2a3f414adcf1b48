import type { CapabilityClaim, CatalogCapability } from '../conformance/index.ts';
import type { CatalogEndpoint, WireTraceEndpoint } from '../catalog/index.ts';
import type { EngineEndpoint, OneShotRunner, PrincipalCredentials } from '../engines/index.ts';
import type { LiveProcess } from '../processes/index.ts';

/**
 * What the environment offers besides engines and the catalog. Steps and scenarios that need a
 * feature the environment lacks skip with the reason (docs/environments.md says who has what).
 */
interface EnvironmentFeatures {
  /** The wire proxy every client reaches the catalog through: failing steps get their trace, faults and catalog configurations go through it. */
  wireProxy?: WireTraceEndpoint;
  /**
   * The Java reference server's own authorization hooks (local environment): make a database or
   * table forbidden in the catalog itself, and allow it again. The token is a secret.
   */
  catalogAdmin?: { url: string; token: string };
  /**
   * An address of this machine that engines in containers reach (the container network's gateway,
   * docker environment): services the harness runs for a run (the access-control proxy) listen
   * there instead of on loopback.
   */
  serviceHost?: string;
  /** The catalog's warehouse on this machine (local environment): `inspect-files` and `catalog: filesystem` steps. */
  files?: {
    /** A Python interpreter with pyarrow, to read data files with the formats' own readers. */
    inspector: string;
    /** The warehouse folder. */
    warehouseRoot: string;
  };
}

/** The catalog capabilities of a run: what a config lists, what the server implements, and what the run holds it to. */
interface CatalogCapabilities {
  /** The capabilities the external config lists (`catalog.capabilities`); absent: the release's specification decides. */
  listed?: string[];
  /** What the catalog server is known to implement (pypaimon's reference server), when that is less than its specification. */
  implemented?: readonly CatalogCapability[];
  /** What the run's catalog claims to offer (set when the run starts). */
  claim?: CapabilityClaim;
}

/** What a started environment offers; serializable so it can be handed to test workers. */
export interface EnvironmentDescriptor {
  provider: string;
  /** Paimon version of the engines that read (and of the catalog server, unless catalogRelease says otherwise). */
  paimonVersion: string;
  /** The catalog server's implementation: Paimon's Java RESTCatalogServer (absent), pypaimon's (`--catalog python`). */
  catalogServer?: 'python';
  /** The catalog server's Paimon release, where it differs from paimonVersion (`--catalog-paimon`). */
  catalogRelease?: string;
  catalog: CatalogEndpoint;
  engines: EngineEndpoint[];
  /** Cross-version mode: the writer release's engines (write steps run on them) and the clients it lacks, with why (their write steps skip). */
  writer?: { engines: EngineEndpoint[]; unavailable: Record<string, string> };
  /** Engines this environment lacks, with a one-line reason each. */
  unavailable: Record<string, string>;
  principals?: Record<string, PrincipalCredentials>;
  /** Component -> log file. */
  logs: Record<string, string>;
  /** Component -> version string, for reports. */
  versions: Record<string, string>;
  /** Folder scenarios may write scratch files to (`${scratch}`). */
  scratchRoot: string;
  features: EnvironmentFeatures;
  catalogCapabilities?: CatalogCapabilities;
  /**
   * The processes the harness started on this machine for the run (engines, gateways, the catalog),
   * still running when the run began: where hang evidence (thread dumps, stacks) comes from.
   */
  processes?: LiveProcess[];
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
  /** The reference catalog's own Paimon release, when it differs from the engines' (a separate axis). */
  catalogRelease?: string;
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
  /** `--env docker`: official images from a registry, or those `paimon-interop images build` made here; default: the local ones where they exist. */
  images?: 'official' | 'local';
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

export { EnvironmentError } from '../environment-error.ts';
