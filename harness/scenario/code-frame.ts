import type { Problem } from './problem.ts';

/**
 * Renders a problem as `file:line:col CODE message` followed by the offending source lines,
 * with a caret under the column, like compilers do.
 */
export function formatProblem(p: Problem, source?: string): string {
  const head = `${p.loc.file}:${p.loc.line}:${p.loc.col} ${p.code} ${p.message}`;
  if (source === undefined) return head;
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, p.loc.line - 2);
  const last = Math.min(lines.length, p.loc.line + 1);
  const width = String(last).length;
  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === p.loc.line ? '>' : ' ';
    frame.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === p.loc.line) frame.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, p.loc.col - 1))}^`);
  }
  return `${head}\n${frame.join('\n')}`;
}
