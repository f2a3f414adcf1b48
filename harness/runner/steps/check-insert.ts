import type { CatalogClient } from '../../catalog/index.ts';
import type { EngineRequest } from '../../engines/index.ts';
import { generatedRows, NormalizeError, normalizeExpected, parseType, type GeneratedRange } from '../../values/index.ts';

/**
 * Checks an insert's values against the table's columns as the catalog stores them, before any
 * engine sees it: a value its column cannot hold exactly ("abc" or 300 in a TINYINT, 1.999 in
 * DECIMAL(10,2)) or a column the table does not have is an invalid-argument error of the
 * harness, so no engine casts it silently. Returns the problem, or the inserted columns' types
 * (SQL engines write literals of those types); neither when the table is not visible to the
 * harness (the engine then answers for itself). With `generate`, the rows are generated for
 * the table's columns (generatedRows) and returned.
 */
export async function checkInsert(
  request: Extract<EngineRequest, { kind: 'insert' }>,
  catalog: CatalogClient,
  database: string,
  generate?: GeneratedRange,
): Promise<{ problem?: string; columnTypes?: string[]; rows?: unknown[][] }> {
  const fields = await catalog.tableFields(database, request.table).catch(() => undefined);
  if (!fields)
    return generate
      ? { problem: `invalid insert: generated rows need the columns of ${request.table}, which the catalog does not show` }
      : {};
  const types = new Map(fields.map((f) => [f.name, f.type]));
  const names = request.columns ?? fields.map((f) => f.name);
  const unknown = names.filter((n) => !types.has(n));
  if (unknown.length)
    return {
      problem: `invalid insert: table ${request.table} has no column(s) ${unknown.join(', ')} (columns: ${fields.map((f) => f.name).join(', ')})`,
    };
  if (generate) {
    try {
      const rows = generatedRows(
        generate,
        names.map((n) => ({ name: n, type: parseType(types.get(n)!) })),
      );
      return { columnTypes: names.map((n) => types.get(n)!), rows };
    } catch (err) {
      return { problem: `invalid insert: ${(err as Error).message}` };
    }
  }
  for (const [r, row] of request.rows.entries()) {
    if (row.length !== names.length)
      return { problem: `invalid insert: row ${r + 1} has ${row.length} value(s) for ${names.length} column(s)` };
    for (const [c, value] of row.entries()) {
      const type = types.get(names[c]!)!;
      try {
        normalizeExpected(value, parseType(type));
      } catch (err) {
        if (!(err instanceof NormalizeError)) throw err;
        return { problem: `invalid insert: row ${r + 1}, column ${names[c]} ${type}: ${err.message}` };
      }
    }
  }
  return { columnTypes: names.map((n) => types.get(n)!) };
}
