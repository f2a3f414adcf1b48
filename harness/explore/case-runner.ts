import { SCENARIO_ENGINES } from '../engines/index.ts';
import { appliesTo, today, type KnownIssue } from '../known-issues/index.ts';
import { cellSite, runScenario, type RunContext } from '../runner/index.ts';
import { expandScenario, formatProblem, loadScenarioSource } from '../scenario/index.ts';
import type { ExploreCase } from './explore-case.ts';
import { caseScenario, caseYaml } from './case-scenario.ts';
import type { CaseRunner } from './explore-loop.ts';
import { findingSignature } from './finding-signature.ts';
import type { ScenarioResult } from '../verdicts/index.ts';

/** The top-level alternatives of a regular expression (`a|b(c|d)` is `a` and `b(c|d)`). */
function alternatives(pattern: string): string[] {
  const out = [''];
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out[out.length - 1] += ch + (pattern[++i] ?? '');
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) out.push('');
    else out[out.length - 1] += ch;
  }
  return out;
}

/** Literal characters an alternative demands (classes, quantifiers and groups count for none). */
const literalLength = (alt: string) =>
  alt
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\[dDsSwWbB]/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[.*+?(){}^$]/g, '').length;

/**
 * Whether a signature says enough to name its deviation without its scenario and step: each
 * alternative demands at least 12 literal characters. `success`, `\- 4` or `\+ 404` match the
 * diffs of countless other failures, and would hide every other finding of their engines.
 */
const specificSignature = (signature: string) => alternatives(signature).every((alt) => literalLength(alt) >= 12);

/**
 * Known deviations as explore applies them: a generated case has no scenario or step of the
 * suite's, so an entry with a signature applies by its engine, versions and signature alone, and
 * says nothing when its case passes (another case's pass proves no fix). Entries without a
 * specific signature are too broad to apply to cases they were not written for (an `explore`
 * pattern names their shape in generated cases instead).
 */
export function exploreKnownIssues(issues: readonly KnownIssue[]): KnownIssue[] {
  return issues
    .filter((i) => i.signature !== undefined && i.timeout === undefined && specificSignature(i.signature))
    .map(({ scenario: _s, step: _st, params: _p, ...rest }) => ({ ...rest, intermittent: true }));
}

/**
 * A failed case that an entry's `explore` pattern recognizes (over its signature and its YAML),
 * on the failing engines and the cell's versions, is that known deviation: reported as known.
 */
export function knownByExploreEntry(result: ScenarioResult, source: string, opts: CaseRunnerOptions): ScenarioResult {
  const signature = findingSignature(result);
  if (signature === undefined) return result;
  const step = result.steps.find((s) => s.status === 'fail' || s.status === 'error');
  if (!step) return result;
  const text = `${signature}\n${source}`;
  const matching = (opts.exploreEntries ?? []).filter((i) => new RegExp(i.explore!).test(text));
  // Each failing engine needs an entry that names it: two deviations met in one read (a writer's
  // and a reader's) are both known, each on its own engines.
  const failing = step.engines.filter((e) => e.status === 'fail' || e.status === 'error');
  const entries = failing.map((e) =>
    matching.find((i) => {
      const { scenario: _s, step: _st, params: _p, kind: _k, ...loose } = i;
      return appliesTo(
        loose,
        { scenarioName: result.name, instanceId: result.id, params: {}, stepName: step.name, engine: e.engine, ...cellSite(opts.ctx) },
        today(),
      );
    }),
  );
  if (!failing.length || entries.some((i) => i === undefined)) return result;
  failing.forEach((e, n) => Object.assign(e, { status: 'known', known: { id: entries[n]!.id, reason: entries[n]!.reason } }));
  return {
    ...result,
    status: 'known',
    failure: undefined,
    reason: `known deviation ${[...new Set(entries.map((i) => i!.id))].join(', ')}`,
  };
}

export interface CaseRunnerOptions {
  /** Entries of known-issues.yaml with an `explore` pattern. */
  exploreEntries?: readonly KnownIssue[];
  ctx: RunContext;
  /** Unique per explore run: case names are `explore-<tag>-<n>`. */
  tag: string;
  origin: string;
  readers: readonly string[];
  creator: string;
}

/** The case as a scenario YAML, loaded like any scenario file (so its validity is the loader's). */
export function caseSource(c: ExploreCase, name: string, opts: Pick<CaseRunnerOptions, 'origin' | 'readers' | 'creator'>): string {
  return caseYaml(caseScenario(c, { name, origin: opts.origin, readers: opts.readers, creator: opts.creator }));
}

/** Runs each case as a scenario instance in the explore run's context. */
export function scenarioCaseRunner(opts: CaseRunnerOptions): CaseRunner {
  let n = 0;
  const run = async (c: ExploreCase) => {
    n++;
    const name = `explore-${opts.tag}-${n}`;
    const source = caseSource(c, name, opts);
    const loaded = loadScenarioSource(`explore/${name}.yaml`, source, SCENARIO_ENGINES);
    // A generated case the loader refuses is a defect of the generator, never a finding.
    if (!loaded.scenario)
      throw new Error(`explore generated an invalid case:\n${loaded.problems.map((p) => formatProblem(p, source)).join('\n')}`);
    const result = await runScenario(expandScenario(loaded.scenario)[0]!, opts.ctx);
    return knownByExploreEntry(result, source, opts);
  };
  return run;
}
