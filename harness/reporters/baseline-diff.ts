import { byteOrder } from '../byte-order.ts';
import type { CellScenarioResult, RawResults } from '../verdicts/index.ts';

/** How the run compares with a previous one (a nightly's baseline). Keys: `cell | scenario id`. */
export interface BaselineDiff {
  newlyFailing: string[];
  newlyPassing: string[];
  stillFailing: string[];
  added: string[];
  removed: string[];
}

const failing = (s: CellScenarioResult) => s.status === 'fail' || s.status === 'error';
const passing = (s: CellScenarioResult) => s.status === 'pass' || s.status === 'known';
const key = (s: CellScenarioResult) => `${s.cell} | ${s.id}`;

/**
 * Newly failing: failing now, not failing before (passing, skipped, or new). Newly passing:
 * passing now, failing before. A scenario skipped in either run is neither.
 */
export function diffWithBaseline(current: RawResults, baseline: RawResults): BaselineDiff {
  const before = new Map(baseline.scenarios.map((s) => [key(s), s]));
  const now = new Map(current.scenarios.map((s) => [key(s), s]));
  const d: BaselineDiff = { newlyFailing: [], newlyPassing: [], stillFailing: [], added: [], removed: [] };
  for (const [k, s] of now) {
    const b = before.get(k);
    if (!b) d.added.push(k);
    if (failing(s)) (b && failing(b) ? d.stillFailing : d.newlyFailing).push(k);
    else if (passing(s) && b && failing(b)) d.newlyPassing.push(k);
  }
  for (const k of before.keys()) if (!now.has(k)) d.removed.push(k);
  for (const list of Object.values(d)) (list as string[]).sort(byteOrder);
  return d;
}
