const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A duration option's value, `<count><unit>` with a unit among `units` (s, m, h, d), as
 * milliseconds; undefined when the text is not one. `count` is the pattern the count must match.
 */
export function durationMs(text: string, units: string, count = '\\d+'): number | undefined {
  const m = new RegExp(`^(${count})([${units}])$`).exec(text);
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}
