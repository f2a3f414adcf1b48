/**
 * The one table of step kinds: who runs each (an engine, or the harness itself), whether it
 * changes a table or reads one, what it needs of its engine, and how reports name it. Every list
 * of kinds elsewhere (the schema's keys, the runner's handlers, the loader's capability checks,
 * the features table) derives from it, so a new kind is one row here plus its handler.
 */
export interface StepKindInfo {
  /** `engine`: the step runs on the engines of its `on:`; `harness`: the harness runs it itself. */
  readonly actor: 'engine' | 'harness';
  /** Changes a table: in cross-version cells it runs on the writer release's clients; `on: any-writer` may stand on it. */
  readonly writes?: true;
  /** Reads a table: every engine runs it at once (there is nothing to order). */
  readonly reads?: true;
  /** The engine capability it needs (engine-descriptor.ts); an engine without it must expect `unsupported`. */
  readonly needs?: 'sql' | 'writes';
  /** What it exercises, as the engine × feature table names it; absent: named by what its statement does (SQL) or not an engine feature. */
  readonly feature?: string;
  /** One line for the docs (README, docs/scenario-format.md): what a step of the kind does. */
  readonly summary: string;
}

export const STEP_KIND_TABLE = {
  sql: { actor: 'engine', needs: 'sql', summary: "raw SQL in the engine's own dialect, one variant per engine where they differ" },
  'create-database': {
    actor: 'engine',
    writes: true,
    summary: "the engine creates a database of its own (under the scenario's, dropped at its end)",
  },
  'create-table': {
    actor: 'engine',
    writes: true,
    needs: 'writes',
    feature: 'create tables',
    summary: "a table from columns, keys and options, in each engine's way",
  },
  insert: {
    actor: 'engine',
    writes: true,
    needs: 'writes',
    feature: 'write rows',
    summary: 'rows (given, or generated with a seed) written and committed',
  },
  read: {
    actor: 'engine',
    reads: true,
    feature: 'read tables',
    summary: 'a table or system table, with columns, a filter, an order, a limit and read options',
  },
  'read-incremental': {
    actor: 'engine',
    reads: true,
    feature: 'incremental reads (snapshot range)',
    summary: 'the changes between two snapshots (start exclusive)',
  },
  'list-snapshots': { actor: 'engine', reads: true, feature: 'list snapshots', summary: "a table's snapshots as the engine lists them" },
  'list-tables': { actor: 'engine', reads: true, feature: 'list tables', summary: 'the tables of the scenario database' },
  'alter-table': {
    actor: 'engine',
    writes: true,
    needs: 'writes',
    feature: 'alter table options',
    summary: 'one schema change: options, add, drop, rename, retype or move a column',
  },
  'drop-table': { actor: 'engine', writes: true, needs: 'writes', feature: 'drop tables', summary: 'a table dropped' },
  rest: { actor: 'harness', summary: "a call to the catalog's REST API, its answer checked against the specification" },
  'list-files': { actor: 'harness', summary: 'the data files under a local path' },
  'inspect-files': { actor: 'harness', summary: "how a TIMESTAMP column is stored in the data files, read with the format's own reader" },
  'mark-time': { actor: 'harness', summary: 'the next whole second, kept in a variable for time travel' },
  grant: { actor: 'harness', summary: 'a privilege given to a principal (reference access-control layer)' },
  revoke: { actor: 'harness', summary: 'a privilege taken from a principal' },
  fault: { actor: 'harness', summary: "a fault injected into the scenario's requests to the catalog (wire proxy)" },
  'catalog-deny': { actor: 'harness', summary: 'the catalog itself forbids the database or a table (Java reference server)' },
  'catalog-allow': { actor: 'harness', summary: 'a catalog-deny undone' },
} as const satisfies Record<string, StepKindInfo>;

export type StepKind = keyof typeof STEP_KIND_TABLE;

/** The step kinds, in the table's order; a step has exactly one of these keys. */
export const STEP_KINDS = Object.keys(STEP_KIND_TABLE) as [StepKind, ...StepKind[]];

const info = (kind: string): StepKindInfo | undefined => (STEP_KIND_TABLE as Record<string, StepKindInfo>)[kind];

/** Kinds that run on engines (a step of one needs `on:`). */
export const isEngineKind = (kind: string): boolean => info(kind)?.actor === 'engine';
/** Kinds that change a table. */
export const isWriteKind = (kind: string): boolean => info(kind)?.writes === true;
/** Kinds that read a table. */
export const isReadKind = (kind: string): boolean => info(kind)?.reads === true;
/** The capability a kind needs of its engine, if any. */
export const kindNeeds = (kind: string): 'sql' | 'writes' | undefined => info(kind)?.needs;
/** The feature a kind exercises, as the engine × feature table names it. */
export const kindFeature = (kind: string): string | undefined => info(kind)?.feature;
/** The kinds that write, in the table's order (`on: any-writer` stands on these). */
export const WRITE_KINDS: readonly StepKind[] = STEP_KINDS.filter(isWriteKind);
