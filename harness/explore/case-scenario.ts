import { stringify } from 'yaml';
import type { ExploreCase, ExploreInsert, ExploreOp, ExploreRead, ExploreTable } from './explore-case.ts';
import { appendSnapshotIds, columnsAt, insertAtOrBefore, modelAt } from './case-model.ts';

type Step = Record<string, unknown>;

function createStep(table: ExploreTable, creator: string): Step {
  const aggregates = Object.fromEntries(Object.entries(table.aggregates ?? {}).map(([c, fn]) => [`fields.${c}.aggregate-function`, fn]));
  return {
    name: `${creator} creates the table`,
    on: creator,
    'create-table': {
      table: 't',
      columns: Object.fromEntries(table.columns.map((c) => [c.name, c.type])),
      ...(table.primaryKey ? { 'primary-key': table.primaryKey } : {}),
      ...(table.partitionKeys ? { 'partition-keys': table.partitionKeys } : {}),
      options: {
        ...table.options,
        ...(table.mergeEngine && table.mergeEngine !== 'deduplicate' ? { 'merge-engine': table.mergeEngine } : {}),
        ...aggregates,
      },
    },
  };
}

export interface CaseScenarioOptions {
  /** The scenario's name (kebab-case, unique per case). */
  name: string;
  /** Where the case came from, for the description (seed, path). */
  origin: string;
  /** Engines that read (every step that reads runs on all of them). */
  readers: readonly string[];
  /** The engine that creates the table. */
  creator: string;
}

/** Engines without Paimon's system tables (pypaimon's are partial before 2.0 and absent in 1.x). */
const NO_SYSTEM_TABLES = new Set(['pypaimon']);

const project = (rows: unknown[][], width: number) => rows.map((r) => r.slice(0, width));

/** Readers agree with each other where there are two or more of them. */
const agreeing = (on: readonly string[]) => (on.length > 1 ? { agree: true } : {});

/** Where a history's references land once shrinking has dropped operations. */
interface Resolved {
  /** Insert ordinals a time-travel read needs a mark after. */
  marks: Set<number>;
  /** Index in ops of each tag that is made (a tag needs a snapshot: an insert before it). */
  tags: number[];
}

function resolve(c: ExploreCase): Resolved {
  const marks = new Set<number>();
  const tags: number[] = [];
  let inserted = false;
  c.ops.forEach((o, i) => {
    if (o.kind === 'insert') inserted = true;
    if (o.kind === 'tag' && inserted) tags.push(i);
    if (o.kind === 'read' && o.afterInsert !== undefined) {
      const at = insertAtOrBefore(c.ops, o.afterInsert);
      if (at >= 0) marks.add((c.ops[at] as ExploreInsert).n);
    }
  });
  return { marks, tags };
}

/** The history's steps: inserts (with time marks where reads need them), ALTERs, compactions, tags. */
function historySteps(c: ExploreCase, resolved: Resolved): Step[] {
  const steps: Step[] = [];
  c.ops.forEach((op, i) => {
    if (op.kind === 'insert') {
      const width = columnsAt(c, i).length;
      steps.push({
        name: `insert ${op.n}: ${op.writer} writes ${op.rows.length} row(s)`,
        on: op.writer,
        insert: { table: 't', rows: project(op.rows, width) },
      });
      if (resolved.marks.has(op.n))
        steps.push({ name: `the moment after insert ${op.n}`, 'mark-time': { variable: `after_insert_${op.n}` } });
    } else if (op.kind === 'alter' && op.addColumn) {
      // The column this ALTER adds, if the table has one left to add (columnsAt's rule).
      const [before, after] = [columnsAt(c, i), columnsAt(c, i + 1)];
      if (after.length === before.length) return;
      const column = after[after.length - 1]!;
      steps.push({
        name: `alter: ${op.engine} adds column ${column.name}`,
        on: op.engine,
        'alter-table': { table: 't', 'add-column': { name: column.name, type: column.type } },
      });
    } else if (op.kind === 'alter' && op.setOptions) {
      steps.push({
        name: `alter: ${op.engine} sets ${Object.entries(op.setOptions)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
        on: op.engine,
        'alter-table': { table: 't', 'set-options': op.setOptions },
      });
    } else if (op.kind === 'compact') {
      steps.push({ name: 'compact: flink compacts the table fully', on: 'flink', sql: "CALL paimon.sys.compact(`table` => '${db}.t')" });
    } else if (op.kind === 'tag' && resolved.tags.includes(i)) {
      const k = resolved.tags.indexOf(i) + 1;
      steps.push({
        name: `tag: flink tags the latest snapshot tag${k}`,
        on: 'flink',
        sql: `CALL paimon.sys.create_tag(\`table\` => '\${db}.t', tag => 'tag${k}')`,
      });
    }
  });
  return steps;
}

/** A read's step, judged by the model where it applies, or undefined when shrinking left it nothing to read. */
function readStep(c: ExploreCase, op: ExploreRead, n: number, resolved: Resolved, opts: CaseScenarioOptions): Step | undefined {
  const on = [...opts.readers];
  const agree = agreeing(on);
  const final = columnsAt(c);
  if (op.where !== undefined)
    return { name: `read ${n}: where ${op.where}`, on, read: { table: 't', where: op.where }, expect: { filtered: true } };
  if (op.columns) {
    const columns = op.columns.filter((name) => final.some((col) => col.name === name));
    if (!columns.length) return undefined;
    return {
      name: `read ${n}: columns ${columns.join(', ')}`,
      on,
      read: { table: 't', columns },
      expect: { ...agree, count: modelAt(c).rows.length },
    };
  }
  if (op.afterInsert !== undefined) {
    const at = insertAtOrBefore(c.ops, op.afterInsert);
    if (at < 0) return undefined;
    const ins = c.ops[at] as ExploreInsert;
    const state = modelAt(c, at + 1);
    const columns = state.columns.map((col) => col.name);
    return {
      name: `read ${n}: as of the moment after insert ${ins.n}`,
      on,
      read: { table: 't', columns, options: { 'scan.timestamp-millis': `\${after_insert_${ins.n}}` } },
      expect: { rows: state.rows, ...agree },
    };
  }
  if (op.tag !== undefined) {
    const tagAt = resolved.tags[op.tag - 1];
    if (tagAt === undefined) return undefined;
    // The tag's snapshot has the schema of the last commit before it: read those columns.
    const lastInsert = c.ops.slice(0, tagAt).reduce((last, o, i) => (o.kind === 'insert' ? i : last), -1);
    const columns = columnsAt(c, lastInsert + 1);
    return {
      name: `read ${n}: as of tag${op.tag}`,
      on,
      read: { table: 't', columns: columns.map((col) => col.name), options: { 'scan.tag-name': `tag${op.tag}` } },
      expect: { rows: project(modelAt(c, tagAt).rows, columns.length), ...agree },
    };
  }
  if (op.incremental) return incrementalStep(c, op.incremental, n, on);
  if (op.system === 'snapshots')
    return snapshotsStep(
      c,
      n,
      on.filter((e) => !NO_SYSTEM_TABLES.has(e)),
    );
  return { name: `read ${n}: every row`, on, read: { table: 't' }, expect: { rows: modelAt(c).rows, ...agree } };
}

/** The rows committed between two inserts of an append table, each with NULL for the columns added after it. */
function incrementalStep(c: ExploreCase, range: { from: number; to: number }, n: number, on: string[]): Step | undefined {
  const ids = appendSnapshotIds(c);
  const toAt = insertAtOrBefore(c.ops, range.to);
  const fromAt = insertAtOrBefore(c.ops, range.from);
  if (toAt < 0 || fromAt < 0) return undefined;
  const [start, end] = [ids.get((c.ops[fromAt] as ExploreInsert).n), ids.get((c.ops[toAt] as ExploreInsert).n)];
  if (start === undefined || end === undefined || start >= end) return undefined;
  const width = columnsAt(c).length;
  const rows = c.ops.flatMap((o, i) => {
    const id = o.kind === 'insert' ? ids.get(o.n) : undefined;
    if (o.kind !== 'insert' || id === undefined || id <= start || id > end) return [];
    const at = columnsAt(c, i).length;
    return o.rows.map((r) => [...r.slice(0, at), ...Array<null>(width - at).fill(null)]);
  });
  return {
    name: `read ${n}: increment from snapshot ${start} to ${end}`,
    on,
    'read-incremental': { table: 't', start, end },
    expect: { rows, ...agreeing(on) },
  };
}

/** $snapshots: every reader that has it agrees; on an append table without compaction, the model's commits. */
function snapshotsStep(c: ExploreCase, n: number, on: string[]): Step | undefined {
  if (!on.length) return undefined;
  const ids = appendSnapshotIds(c);
  const inserts = c.ops.filter((o) => o.kind === 'insert').length;
  const modelled = !c.table.primaryKey && !c.ops.some((o) => o.kind === 'compact');
  const noSchemaChange = !c.ops.some((o) => o.kind === 'alter');
  let total = 0;
  const rows = c.ops.flatMap((o) => (o.kind === 'insert' ? [[ids.get(o.n), 0, 'APPEND', (total += o.rows.length)]] : []));
  const expect = { ...agreeing(on), ...(modelled ? (noSchemaChange ? { ordered: true, rows } : { count: inserts }) : {}) };
  if (!Object.keys(expect).length) return undefined;
  return {
    name: `read ${n}: t$snapshots`,
    on,
    read: { table: 't$snapshots', columns: ['snapshot_id', 'schema_id', 'commit_kind', 'total_record_count'], 'order-by': ['snapshot_id'] },
    expect,
  };
}

/**
 * A case as an ordinary scenario document: create, the history, then reads judged by the model
 * (`rows`, with every reader agreeing) and by the harness's own filtering (`filtered`).
 */
export function caseScenario(c: ExploreCase, opts: CaseScenarioOptions): Record<string, unknown> {
  const resolved = resolve(c);
  const steps: Step[] = [createStep(c.table, c.table.creator ?? opts.creator), ...historySteps(c, resolved)];
  let reads = 0;
  for (const op of c.ops.filter((o): o is ExploreRead => o.kind === 'read')) {
    const step = readStep(c, op, reads + 1, resolved, opts);
    if (step) {
      reads++;
      steps.push(step);
    }
  }
  const counts = (kind: ExploreOp['kind']) => c.ops.filter((o) => o.kind === kind).length;
  return {
    name: opts.name,
    description: `Generated by paimon-interop explore (${opts.origin}): ${c.table.primaryKey ? `a primary-key table (${c.table.mergeEngine})` : 'an append table'} of ${c.table.columns.length} columns, ${counts('insert')} insert(s), ${counts('alter') + counts('compact') + counts('tag')} other change(s), ${reads} read(s).`,
    tags: ['explore'],
    steps: steps.map((s) => JSON.parse(JSON.stringify(s)) as Step),
  };
}

/** The scenario as YAML text, ready to save and replay with `paimon-interop run`. */
export function caseYaml(doc: Record<string, unknown>): string {
  return `# yaml-language-server: $schema=../../../scenarios/scenario.schema.json\n${stringify(doc, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`;
}
