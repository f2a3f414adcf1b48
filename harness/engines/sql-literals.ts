/** Renders a YAML value as a SQL literal (strings quoted with '' escaping, NULL, booleans, numbers). */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return `array(${v.map(sqlLiteral).join(', ')})`;
  return `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Quotes an identifier with backticks (Spark, Doris, Flink all accept them). */
export const quoteId = (name: string) => `\`${name.replace(/`/g, '``')}\``;
