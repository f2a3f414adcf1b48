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

const TIMING_KEYS = new Set(['durationMs', 'engineMillis', 'queuedMs', 'runId', 'logTail', 'startedAt', 'finishedAt']);
const KNOWN_EVIDENCE = new Set(['failures', 'error', 'actual', 'statement']);

/**
 * A raw-results document with what legitimately differs between any two runs taken out: timings,
 * the run id (also inside database names), log paths, what the engines mint per run (Flink job
 * ids, data file UUIDs, epoch-millisecond times and retry durations inside messages), and the
 * order of rows an engine returned (a multiset: a scenario that asserts an order fails on it).
 * Two runs of the same suite must agree on everything else, whatever `--jobs` is.
 */
export function withoutTimings(raw: RawResults): unknown {
  const runIds = [raw.runId].filter(Boolean);
  // Times of day of the run itself (`mark-time` values in statements), not data: the run's dates only.
  const days = [...new Set([raw.startedAt, raw.finishedAt].map((t) => String(t).slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))];
  const clock = days.length ? new RegExp(`\\b(?:${days.join('|')})[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z?`, 'g') : undefined;
  const strip = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return runIds
        .reduce((s, id) => s.replaceAll(id, '<run>'), v)
        .replace(/\/reports\/[^\s'"]*\/logs\//g, '<logs>/')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
        .replace(/[0-9a-f]{32}/g, '<id>')
        .replace(/\b1\d{12}\b/g, '<epoch-ms>')
        .replace(/\bafter \d+ millis\b/g, 'after <n> millis')
        .replace(clock ?? /$^/, '<run time>');
    }
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      // A known deviation is compared by its id: the engine's message and rows are its evidence,
      // and vary with what the engine met first (which file of a partition, which retry).
      const known = (v as { status?: unknown; known?: unknown }).status === 'known' && (v as { known?: unknown }).known !== undefined;
      const out = Object.fromEntries(Object.entries(v).filter(([k]) => !TIMING_KEYS.has(k) && !(known && KNOWN_EVIDENCE.has(k))).map(([k, x]) => [k, strip(x)]));
      // A canonical result: its rows as a multiset.
      if (Array.isArray(out.rows) && Array.isArray(out.columns)) out.rows = (out.rows as unknown[]).map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as unknown);
      return out;
    }
    return v;
  };
  return strip(raw);
}

/**
 * Scenarios whose results differ between two runs once timings are taken out (`cell id`);
 * empty: identical reports. `intermittent` gets those where either run matched a known issue
 * that known-issues.yaml marks intermittent (it holds in some runs only, whatever `--jobs` is).
 */
export function compareRuns(a: RawResults, b: RawResults, intermittentIssues: ReadonlySet<string> = new Set()): { differing: string[]; intermittent: string[] } {
  const all = differingScenarios(a, b);
  const flaky = (raw: RawResults, key: string) => raw.scenarios.some((s) => `${s.cell} ${s.id}` === key && s.steps.some((st) => st.engines.some((e) => e.known && intermittentIssues.has(e.known.id))));
  const intermittent = all.filter((k) => flaky(a, k) || flaky(b, k));
  return { differing: all.filter((k) => !intermittent.includes(k)), intermittent };
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
