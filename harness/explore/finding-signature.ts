import type { ScenarioResult } from '../verdicts/index.ts';

/**
 * What a finding is, independent of the case that showed it: the kind of the first step that
 * failed (insert, read, filtered read, projection), the engines that failed there, and how each
 * failed (an error of some class, or the comparison that differed: rows, types, count, agree,
 * filtered). Two cases with one signature are one finding; shrinking keeps the signature.
 */
export function findingSignature(result: ScenarioResult): string | undefined {
  if (result.status !== 'fail' && result.status !== 'error') return undefined;
  const step = result.steps.find((s) => s.status === 'fail' || s.status === 'error');
  if (!step) return `${result.status}: ${firstLine(result.failure ?? result.reason ?? 'no step')}`;
  const kind = stepKindOf(step.name, step.kind);
  const how = step.engines
    .filter((e) => e.status === 'fail' || e.status === 'error')
    .map((e) => `${e.engine}:${e.error ? `error ${e.error.errorClass}` : (e.failures.map((f) => f.aspect.replace(/ .*/, '')).sort().join('+') || e.status)}`)
    .sort();
  return `${kind} | ${how.join(' ') || 'disagreement'}`;
}

/** The step's kind as the generated names tell it (filtered and projected reads apart). */
function stepKindOf(name: string, kind: string | undefined): string {
  if (/^read \d+: where /.test(name)) return 'filtered read';
  if (/^read \d+: columns /.test(name)) return 'projected read';
  if (/^read \d+: every row/.test(name)) return 'read';
  if (/^insert \d+: (\S+) writes/.test(name)) return `insert by ${/^insert \d+: (\S+)/.exec(name)![1]}`;
  return kind ?? name;
}

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 200);
