import type { CatalogClient } from '../../catalog/index.ts';
import { normalizeExpected, NormalizeError, parseType, predicateLeaves, type Predicate } from '../../values/index.ts';
import { parsePredicate, PredicateSyntaxError } from '../../scenario/index.ts';

/**
 * A read step's `where`, parsed (with its variables known) and checked against the table's
 * columns as the catalog stores them, before any engine sees it: a column the table lacks or a
 * literal its column cannot hold exactly is an invalid-argument error of the harness, never a
 * cast left to each engine. Returns the problem, or the filter with the table's declared column
 * types (SQL engines write typed literals). System tables (`t$files`) are not checked.
 */
export async function checkRead(
  where: string,
  table: string,
  catalog: CatalogClient | undefined,
  database: string,
): Promise<{ problem?: string; where?: Predicate; columnTypes?: Record<string, string> }> {
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
  for (const leaf of predicateLeaves(predicate)) {
    const type = types[leaf.column];
    if (type === undefined)
      return { problem: `invalid where: table ${table} has no column ${leaf.column} (columns: ${fields.map((f) => f.name).join(', ')})` };
    // A LIKE prefix is text whatever the column's type; the other literals are read by the column's type.
    const literals = 'value' in leaf ? [leaf.value] : 'values' in leaf ? leaf.values : 'low' in leaf ? [leaf.low, leaf.high] : [];
    for (const v of literals) {
      try {
        if (v !== null) normalizeExpected(v, parseType(type));
      } catch (err) {
        if (!(err instanceof NormalizeError)) throw err;
        return { problem: `invalid where: ${JSON.stringify(v)} for column ${leaf.column} ${type}: ${err.message}` };
      }
    }
  }
  return { where: predicate, columnTypes: types };
}
