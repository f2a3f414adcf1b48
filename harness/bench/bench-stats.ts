import type { RawResults } from '../verdicts/index.ts';

/** Statement times of one engine over a run (every step entry that ran, in ms). */
export interface EngineTimes {
  engine: string;
  statements: number;
  medianMs: number;
  p95Ms: number;
  /** Sum of the time the engine itself reported (`engineMillis`); absent where it reports none. */
  engineReportedMs: number;
}

/** The q-quantile by nearest rank (q in 0..1) of sorted numbers; 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Per-engine statement counts, median and p95 step time, and engine-reported time; `catalog` (REST) included. */
export function engineTimes(raw: RawResults): EngineTimes[] {
  const by = new Map<string, { d: number[]; reported: number }>();
  for (const s of raw.scenarios) {
    for (const st of s.steps) {
      for (const e of st.engines) {
        if (e.status === 'skip') continue;
        const slot = by.get(e.engine) ?? { d: [], reported: 0 };
        slot.d.push(e.durationMs);
        slot.reported += e.engineMillis ?? 0;
        by.set(e.engine, slot);
      }
    }
  }
  return [...by.entries()]
    .map(([engine, { d, reported }]) => {
      const sorted = [...d].sort((a, b) => a - b);
      return { engine, statements: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), engineReportedMs: Math.round(reported) };
    })
    .sort((a, b) => (a.engine < b.engine ? -1 : a.engine > b.engine ? 1 : 0));
}

/** Time spent in engines by the engines' own account (`engineMillis`), else the step's measured time. */
export function engineTimeMs(raw: RawResults): number {
  let total = 0;
  for (const s of raw.scenarios) for (const st of s.steps) for (const e of st.engines) if (e.status !== 'skip') total += e.engineMillis ?? e.durationMs;
  return Math.round(total);
}

const TIMING_KEYS = new Set(['durationMs', 'engineMillis', 'queuedMs', 'runId', 'logTail']);

/**
 * A raw-results document with what legitimately differs between any two runs taken out: timings,
 * the run id (also inside database names), log paths, and ids the engines mint per run (Flink's
 * 32-hex job ids, UUIDs). Two runs of the same suite must agree on everything else, whatever `--jobs` is.
 */
export function withoutTimings(raw: RawResults): unknown {
  const runIds = [raw.runId].filter(Boolean);
  const strip = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return runIds
        .reduce((s, id) => s.replaceAll(id, '<run>'), v)
        .replace(/\/reports\/[^\s'"]*\/logs\//g, '<logs>/')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
        .replace(/^[0-9a-f]{32}$/, '<job id>');
    }
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !TIMING_KEYS.has(k)).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return strip(raw);
}

/** Scenario ids whose results differ between two runs once timings are taken out; empty: identical reports. */
export function differingScenarios(a: RawResults, b: RawResults): string[] {
  const left = withoutTimings(a) as RawResults;
  const right = withoutTimings(b) as RawResults;
  const key = (s: RawResults['scenarios'][number]) => `${s.cell} ${s.id}`;
  const rightBy = new Map(right.scenarios.map((s) => [key(s), JSON.stringify(s)]));
  const out = left.scenarios.filter((s) => rightBy.get(key(s)) !== JSON.stringify(s)).map(key);
  for (const s of right.scenarios) if (!left.scenarios.some((x) => key(x) === key(s))) out.push(key(s));
  if (JSON.stringify(left.scenarios.map(key)) !== JSON.stringify(right.scenarios.map(key))) out.push('(order of scenarios)');
  return out;
}
