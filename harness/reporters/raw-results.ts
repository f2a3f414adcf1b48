import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ScenarioResult } from '../runner/index.ts';

/**
 * The single source every report is rendered from. Shards write one each; `mergeRawResults`
 * joins them. Scenario results are sorted by id in byte order so files are identical across
 * machines for identical outcomes.
 */
export interface RawResults {
  format: 'paimon-interop/raw-results@1';
  runId: string;
  startedAt: string;
  finishedAt: string;
  /** The matrix cell this run covers. */
  cell: { environment: string; paimon: string; versions: Record<string, string> };
  catalog: string;
  unavailable: Record<string, string>;
  logs: Record<string, string>;
  scenarios: ScenarioResult[];
}

const byId = (a: ScenarioResult, b: ScenarioResult) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function sortResults(raw: RawResults): RawResults {
  return { ...raw, scenarios: [...raw.scenarios].sort(byId) };
}

export async function writeRawResults(file: string, raw: RawResults): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(sortResults(raw), null, 2)}\n`);
}

export async function readRawResults(file: string): Promise<RawResults> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as RawResults;
  if (raw.format !== 'paimon-interop/raw-results@1') throw new Error(`${file} is not a paimon-interop raw results file`);
  return raw;
}

export interface Totals {
  pass: number;
  known: number;
  fail: number;
  skip: number;
  error: number;
}

export function totals(raw: RawResults): Totals {
  const t: Totals = { pass: 0, known: 0, fail: 0, skip: 0, error: 0 };
  for (const s of raw.scenarios) t[s.status]++;
  return t;
}
