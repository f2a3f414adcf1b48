import type { RawResults, Status } from '../verdicts/index.ts';

/** One writer × reader square: its cell and how its scenarios ended. */
export interface GridSquare {
  writer: string;
  reader: string;
  /** The cell id (`local/paimon-A>B`; the plain cell `local/paimon-A` on the diagonal). */
  cell: string;
  counts: Record<Status, number>;
  /** The worst status among the cell's scenarios. */
  status: Status;
}

const RANK: Status[] = ['skip', 'pass', 'known', 'fail', 'error'];

/**
 * The version grid of a run with cross-version cells: writer releases down, reader releases
 * across; the diagonal holds the plain cells where the run has them. Empty without cross cells.
 */
export function versionGrid(raw: RawResults): { writers: string[]; readers: string[]; squares: GridSquare[] } {
  const cross = raw.cells.filter((c) => c.writer);
  if (!cross.length) return { writers: [], readers: [], squares: [] };
  const squares: GridSquare[] = [];
  for (const c of raw.cells) {
    const writer = c.writer ?? c.paimon;
    const counts: Record<Status, number> = { pass: 0, known: 0, fail: 0, skip: 0, error: 0 };
    for (const s of raw.scenarios) if (s.cell === c.id) counts[s.status]++;
    const status = RANK.reduce<Status>((w, st) => (counts[st] > 0 ? st : w), 'skip');
    squares.push({ writer, reader: c.paimon, cell: c.id, counts, status });
  }
  const order = (vs: string[]) => [...new Set(vs)].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  return { writers: order(squares.map((s) => s.writer)), readers: order(squares.map((s) => s.reader)), squares };
}

/** Writer>reader pairs with a scenario that newly fails against the baseline (`cell | id` keys). */
export function newlyBrokenPairs(raw: RawResults, newlyFailing: readonly string[]): string[] {
  const cells = new Set(newlyFailing.map((k) => k.split(' | ')[0]!));
  return raw.cells.filter((c) => c.writer && cells.has(c.id)).map((c) => `${c.writer}>${c.paimon}`);
}
