import { EnvironmentError } from '../environment-error.ts';
import { formatProblem, type LoadedSuite } from '../scenario/index.ts';

export const out = (line = '') => process.stdout.write(`${line}\n`);
export const err = (line = '') => process.stderr.write(`${line}\n`);

/** Prints located problems with code frames; returns how many there were. */
export function printProblems(suite: LoadedSuite): number {
  const sources = new Map(suite.files.map((f) => [f.file, f.source]));
  for (const p of suite.problems) err(`${formatProblem(p, sources.get(p.loc.file))}\n`);
  return suite.problems.length;
}

/** One clear message for an environment failure: component, what happened, the log tail. */
export function printEnvironmentError(e: EnvironmentError): void {
  err(`environment error [${e.component}] ${e.code}: ${e.detail}`);
  if (e.logTail) err(e.logTail.replace(/^/gm, '  | '));
}

export class UsageError extends Error {
  readonly code = 'USAGE';
}

/** Why a run or listing selects no scenario instance, naming the filters. */
export function nothingSelected(
  scenarios: number,
  filter: { tags?: string[]; engines?: string[]; shard?: string; paths: string[]; tier?: string },
): string {
  const given = [
    ...(filter.tier === 'nightly' ? [] : ['--tier default (scenarios marked tier: nightly run with --tier nightly)']),
    ...(filter.tags ?? []).map((t) => `--tag ${t}`),
    ...(filter.engines ?? []).map((e) => `--engine ${e}`),
    ...(filter.shard ? [`--shard ${filter.shard}`] : []),
  ];
  return `no scenario instance selected: ${scenarios} scenario(s) under ${filter.paths.join(', ')}${given.length ? `, none matching ${given.join(' ')}` : ''}`;
}
