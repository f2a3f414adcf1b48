import type { Problem } from './problem.ts';

/** Source characters shown per line of a frame; longer lines show a window around the column. */
const FRAME_WIDTH = 120;

/** A line cut to FRAME_WIDTH around `col` (1-based), and where the column lands in the cut. */
function window(line: string, col: number): { text: string; caret: number } {
  if (line.length <= FRAME_WIDTH) return { text: line, caret: col };
  const start = Math.max(0, Math.min(col - 1 - FRAME_WIDTH / 2, line.length - FRAME_WIDTH));
  const head = start > 0 ? '…' : '';
  const tail = start + FRAME_WIDTH < line.length ? '…' : '';
  return { text: `${head}${line.slice(start, start + FRAME_WIDTH)}${tail}`, caret: col - start + head.length };
}

/**
 * Renders a problem as `file:line:col CODE message` followed by the offending source lines,
 * with a caret under the column, like compilers do. Long lines show a window around the
 * column; a file with no source to show (binary, too large, unreadable) gets no frame.
 */
export function formatProblem(p: Problem, source?: string): string {
  const head = `${p.loc.file}:${p.loc.line}:${p.loc.col} ${p.code} ${p.message}`;
  if (!source) return head;
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, p.loc.line - 2);
  const last = Math.min(lines.length, p.loc.line + 1);
  const width = String(last).length;
  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === p.loc.line ? '>' : ' ';
    const shown = window(lines[n - 1] ?? '', n === p.loc.line ? p.loc.col : 1);
    frame.push(`${marker} ${String(n).padStart(width)} | ${shown.text}`);
    if (n === p.loc.line) frame.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, shown.caret - 1))}^`);
  }
  return `${head}\n${frame.join('\n')}`;
}
