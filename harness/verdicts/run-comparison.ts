import { byteOrder } from '../byte-order.ts';
import type { CellScenarioResult, RawResults } from './raw-results.ts';
import type { Status, StepEngineResult } from './scenario-result.ts';

const TIMING_KEYS = new Set([
  'durationMs',
  'engineMillis',
  'queuedMs',
  'runId',
  'logTail',
  'startedAt',
  'finishedAt',
  'evidence',
  'repeat',
  'ms',
]);
const KNOWN_EVIDENCE = new Set(['failures', 'error', 'actual', 'statement']);

/**
 * A raw-results document with what legitimately differs between any two runs taken out: timings,
 * the run id and each scenario's own database name (`--repeat` names each run's apart), log paths, hang evidence, what the engines mint per
 * run (Flink job ids, data file UUIDs, epoch-millisecond times and retry durations inside
 * messages), and the order of rows an engine returned (a multiset: a scenario that asserts an
 * order fails on it). Two runs of the same suite must agree on everything else, whatever `--jobs` is.
 */
function withoutTimings(raw: RawResults): unknown {
  const runIds = [raw.runId].filter(Boolean);
  // Times of day of the run itself (`mark-time` values in statements), not data: the run's dates only.
  const days = [
    ...new Set([raw.startedAt, raw.finishedAt].map((t) => String(t).slice(0, 10)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))),
  ];
  const clock = days.length ? new RegExp(`\\b(?:${days.join('|')})[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z?`, 'g') : undefined;
  const strip = (v: unknown, database?: string): unknown => {
    if (typeof v === 'string') {
      return runIds
        .reduce((s, id) => (database ? s.replaceAll(database, '<db>') : s).replaceAll(id, '<run>'), v)
        .replace(/\/reports\/[^\s'"]*\/logs\//g, '<logs>/')
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>')
        .replace(/[0-9a-f]{32}/g, '<id>')
        .replace(/\b1\d{12}\b/g, '<epoch-ms>')
        .replace(/\bafter \d+ millis\b/g, 'after <n> millis')
        .replace(/\bin \d+ ms\b/g, 'in <n> ms')
        .replace(clock ?? /$^/, '<run time>');
    }
    if (Array.isArray(v)) return v.map((x) => strip(x, database));
    if (v && typeof v === 'object') {
      // A scenario result: its database (and those named under it) is `<db>` inside it.
      const own =
        typeof (v as { database?: unknown }).database === 'string' && Array.isArray((v as { steps?: unknown }).steps)
          ? (v as { database: string }).database || undefined
          : undefined;
      // A known deviation is compared by its id: the engine's message and rows are its evidence,
      // and vary with what the engine met first (which file of a partition, which retry).
      const known = (v as { status?: unknown; known?: unknown }).status === 'known' && (v as { known?: unknown }).known !== undefined;
      const out = Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !TIMING_KEYS.has(k) && !(known && KNOWN_EVIDENCE.has(k)))
          .map(([k, x]) => [k, strip(x, own ?? database)]),
      );
      // A canonical result: its rows as a multiset.
      if (Array.isArray(out.rows) && Array.isArray(out.columns))
        out.rows = (out.rows as unknown[])
          .map((r) => JSON.stringify(r))
          .sort()
          .map((r) => JSON.parse(r) as unknown);
      return out;
    }
    return v;
  };
  return strip(raw);
}

/** One step on one engine across runs: its outcome in each (`pass`, `fail`, `known:<id>`, `not run`). */
interface StepStability {
  index: number;
  name: string;
  engine: string;
  outcomes: string[];
}

/**
 * One scenario instance across runs. `stable-pass` / `stable-fail`: the same verdict every time
 * (a known deviation counts as a pass); `flaky`: the verdicts differ. `explainedBy`: every
 * differing outcome is a known issue marked intermittent (the flakiness is recorded). `content`:
 * where results differ with the same verdicts (rows, messages, wire traces).
 */
interface InstanceStability {
  cell: string;
  id: string;
  outcomes: Status[];
  verdict: 'stable-pass' | 'stable-fail' | 'flaky';
  /** The steps whose outcomes differ between runs, with each run's outcome. */
  flakySteps: StepStability[];
  explainedBy?: string[];
  content: string[];
}

/** Several runs of one suite side by side: verdict changes apart from content changes. */
export interface RunComparison {
  runs: number;
  instances: InstanceStability[];
  /** Known issues marked intermittent that held on a step in every run: they are not intermittent there. */
  everyRun: { id: string; sites: string[] }[];
  /** Known issues marked intermittent that applied to some step and never held in any run. */
  neverFired: { id: string; sites: string[] }[];
}

const keyOf = (s: { cell: string; id: string }) => `${s.cell} ${s.id}`;
const outcomeOf = (e: StepEngineResult | undefined) => (e === undefined ? 'not run' : e.known ? `known:${e.known.id}` : e.status);
const failing = (o: string) => o === 'fail' || o === 'error';

/**
 * Compares the raw results of runs of the same suite (`--repeat`, `bench`): per instance, per
 * step and engine, whether the verdict held in every run; then, where verdicts agree, which
 * content differs once timings and per-run names are set aside (withoutTimings).
 */
export function compareRunResults(raws: readonly RawResults[], intermittent: ReadonlySet<string> = new Set()): RunComparison {
  const stripped = raws.map((r) => withoutTimings(r) as RawResults);
  const keys = [...new Set(raws.flatMap((r) => r.scenarios.map(keyOf)))].sort(byteOrder);
  const byKey = raws.map((r) => new Map(r.scenarios.map((s) => [keyOf(s), s])));
  const strippedByKey = stripped.map((r) => new Map(r.scenarios.map((s) => [keyOf(s), s])));
  const fired = new Map<string, Set<string>>();
  const applied = new Map<string, Set<string>>();
  const firedEveryRun = new Map<string, Set<string>>();
  const instances = keys.map((key): InstanceStability => {
    const runs = byKey.map((m) => m.get(key));
    const first = runs.find((r) => r !== undefined)!;
    const outcomes = runs.map((r) => r?.status ?? 'skip');
    const sites = new Map<string, StepStability>();
    runs.forEach((r, i) => {
      for (const st of r?.steps ?? []) {
        for (const e of st.engines) {
          const site = `${st.index}\u0000${e.engine}`;
          if (!sites.has(site)) sites.set(site, { index: st.index, name: st.name, engine: e.engine, outcomes: runs.map(() => 'not run') });
          sites.get(site)!.outcomes[i] = outcomeOf(e);
          if (e.known && intermittent.has(e.known.id)) add(fired, e.known.id, `${key} step ${st.index + 1} on ${e.engine}`);
          if (e.intermittentApplies) add(applied, e.intermittentApplies, `${key} step ${st.index + 1} on ${e.engine}`);
        }
      }
    });
    const all = [...sites.values()].sort((a, b) => a.index - b.index || byteOrder(a.engine, b.engine));
    for (const s of all) {
      const id = s.outcomes[0]?.startsWith('known:') ? s.outcomes[0].slice(6) : undefined;
      if (id && intermittent.has(id) && s.outcomes.every((o) => o === s.outcomes[0]))
        add(firedEveryRun, id, `${key} step ${s.index + 1} on ${s.engine}`);
    }
    const flakySteps = all.filter((s) => new Set(s.outcomes).size > 1);
    const verdicts = new Set(outcomes.map((o) => (failing(o) ? 'fail' : o === 'skip' ? 'skip' : 'pass')));
    const verdict = flakySteps.length || verdicts.size > 1 ? 'flaky' : verdicts.has('fail') ? 'stable-fail' : 'stable-pass';
    // Flaky only between a pass and an intermittent known issue: recorded flakiness, not a finding.
    const changed = flakySteps.flatMap((s) => s.outcomes.filter((o) => o !== 'pass' && o !== 'not run'));
    const explained =
      verdict === 'flaky' &&
      changed.length > 0 &&
      changed.every((o) => o.startsWith('known:') && intermittent.has(o.slice(6))) &&
      !outcomes.some(failing);
    const content = verdict === 'flaky' ? [] : contentDifferences(strippedByKey.map((m) => m.get(key)));
    return {
      cell: first.cell,
      id: first.id,
      outcomes,
      verdict,
      flakySteps,
      ...(explained ? { explainedBy: [...new Set(changed.map((o) => o.slice(6)))] } : {}),
      content,
    };
  });
  const list = (m: Map<string, Set<string>>, keep: (id: string) => boolean) =>
    [...m.entries()]
      .filter(([id]) => keep(id))
      .map(([id, s]) => ({ id, sites: [...s].sort(byteOrder) }))
      .sort((a, b) => byteOrder(a.id, b.id));
  return {
    runs: raws.length,
    instances,
    everyRun: raws.length > 1 ? list(firedEveryRun, () => true) : [],
    neverFired: list(applied, (id) => !fired.has(id)),
  };
}

function add(m: Map<string, Set<string>>, id: string, site: string) {
  if (!m.has(id)) m.set(id, new Set());
  m.get(id)!.add(site);
}

type Stripped = Record<string, unknown> & {
  steps?: (Record<string, unknown> & { index: number; engines: (Record<string, unknown> & { engine: string })[] })[];
};

/** Where one instance's stripped results differ between runs: `reason`, `step 3: wire`, `step 2 on flink: actual`. */
function contentDifferences(runs: (CellScenarioResult | undefined)[]): string[] {
  const [first, ...rest] = runs as (Stripped | undefined)[];
  if (!first) return [];
  const out = new Set<string>();
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const other of rest) {
    if (!other) continue;
    for (const k of new Set([...Object.keys(first), ...Object.keys(other)])) if (k !== 'steps' && !same(first[k], other[k])) out.add(k);
    for (const step of first.steps ?? []) {
      const o = other.steps?.find((s) => s.index === step.index);
      if (!o) continue;
      for (const k of new Set([...Object.keys(step), ...Object.keys(o)]))
        if (k !== 'engines' && !same(step[k], o[k])) out.add(`step ${step.index + 1}: ${k}`);
      for (const e of step.engines) {
        const oe = o.engines.find((x) => x.engine === e.engine);
        if (!oe) continue;
        for (const k of new Set([...Object.keys(e), ...Object.keys(oe)]))
          if (!same(e[k], oe[k])) out.add(`step ${step.index + 1} on ${e.engine}: ${k}`);
      }
    }
  }
  return [...out].sort(byteOrder);
}

/** The comparison as Markdown: flaky instances with each run's outcomes, content changes, intermittent entries to revisit. */
export function renderRunComparison(c: RunComparison, labels: readonly string[] = []): string {
  const label = (i: number) => labels[i] ?? `run ${i + 1}`;
  const count = (v: InstanceStability['verdict']) => c.instances.filter((i) => i.verdict === v).length;
  const flaky = c.instances.filter((i) => i.verdict === 'flaky');
  const content = c.instances.filter((i) => i.content.length);
  const lines = [
    `**${c.runs} runs: ${count('stable-pass')} stable pass, ${count('stable-fail')} stable fail, ${flaky.length} flaky${flaky.some((f) => f.explainedBy) ? ` (${flaky.filter((f) => f.explainedBy).length} only where a known issue marked intermittent held)` : ''}; ${content.length} with the same verdicts but different content.**`,
    '',
  ];
  if (flaky.length) {
    lines.push(
      '### Verdict changes',
      '',
      `| scenario | cell | step | engine | ${c.runs > 0 ? Array.from({ length: c.runs }, (_, i) => label(i)).join(' | ') : ''} |`,
      `|---|---|---|---|${'---|'.repeat(c.runs)}`,
    );
    for (const f of flaky) {
      const steps = f.flakySteps.length ? f.flakySteps : [{ index: -1, name: '(scenario)', engine: '', outcomes: f.outcomes }];
      for (const s of steps)
        lines.push(
          `| \`${f.id}\`${f.explainedBy ? ` (intermittent: ${f.explainedBy.join(', ')})` : ''} | ${f.cell} | ${s.index >= 0 ? `${s.index + 1} ${s.name}` : s.name} | ${s.engine} | ${s.outcomes.join(' | ')} |`,
        );
    }
    lines.push('');
  }
  if (content.length) {
    lines.push('### Same verdicts, different content', '');
    for (const i of content) lines.push(`- \`${i.id}\` (${i.cell}): ${i.content.join(', ')}`);
    lines.push('');
  }
  for (const e of c.everyRun)
    lines.push(
      `- known issue \`${e.id}\` is marked intermittent but held in every run at ${e.sites.length} site(s): ${e.sites.slice(0, 3).join('; ')}`,
    );
  for (const e of c.neverFired)
    lines.push(
      `- known issue \`${e.id}\` is marked intermittent, applied at ${e.sites.length} site(s) and never held in ${c.runs} run(s): ${e.sites.slice(0, 3).join('; ')}`,
    );
  if (c.everyRun.length || c.neverFired.length) lines.push('');
  return lines.join('\n');
}
