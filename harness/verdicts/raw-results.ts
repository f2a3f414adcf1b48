import type { CapabilityClaim, OperationTally } from '../conformance/index.ts';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import { isInfrastructureError, type ScenarioResult } from './scenario-result.ts';

/** One matrix cell of a run: an environment at a Paimon version (and a writer version in cross mode). */
export interface RunCell {
  /**
   * Stable id naming the axes: `local/paimon-1.4.2`, `local/paimon-1.3.1>1.4.2` (written by 1.3.1
   * clients, read by 1.4.2 ones), `local/paimon-1.3.1@catalog-2.0.0` (1.3.1 clients on a 2.0.0 catalog).
   */
  id: string;
  environment: string;
  /** The Paimon version of the reading clients (and of the catalog unless catalogPaimon says otherwise). */
  paimon: string;
  /** Cross-version mode: the version of the engines that wrote. */
  writer?: string;
  /** The catalog server's Paimon version, where it differs from `paimon`. */
  catalogPaimon?: string;
  /** The catalog server is pypaimon's RESTCatalogServer (`--catalog python`), not Paimon's Java one. */
  catalogServer?: 'python';
  versions: Record<string, string>;
  catalog: string;
  /** What the catalog claimed to offer (conformance report). */
  catalogClaim?: CapabilityClaim;
  /** Every request that passed the wire proxy, counted by operation, status and client (endpoint coverage). */
  operations?: OperationTally[];
  unavailable: Record<string, string>;
  logs: Record<string, string>;
}

export type CellScenarioResult = ScenarioResult & { cell: string };

/**
 * The single source every report is rendered from. Shards and cells write one each;
 * `mergeRawResults` joins them. Results are sorted by scenario id, then cell, in byte order,
 * so files are identical across machines for identical outcomes.
 */
export interface RawResults {
  format: 'paimon-interop/raw-results@2';
  runId: string;
  startedAt: string;
  finishedAt: string;
  cells: RunCell[];
  scenarios: CellScenarioResult[];
}

function sortResults(raw: RawResults): RawResults {
  return {
    ...raw,
    cells: [...raw.cells].sort((a, b) => byteOrder(a.id, b.id)),
    scenarios: [...raw.scenarios].sort((a, b) => byteOrder(a.id, b.id) || byteOrder(a.cell, b.cell)),
  };
}

/** Joins the raw results of shards or cells; a later result for the same scenario and cell wins. */
export function mergeRawResults(parts: readonly RawResults[]): RawResults {
  if (!parts.length) throw new Error('nothing to merge');
  const cells = new Map<string, RunCell>();
  const scenarios = new Map<string, CellScenarioResult>();
  for (const p of parts) {
    for (const c of p.cells) cells.set(c.id, c);
    for (const s of p.scenarios) scenarios.set(`${s.cell}\u0000${s.id}`, s);
  }
  const starts = parts.map((p) => p.startedAt).sort();
  const ends = parts.map((p) => p.finishedAt).sort();
  return sortResults({
    format: 'paimon-interop/raw-results@2',
    runId: parts[0]!.runId,
    startedAt: starts[0]!,
    finishedAt: ends.at(-1)!,
    cells: [...cells.values()],
    scenarios: [...scenarios.values()],
  });
}

export async function writeRawResults(file: string, raw: RawResults): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(sortResults(raw), null, 2)}\n`);
}

/** Reads raw results from a file, or from a run directory (its raw-results.json). */
export async function readRawResults(fileOrDir: string): Promise<RawResults> {
  const file = (await stat(fileOrDir).catch(() => undefined))?.isDirectory() ? join(fileOrDir, 'raw-results.json') : fileOrDir;
  const raw = JSON.parse(await readFile(file, 'utf8')) as RawResults;
  if (raw.format !== 'paimon-interop/raw-results@2')
    throw new Error(`${file} is not a paimon-interop raw results file (format ${String(raw.format)})`);
  return raw;
}

export interface Totals {
  pass: number;
  known: number;
  fail: number;
  skip: number;
  error: number;
  /** Of `error`: scenarios stopped by an infrastructure error (an engine process died, hung or was unreachable). */
  infrastructure: number;
}

export function totals(raw: RawResults): Totals {
  const t: Totals = { pass: 0, known: 0, fail: 0, skip: 0, error: 0, infrastructure: 0 };
  for (const s of raw.scenarios) {
    t[s.status]++;
    if (isInfrastructureError(s)) t.infrastructure++;
  }
  return t;
}
