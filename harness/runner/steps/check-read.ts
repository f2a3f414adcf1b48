import type { CatalogClient } from '../../catalog/index.ts';
import { normalizeExpected, NormalizeError, parseType, type Predicate, type PredicateLiteral } from '../../results/index.ts';
import { parsePredicate, PredicateSyntaxError } from '../../scenario/index.ts';

/**
 * A read step's `where`, parsed (with its variables known) and checked against the table's
 * columns as the catalog stores them, before any engine sees it: a column the table lacks or a
 * literal its column cannot hold exactly is an invalid-argument error of the harness, never a
 * cast left to each engine. Returns the problem, or the filter with the table's declared column
 * types (SQL engines write typed literals). System tables (`t$files`) are not checked.
 */
export async function checkRead(where: string, table: string, catalog: CatalogClient | undefined, database: string): Promise<{ problem?: string; where?: Predicate; columnTypes?: Record<string, string> }> {
  let predicate: Predicate;
  try {
    predicate = parsePredicate(where);
  } catch (err) {
    if (!(err instanceof PredicateSyntaxError)) throw err;
    return { problem: `invalid where "${where}": ${err.message} (at character ${err.offset + 1})` };
  }
  const fields = table.includes('$') || !catalog ? undefined : await catalog.tableFields(database, table).catch(() => undefined);
  if (!fields) return { where: predicate };
  const types = Object.fromEntries(fields.map((f) => [f.name, f.type]));
  for (const [column, literals] of literalsByColumn(predicate)) {
    const type = types[column];
    if (type === undefined) return { problem: `invalid where: table ${table} has no column ${column} (columns: ${fields.map((f) => f.name).join(', ')})` };
    for (const v of literals) {
      try {
        if (v !== null) normalizeExpected(v, parseType(type));
      } catch (err) {
        if (!(err instanceof NormalizeError)) throw err;
        return { problem: `invalid where: ${JSON.stringify(v)} for column ${column} ${type}: ${err.message}` };
      }
    }
  }
  return { where: predicate, columnTypes: types };
}

function literalsByColumn(p: Predicate, out = new Map<string, PredicateLiteral[]>()): Map<string, PredicateLiteral[]> {
  if ('args' in p) p.args.forEach((a) => literalsByColumn(a, out));
  else if ('arg' in p) literalsByColumn(p.arg, out);
  else {
    const list = out.get(p.column) ?? [];
    if ('value' in p) list.push(p.value);
    if ('values' in p) list.push(...p.values);
    if ('low' in p) list.push(p.low, p.high);
    out.set(p.column, list);
  }
  return out;
}
