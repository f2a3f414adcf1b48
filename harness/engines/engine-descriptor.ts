import type { HangEvidenceCollector } from './step-timeout.ts';
import type { CatalogEndpoint } from '../catalog/index.ts';
import type { StartedNetwork } from 'testcontainers';
import type { ImageSource } from '../../containers/index.ts';
import type { PaimonVersionRow, Provisioned } from '../provisioning/index.ts';
import type { Engine, EngineEndpoint } from './engine.ts';
import type { ExternalEngineConfig } from './external-endpoint.ts';
import type { LocalEngineLauncher } from './local-launch.ts';
import type { GatewayCommand } from '../processes/index.ts';
import type { CanonicalType } from '../values/index.ts';

/**
 * What an engine can do. A step that needs a capability its engine lacks must expect
 * `error: unsupported` (a fact to assert, not a skip); the loader checks this.
 * - `sql`: runs raw SQL steps in its own dialect.
 * - `writes`: creates, writes, alters and drops tables (portable write actions).
 * - `principals`: acts as a scenario principal with that principal's own credentials (`as:`).
 * - `merge-into`: MERGE INTO (or its procedure) on Paimon tables.
 * - `catalog-config`: opens the catalog with a scenario's own client options and address
 *   (`catalog-config`: the wire proxy answers GET /v1/config with its defaults and overrides).
 */
export const CAPABILITIES = ['sql', 'writes', 'principals', 'merge-into', 'catalog-config'] as const;
type Capability = (typeof CAPABILITIES)[number];

/** What some adapters need besides their endpoint (Doris creates a catalog for the run). */
export interface EngineContext {
  catalog: CatalogEndpoint;
  runId: string;
  /** Captures evidence when a step on an engine gets no answer in time (see withStepTimeout). */
  onHang?: HangEvidenceCollector;
}

/**
 * The one place an engine is defined: its name, what it can do, how long a step may take and
 * how its adapter is made. Providers, the CLI, the loader and reports iterate descriptors.
 */
export interface EngineDescriptor {
  readonly name: string;
  /** One line for listings: what the engine is. */
  readonly summary: string;
  readonly capabilities: readonly Capability[];
  /** How long one step may take before the engine counts as hung (default: the harness's). */
  readonly stepTimeoutMs?: number;
  /**
   * The adapter serves steps of concurrent scenarios at once (a session per scenario). Absent:
   * the harness queues the engine's steps, one at a time, whatever `--jobs` is.
   */
  readonly concurrentSteps?: boolean;
  createAdapter(endpoint: EngineEndpoint, context: EngineContext): Engine;
  /** How the local environment provisions and starts the engine; absent: `localUnavailable` says why. */
  readonly local?: LocalEngineLauncher;
  /** Why the local environment has no such engine (one line, with what to use instead). */
  readonly localUnavailable?: string;
  /** How the external config names an existing endpoint of the engine (`engines.<name>`). */
  readonly external?: ExternalEngineConfig;
  /** The harness's gateway in front of it, for a library with no server of its own (started on this machine by every environment). */
  readonly gateway?: GatewayCommand;
  /** Its spellings of column types, read into the canonical types (default: Paimon's own spellings, values/canonical-type.ts). */
  readonly types?: (engineType: string) => CanonicalType;
  /** In cross-version cells (`--cross A>B`) its writer-release gateway runs the write steps. */
  readonly crossVersionWriter?: boolean;
  /** Its release is a component of a cell that known issues may scope entries to (`clients: { <name>: range }`). */
  readonly clientReleases?: boolean;
  /** How its requests show in the catalog's wire tally: its User-Agent, and the client family the tally counts it under (shared by engines on one HTTP client). */
  readonly wireClient?: { userAgent: RegExp; family: string };
  /** How the docker environment runs it, or why it does not (one line, with what to use instead); absent: it is not offered there. */
  readonly docker?: DockerEngine;
  /**
   * Where its deviations are reported (`report-issue`): the project owning its Paimon side (reader,
   * writer and file layers) and, for an engine with an SQL layer of its own, the engine's project
   * (engine and engine-cast layers). Absent: Paimon's Java implementation.
   */
  readonly issueTrackers?: { paimon: IssueTracker; engine?: IssueTracker };
}

/** Paimon's Java REST client, as the wire tally knows it: the Java implementation and the connectors embedding it share it. */
export const JAVA_REST_CLIENT = { userAgent: /Apache-HttpClient|okhttp|Java/i, family: 'java' } as const;

/** A project that takes bug reports, and how its issues are labelled. */
export interface IssueTracker {
  project: string;
  component: string;
  /** The title's prefix, as the project labels its issues. */
  tag: string;
  /** Where a person files it. */
  newIssueUrl: string;
}

/** Apache Paimon's own tracker, for a component of it. */
export const paimonTracker = (component: string, tag: string): IssueTracker => ({
  project: 'apache/paimon',
  component,
  tag,
  newIssueUrl: 'https://github.com/apache/paimon/issues/new',
});

/** What the docker environment hands an engine: the cell's provisioning, the catalog container, the shared network and folders. */
export interface DockerEngineContext {
  prov: Provisioned;
  /** The catalog as the host reaches it, and as containers on the network reach it. */
  catalog: CatalogEndpoint;
  networkCatalogUri: string;
  network: StartedNetwork;
  /** The warehouse and scratch folders, mounted at the same paths in every container. */
  mounts: string[];
  /** Official images, or those built here (`paimon-interop images build`). */
  images: ImageSource;
  logDir: string;
  progress: (message: string) => void;
}

/**
 * How the docker environment runs an engine in containers (the images it needs, pulled before
 * anything starts), or why it does not. An engine with a gateway and no `docker` runs its gateway
 * on the host against the catalog container.
 */
type DockerEngine =
  | {
      /** The images it runs from, official or built here. */
      images(row: PaimonVersionRow, source: ImageSource): string[];
      /** Builds its local images for a row (`paimon-interop images build`) on the local JDK image; absent: it runs from official images only. */
      buildLocal?(row: PaimonVersionRow, ctx: { prov: Provisioned; progress: (message: string) => void }): Promise<string[]>;
      start(
        ctx: DockerEngineContext,
        row: PaimonVersionRow,
      ): Promise<{ endpoint: EngineEndpoint; stop(): Promise<unknown> } | { unavailable: string }>;
    }
  | { unavailable: string };
