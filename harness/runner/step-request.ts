import type { AlterChange, EngineRequest } from '../engines/index.ts';
import type { ScenarioStep } from '../scenario/index.ts';

/** Engines a step names, in order. */
export const stepEngines = (step: ScenarioStep): string[] => (step.on === undefined ? [] : Array.isArray(step.on) ? step.on : [step.on]);

export const stepName = (step: ScenarioStep): string => step.name ?? `${step.kind} #${step.index + 1}`;

/** What a step exercises, recorded with its result so reports can group results by feature. */
export function stepFeatures(step: ScenarioStep): { kind: string; table?: string; principal?: string; expectedError?: string } {
  const kind = step.kind;
  const body = step[kind] as { table?: unknown } | undefined;
  const table = typeof body === 'object' && body !== null && typeof body.table === 'string' ? body.table : undefined;
  const error = step.expect?.error;
  const expectedError = error === undefined ? undefined : typeof error === 'string' ? error : error.class;
  return { kind, table, principal: step.as, expectedError };
}

/** The request one engine receives for a step (its SQL variant, or the portable action). */
export function stepRequest(step: ScenarioStep, engine: string): EngineRequest {
  if (step.sql !== undefined) return { kind: 'sql', sql: typeof step.sql === 'string' ? step.sql : step.sql[engine]! };
  const cd = step['create-database'];
  if (cd) return { kind: 'create-database', name: cd.name, options: stringValues(cd.options) };
  const ct = step['create-table'];
  if (ct) {
    return {
      kind: 'create-table',
      table: ct.table,
      columns: Object.entries(ct.columns),
      primaryKey: ct['primary-key'],
      partitionKeys: ct['partition-keys'],
      options: stringValues(ct.options),
    };
  }
  // Generated rows (`generate`) are filled in once the table's column types are known (checkInsert).
  if (step.insert) return { kind: 'insert', table: step.insert.table, columns: step.insert.columns, rows: step.insert.rows ?? [] };
  // A `where` is parsed and checked against the table first (checkRead), then set on the request.
  if (step.read)
    return {
      kind: 'read',
      table: step.read.table,
      columns: step.read.columns,
      orderBy: step.read['order-by'],
      options: stringValues(step.read.options),
      limit: step.read.limit,
    };
  const inc = step['read-incremental'];
  if (inc) return { kind: 'read-incremental', table: inc.table, start: inc.start, end: inc.end, orderBy: inc['order-by'] };
  if (step['list-snapshots']) return { kind: 'list-snapshots', table: step['list-snapshots'].table };
  if (step['list-tables']) return { kind: 'list-tables' };
  const alter = step['alter-table'];
  if (alter) return { kind: 'alter-table', table: alter.table, change: alterChange(alter) };
  if (step['drop-table']) return { kind: 'drop-table', table: step['drop-table'].table };
  throw new Error(`step ${step.index + 1} has no engine request`);
}

/** The one change of an alter-table step (the schema makes sure there is exactly one). */
function alterChange(alter: NonNullable<ScenarioStep['alter-table']>): AlterChange {
  const position = (at: { first?: true; after?: string }) => ({
    ...(at.first ? { first: true } : {}),
    ...(at.after !== undefined ? { after: at.after } : {}),
  });
  if (alter['set-options']) return { kind: 'set-options', options: stringValues(alter['set-options'])! };
  if (alter['add-column'])
    return { kind: 'add-column', column: alter['add-column'].name, type: alter['add-column'].type, ...position(alter['add-column']) };
  if (alter['drop-column'] !== undefined) return { kind: 'drop-column', column: alter['drop-column'] };
  if (alter['rename-column']) return { kind: 'rename-column', column: alter['rename-column'].from, to: alter['rename-column'].to };
  if (alter['change-type']) return { kind: 'change-type', column: alter['change-type'].column, type: alter['change-type'].type };
  return { kind: 'move-column', column: alter['move-column']!.column, ...position(alter['move-column']!) };
}

/** Option maps as the engines take them: every value a string. */
function stringValues(options: Record<string, string | number | boolean> | undefined): Record<string, string> | undefined {
  return options ? Object.fromEntries(Object.entries(options).map(([k, v]) => [k, String(v)])) : undefined;
}
