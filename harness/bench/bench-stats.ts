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
      return {
        engine,
        statements: sorted.length,
        medianMs: quantile(sorted, 0.5),
        p95Ms: quantile(sorted, 0.95),
        engineReportedMs: Math.round(reported),
      };
    })
    .sort((a, b) => (a.engine < b.engine ? -1 : a.engine > b.engine ? 1 : 0));
}

/**
 * Wall time spent in engines by the engines' own account (`engineMillis`, else the step's measured
 * time): summed over steps; within a step whose engines ran at once, the slowest engine's.
 */
export function engineTimeMs(raw: RawResults): number {
  let total = 0;
  for (const s of raw.scenarios) {
    for (const st of s.steps) {
      const times = st.engines.filter((e) => e.status !== 'skip').map((e) => e.engineMillis ?? e.durationMs);
      total += st.enginesAtOnce ? Math.max(0, ...times) : times.reduce((a, b) => a + b, 0);
    }
  }
  return Math.round(total);
}
