/** Compares strings by plain code-unit order, so sorted output is identical on every machine and locale. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
