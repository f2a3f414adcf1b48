import type { z } from 'zod';
import { NormalizeError, normalizeExpected, parseType } from '../values/index.ts';
import { matrixCells } from './expand-matrix.ts';
import type { Locator } from './locate.ts';
import { problem, type Problem, type ProblemCode } from './problem.ts';
import type { AlterTableSchema, ScenarioDoc } from './scenario-schema.ts';
import { interpolate } from './variables.ts';

type AlterTable = z.infer<typeof AlterTableSchema>;

/** A table's columns after one alter-table change, as the catalog applies it. */
function alteredColumns(columns: [string, string][], alter: AlterTable): [string, string][] {
  const cols = [...columns];
  const at = (name: string) => cols.findIndex(([n]) => n === name);
  const place = (column: [string, string], where: { first?: boolean; after?: string }) => {
    const after = where.after === undefined ? -1 : at(where.after);
    if (where.first) cols.unshift(column);
    else if (after >= 0) cols.splice(after + 1, 0, column);
    else cols.push(column);
  };
  const add = alter['add-column'];
  if (add) place([add.name, add.type], add);
  const drop = alter['drop-column'];
  if (drop !== undefined && at(drop) >= 0) cols.splice(at(drop), 1);
  const rename = alter['rename-column'];
  if (rename && at(rename.from) >= 0) cols[at(rename.from)] = [rename.to, cols[at(rename.from)]![1]];
  const retype = alter['change-type'];
  if (retype && at(retype.column) >= 0) cols[at(retype.column)] = [retype.column, retype.type];
  const move = alter['move-column'];
  if (move && at(move.column) >= 0) place(cols.splice(at(move.column), 1)[0]!, move);
  return cols;
}

/**
 * Values a scenario writes or expects, checked against the column types its own create-table
 * steps declare: an insert value or an expected cell its column cannot hold exactly (1.999 in
 * DECIMAL(10,2), 300 in TINYINT, 1 for a BOOLEAN) is a load-time problem, never a rounding at
 * run time. Tables that raw SQL touches are not tracked (their columns may have changed).
 */
export function checkDeclaredValues(doc: ScenarioDoc, loc: Locator): Problem[] {
  const found = new Map<string, Problem>();
  const report = (code: ProblemCode, message: string, path: PropertyKey[]) => {
    const p = problem(code, message, loc.ofPath(path));
    found.set(`${p.loc.line}:${p.loc.col}:${message}`, p);
  };
  for (const cell of matrixCells(doc.matrix)) {
    const tables = new Map<string, [string, string][]>();
    interpolate(doc.steps, cell).forEach((step, i) => {
      const created = step['create-table'];
      if (created) tables.set(created.table, Object.entries(created.columns));
      if (step['drop-table']) tables.delete(step['drop-table'].table);
      const altered = step['alter-table'];
      if (altered && tables.has(altered.table)) tables.set(altered.table, alteredColumns(tables.get(altered.table)!, altered));
      if (step.sql !== undefined) {
        const text = typeof step.sql === 'string' ? step.sql : Object.values(step.sql).join('\n');
        for (const name of [...tables.keys()]) if (new RegExp(`\\b${name}\\b`).test(text)) tables.delete(name);
      }
      const check = (code: ProblemCode, table: string, names: string[] | undefined, rows: unknown[][], path: PropertyKey[]) => {
        const declared = tables.get(table);
        if (!declared) return;
        const types = new Map(declared);
        const order = names ?? declared.map(([n]) => n);
        order.forEach((name, c) => {
          if (code === 'BAD_INSERT_VALUE' && !types.has(name))
            report(code, `table ${table} declares no column '${name}' (columns: ${declared.map(([n]) => n).join(', ')})`, [
              ...path.slice(0, -1),
              'columns',
              c,
            ]);
        });
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const type = types.get(order[c] ?? '');
            if (type === undefined || type.includes('${')) return;
            try {
              normalizeExpected(value, parseType(type));
            } catch (err) {
              if (!(err instanceof NormalizeError)) throw err;
              report(code, `${order[c]} ${type}: ${err.message}`, [...path, r, c]);
            }
          }),
        );
      };
      if (step.insert?.rows)
        check('BAD_INSERT_VALUE', step.insert.table, step.insert.columns, step.insert.rows, ['steps', i, 'insert', 'rows']);
      const read = step.read ?? step['read-incremental'];
      const readColumns = step.read?.columns;
      if (read && step.expect?.rows && !read.table.includes('$'))
        check('BAD_EXPECTED_VALUE', read.table, readColumns, step.expect.rows, ['steps', i, 'expect', 'rows']);
    });
  }
  return [...found.values()];
}
