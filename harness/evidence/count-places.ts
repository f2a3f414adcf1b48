import { byteOrder } from '../byte-order.ts';

/** Threads counted by where they are, most first (ties in byte order), at most `limit` of them. */
export function mostCommon(places: readonly string[], limit: number): [place: string, count: number][] {
  const counts = new Map<string, number>();
  for (const p of places) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || byteOrder(a[0], b[0])).slice(0, limit);
}
