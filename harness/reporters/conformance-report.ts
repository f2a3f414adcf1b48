import { byteOrder } from '../byte-order.ts';
import type { RawResults, RunCell } from '../verdicts/index.ts';
import {
  CATALOG_CAPABILITIES,
  CATALOG_CAPABILITY_NAMES,
  claimSourceText,
  operationsOf,
  REST_OPERATIONS,
  type CatalogCapability,
} from '../conformance/index.ts';

/**
 * A capability's verdict in one cell. `pass`: every scenario behind it passed; `known`: what failed
 * is a recorded known deviation; `fail`: a scenario failed or ended in an error; `not exercised`:
 * claimed, but every scenario behind it skipped or none ran; `not claimed`: the catalog does not
 * claim it (its scenarios skipped, nothing is judged).
 */
type CapabilityVerdict = 'pass' | 'known' | 'fail' | 'not exercised' | 'not claimed';

interface CapabilityRow {
  capability: CatalogCapability;
  description: string;
  claimed: boolean;
  verdict: CapabilityVerdict;
  /** The scenario instances behind the cell, with their status and the known deviations that explain them. */
  scenarios: { id: string; status: string; known: string[]; reason?: string }[];
}

/** How one operation of the cell's specification was used over the run. */
interface EndpointRow {
  operation: string;
  method: string;
  path: string;
  since: string;
  capability: CatalogCapability;
  /** Answer statuses per client family (the harness's `rest` steps are `harness`), with counts. */
  byClient: Record<string, Record<string, number>>;
  covered: boolean;
}

export interface CellConformance {
  cell: string;
  catalog: string;
  paimon: string;
  catalogServer: string;
  claimSource: string;
  capabilities: CapabilityRow[];
  /** Every operation the cell's release specifies, covered or not. */
  endpoints: EndpointRow[];
  /** The known deviations behind `known` verdicts, with their reasons (known-issues.yaml). */
  knownDeviations: { id: string; reason: string }[];
  /** Requests of the run whose method and path the specification does not define. */
  outsideSpecification: { operation: string; status: number; client: string; count: number }[];
}

export interface ConformanceReport {
  format: 'paimon-interop/conformance@1';
  runId: string;
  startedAt: string;
  finishedAt: string;
  cells: CellConformance[];
}

function verdictOf(claimed: boolean, statuses: string[]): CapabilityVerdict {
  if (!claimed) return 'not claimed';
  if (statuses.some((s) => s === 'fail' || s === 'error')) return 'fail';
  if (statuses.includes('known')) return 'known';
  if (statuses.includes('pass')) return 'pass';
  return 'not exercised';
}

function cellConformance(raw: RawResults, cell: RunCell): CellConformance {
  const results = raw.scenarios.filter((s) => s.cell === cell.id && s.catalogCapabilities?.length);
  const claimed = new Set<string>(cell.catalogClaim?.claimed ?? CATALOG_CAPABILITY_NAMES);
  const capabilities = CATALOG_CAPABILITY_NAMES.map((capability): CapabilityRow => {
    const behind = results.filter((s) => s.catalogCapabilities!.includes(capability));
    return {
      capability,
      description: CATALOG_CAPABILITIES[capability],
      claimed: claimed.has(capability),
      verdict: verdictOf(
        claimed.has(capability),
        behind.map((s) => s.status),
      ),
      scenarios: behind.map((s) => ({
        id: s.id,
        status: s.status,
        known: [...new Set(s.steps.flatMap((st) => st.engines.flatMap((e) => (e.known ? [e.known.id] : []))))].sort(byteOrder),
        ...(s.status === 'skip' || s.status === 'error' ? { reason: s.reason ?? s.failure } : {}),
      })),
    };
  });
  const tally = cell.operations ?? [];
  const release = cell.catalogPaimon ?? cell.paimon;
  const endpoints = operationsOf(release).map((op): EndpointRow => {
    const byClient: Record<string, Record<string, number>> = {};
    for (const t of tally.filter((x) => x.operation === op.id)) {
      const statuses = (byClient[t.client] ??= {});
      statuses[String(t.status)] = (statuses[String(t.status)] ?? 0) + t.count;
    }
    return {
      operation: op.id,
      method: op.method,
      path: op.path,
      since: op.since,
      capability: op.capability,
      byClient,
      covered: Object.keys(byClient).length > 0,
    };
  });
  const specified = new Set(REST_OPERATIONS.map((o) => o.id));
  const deviations = new Map<string, string>();
  for (const s of results) for (const st of s.steps) for (const e of st.engines) if (e.known) deviations.set(e.known.id, e.known.reason);
  return {
    cell: cell.id,
    catalog: cell.catalog,
    paimon: release,
    catalogServer:
      cell.catalogServer === 'python'
        ? "pypaimon's RESTCatalogServer"
        : cell.environment === 'local'
          ? "Paimon's RESTCatalogServer (Java)"
          : 'the configured catalog',
    claimSource: claimSourceText(cell.catalogClaim?.source ?? 'specification', release),
    capabilities,
    endpoints,
    knownDeviations: [...deviations].map(([id, reason]) => ({ id, reason })).sort((a, b) => byteOrder(a.id, b.id)),
    outsideSpecification: tally.filter((t) => !specified.has(t.operation)),
  };
}

/** The conformance report of a run: per cell, every capability's verdict and every operation's coverage. */
export function conformanceReport(raw: RawResults): ConformanceReport {
  return {
    format: 'paimon-interop/conformance@1',
    runId: raw.runId,
    startedAt: raw.startedAt,
    finishedAt: raw.finishedAt,
    cells: raw.cells.map((c) => cellConformance(raw, c)),
  };
}

/**
 * Whether, in every cell, every claimed capability passed or failed only where known deviations
 * explain it: a claimed capability no scenario exercised is not a pass.
 */
export function conformancePassed(report: ConformanceReport): boolean {
  return report.cells.every((c) => c.capabilities.every((r) => !r.claimed || r.verdict === 'pass' || r.verdict === 'known'));
}
