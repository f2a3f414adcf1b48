import fc from 'fast-check';
import type { ScenarioResult } from '../verdicts/index.ts';
import { caseArbitrary, DEFAULT_LIMITS, type CaseLimits } from './case-arbitrary.ts';
import type { ExploreCase } from './explore-case.ts';
import { findingSignature, isHang, isUnsupportedAnswer } from './finding-signature.ts';

/** Runs one case against the engines and says what happened (the runner, or a test double). */
export type CaseRunner = (c: ExploreCase, label: string) => Promise<ScenarioResult>;

/** A new disagreement, with the smallest case that still shows it. */
export interface Finding {
  signature: string;
  /** The shrunk case and its result. */
  minimal: ExploreCase;
  result: ScenarioResult;
  /** fast-check's seed and path of the first failing case: `explore --seed S --replay PATH`. */
  seed: number;
  path?: string;
  /** Cases run to find it and to shrink it. */
  runs: number;
  shrinks: number;
}

export interface ExploreOptions {
  seed: number;
  /** Wall-clock budget for the whole exploration, in ms. */
  budgetMs: number;
  /**
   * Explorations in flight at once (default 1). Job j takes the seeds seed + round × jobs + j,
   * so a seed gives the same cases whatever the timing; which job reports a signature first may vary.
   */
  jobs?: number;
  writers: readonly string[];
  limits?: CaseLimits;
  runCase: CaseRunner;
  /** Progress after each case. */
  /** After each case run (shrinking runs included): the counts so far and how the case ended. */
  onCase?(progress: {
    cases: number;
    findings: number;
    elapsedMs: number;
    shrinking: boolean;
    result: ScenarioResult;
    signature?: string;
  }): void;
  now?: () => number;
}

export interface ExploreOutcome {
  cases: number;
  findings: Finding[];
  elapsedMs: number;
  /** Signatures seen again after they were found (not reported twice). */
  repeats: number;
  /** `unsupported` answers by signature: what the engines said they do not offer, and how often. */
  unsupported: Record<string, number>;
  /** Cases by how they ended (pass, known, fail, error, skip). */
  statuses: Record<string, number>;
  /** Steps each engine ran, over every case. */
  stepsByEngine: Record<string, number>;
}

/**
 * Generated differential testing: fast-check draws cases from the seed; a case whose run fails
 * with a signature not yet found is a finding, which fast-check then shrinks (fewer operations,
 * rows, columns, simpler values) while that same signature reproduces. Known deviations do not
 * fail a case (the runner applies known-issues.yaml), and a found signature is not found again:
 * exploration goes on with the next seed until the budget is spent. Same seed, same cases.
 */
export async function explore(opts: ExploreOptions): Promise<ExploreOutcome> {
  const now = opts.now ?? Date.now;
  const started = now();
  const arbitrary = caseArbitrary(opts.writers, opts.limits ?? DEFAULT_LIMITS);
  const findings: Finding[] = [];
  const found = new Set<string>();
  let cases = 0;
  let repeats = 0;
  const statuses: Record<string, number> = {};
  const stepsByEngine: Record<string, number> = {};
  const unsupported: Record<string, number> = {};
  const jobs = opts.jobs ?? 1;
  // fast-check's time limit resolves check() while a case may still be running: every case is
  // awaited before explore returns, so none runs on against an environment being stopped.
  const inFlight = new Set<Promise<ScenarioResult>>();
  /** Runs one case (counted, tallied, its signature taken once) and says how it ended. */
  const runOne = async (c: ExploreCase, shrinking: boolean): Promise<{ result: ScenarioResult; signature?: string }> => {
    cases++;
    const run = opts.runCase(c, `case ${cases}`);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run)).catch(() => undefined);
    const result = await run;
    const signature = findingSignature(result);
    opts.onCase?.({ cases, findings: findings.length, elapsedMs: now() - started, shrinking, result, signature });
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    for (const step of result.steps) for (const e of step.engines) stepsByEngine[e.engine] = (stepsByEngine[e.engine] ?? 0) + 1;
    return { result, signature };
  };
  /**
   * Reports a new signature with its case shrunk: fast-check's shrinking (done by the caller
   * for a round's target) leaves the history of a chained table as it was, so a greedy pass
   * drops operations and rows one at a time while the signature holds. Past the budget, the
   * case is reported as met.
   */
  const report = async (
    sig: string,
    c: ExploreCase,
    first: ScenarioResult,
    meta: { seed: number; path?: string; runs: number; shrinks: number },
  ) => {
    if (found.has(sig)) {
      // Another job found it meanwhile: it reports it.
      repeats++;
      return;
    }
    found.add(sig);
    let result = first;
    let shrinks = meta.shrinks;
    const reduced =
      now() - started >= opts.budgetMs
        ? c
        : await reduceCase(c, async (candidate) => {
            const run = await runOne(candidate, true);
            if (run.signature !== sig) return false;
            shrinks++;
            result = run.result;
            return true;
          });
    findings.push({ signature: sig, minimal: reduced, result, seed: meta.seed, path: meta.path, runs: meta.runs, shrinks });
  };
  const worker = async (job: number) => {
    for (let round = 0; now() - started < opts.budgetMs; round++) {
      const seed = opts.seed + round * jobs + job;
      let target: string | undefined;
      let targetResult: ScenarioResult | undefined;
      let runsAtTarget = 0;
      let shrinks = 0;
      // New signatures met while the round pursues its target: each is reported after it.
      const pending = new Map<string, { c: ExploreCase; result: ScenarioResult; runs: number }>();
      const property = fc.asyncProperty(arbitrary, async (c) => {
        const { result, signature } = await runOne(c, false);
        if (signature === undefined) return true;
        if (isUnsupportedAnswer(signature)) {
          unsupported[signature] = (unsupported[signature] ?? 0) + 1;
          return true;
        }
        if (found.has(signature)) {
          repeats++;
          return true;
        }
        if (isHang(signature)) {
          // A hang is reported as met, unshrunk: each smaller attempt would wait out the limit.
          found.add(signature);
          findings.push({ signature, minimal: c, result, seed, runs: cases, shrinks: 0 });
          return true;
        }
        if (target === undefined) {
          target = signature;
          runsAtTarget = cases;
        } else if (signature === target) shrinks++;
        if (signature !== target) {
          if (!pending.has(signature)) pending.set(signature, { c, result, runs: cases });
          return true;
        }
        targetResult = result;
        return false;
      });
      const remaining = opts.budgetMs - (now() - started);
      const out = await fc.check(property, {
        seed,
        numRuns: Number.MAX_SAFE_INTEGER,
        interruptAfterTimeLimit: Math.max(1, remaining),
        markInterruptAsFailure: false,
      });
      const failed = out.failed && out.counterexample && target !== undefined && targetResult;
      if (failed)
        await report(target!, out.counterexample![0] as ExploreCase, targetResult!, {
          seed: out.seed,
          path: out.counterexamplePath ?? undefined,
          runs: runsAtTarget,
          shrinks,
        });
      for (const [sig, p] of pending) if (sig !== target) await report(sig, p.c, p.result, { seed, runs: p.runs, shrinks: 0 });
      if (!failed) return;
    }
  };
  await Promise.all(Array.from({ length: jobs }, (_, j) => worker(j)));
  await Promise.allSettled([...inFlight]);
  return { cases, findings, elapsedMs: now() - started, repeats, unsupported, statuses, stepsByEngine };
}

/**
 * Drops what a failing case does not need, one piece at a time: whole operations (at least one
 * insert stays), then rows (at least one per insert). `reproduces` runs a candidate and says
 * whether the same finding shows.
 */
async function reduceCase(c: ExploreCase, reproduces: (c: ExploreCase) => Promise<boolean>): Promise<ExploreCase> {
  let best = c;
  for (let i = best.ops.length - 1; i >= 0; i--) {
    const ops = best.ops.filter((_, j) => j !== i);
    if (!ops.some((o) => o.kind === 'insert') || !ops.some((o) => o.kind === 'read')) continue;
    const candidate = { ...best, ops };
    if (await reproduces(candidate)) best = candidate;
  }
  for (let i = 0; i < best.ops.length; i++) {
    for (let r = (best.ops[i] as { rows?: unknown[][] }).rows?.length ?? 0; r-- > 0;) {
      const op = best.ops[i]!;
      if (op.kind !== 'insert' || op.rows.length < 2) break;
      const candidate = {
        ...best,
        ops: best.ops.map((o, j) => (j === i && o.kind === 'insert' ? { ...o, rows: o.rows.filter((_, k) => k !== r) } : o)),
      };
      if (await reproduces(candidate)) best = candidate;
    }
  }
  return best;
}
