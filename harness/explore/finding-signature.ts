import type { StepEngineResult, ScenarioResult } from '../verdicts/index.ts';

/**
 * What a finding is, independent of the case that showed it: the kind of the first step that
 * failed (insert, ALTER, compaction, tag, or which read), the engines that failed there, how each
 * failed (an error of some class, or the comparison that differed and the shape of the
 * difference: rows missing, extra or changed), and the layer that judgement points at. Two cases
 * with one signature are one finding; shrinking keeps the signature.
 *
 * `<kind> | <engine>:<how> ... | <layer>`, e.g. `read | paimon-rust:rows(changed) | reader`.
 */
export function findingSignature(result: ScenarioResult): string | undefined {
  if (result.status !== 'fail' && result.status !== 'error') return undefined;
  const step = result.steps.find((s) => s.status === 'fail' || s.status === 'error');
  if (!step) return `${result.status}: ${firstLine(result.failure ?? result.reason ?? 'no step')}`;
  const kind = stepKindOf(step.name, step.kind);
  const failed = step.engines.filter((e) => e.status === 'fail' || e.status === 'error');
  const how = failed
    .map(
      (e) =>
        `${e.engine}:${
          e.error
            ? `error ${e.error.errorClass}`
            : e.failures
                .map((f) => `${f.aspect.replace(/ .*/, '')}${f.aspect === 'rows' ? `(${diffShape(f.diff)})` : ''}`)
                .sort()
                .join('+') || e.status
        }`,
    )
    .sort();
  // A reader whose wrong answer is a known deviation is wrong all the same when judging the layer.
  const wrong = step.engines.filter((e) => e.status === 'fail' || e.status === 'error' || e.status === 'known').length;
  return `${kind} | ${how.join(' ') || 'disagreement'} | ${layerOf(kind, failed, wrong, step.engines.filter((e) => e.status !== 'skip').length)}`;
}

/** Rows the engine lost (missing), rows it made up (extra), or both (changed). */
function diffShape(diff: readonly string[]): string {
  const minus = diff.some((d) => d.startsWith('- '));
  const plus = diff.some((d) => d.startsWith('+ '));
  return minus && plus ? 'changed' : minus ? 'missing' : plus ? 'extra' : 'order';
}

/**
 * The layer, judged as the suite does: a write, ALTER, compaction or tag that fails is the
 * writer's (an `unsupported` answer is the engine's); a read where every reader that ran is wrong
 * points at what they share (the files, so the writer); a read where only some are wrong, at
 * those readers.
 */
function layerOf(kind: string, failed: readonly StepEngineResult[], wrong: number, ran: number): string {
  if (failed.length && failed.every((e) => e.error?.errorClass === 'unsupported')) return 'engine';
  if (!/read$/.test(kind)) return 'writer';
  return wrong >= ran && ran > 1 ? 'writer' : 'reader';
}

const READ_KINDS: [RegExp, string][] = [
  [/^read \d+: where /, 'filtered read'],
  [/^read \d+: columns /, 'projected read'],
  [/^read \d+: every row/, 'read'],
  [/^read \d+: as of the moment/, 'time-travel read'],
  [/^read \d+: as of tag/, 'tag read'],
  [/^read \d+: increment /, 'incremental read'],
  [/^read \d+: t\$snapshots/, '$snapshots read'],
];

/** The step's kind as the generated names tell it. */
function stepKindOf(name: string, kind: string | undefined): string {
  for (const [pattern, k] of READ_KINDS) if (pattern.test(name)) return k;
  const write = /^insert \d+: (\S+) writes/.exec(name);
  if (write) return `insert by ${write[1]}`;
  const alter = /^alter: (\S+) (adds|sets)/.exec(name);
  if (alter) return `${alter[2] === 'adds' ? 'add-column' : 'set-options'} by ${alter[1]}`;
  const create = /^(\S+) creates the table/.exec(name);
  if (create) return `create-table by ${create[1]}`;
  if (name.startsWith('compact: ')) return 'compaction';
  if (name.startsWith('tag: ')) return 'create tag';
  return kind ?? name;
}

/**
 * An engine that answers `unsupported` states what it does not offer (docs: an assertable fact,
 * not a disagreement): explore tallies such answers apart and does not report them as findings.
 */
export const isUnsupportedAnswer = (signature: string) => signature.endsWith(' | engine');

/** A step that got no answer in its time limit: shrinking it would cost that limit per attempt. */
export const isHang = (signature: string) => /:error timeout\b/.test(signature);

const firstLine = (s: string) => s.split('\n')[0]!.slice(0, 200);
