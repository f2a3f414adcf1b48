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
}

const STEP_KIND_TABLE = {
  sql: { actor: 'engine', needs: 'sql' },
  'create-database': { actor: 'engine', writes: true },
  'create-table': { actor: 'engine', writes: true, needs: 'writes', feature: 'create tables' },
  insert: { actor: 'engine', writes: true, needs: 'writes', feature: 'write rows' },
  read: { actor: 'engine', reads: true, feature: 'read tables' },
  'read-incremental': { actor: 'engine', reads: true, feature: 'incremental reads (snapshot range)' },
  'list-snapshots': { actor: 'engine', reads: true, feature: 'list snapshots' },
  'list-tables': { actor: 'engine', reads: true, feature: 'list tables' },
  'alter-table': { actor: 'engine', writes: true, needs: 'writes', feature: 'alter table options' },
  'drop-table': { actor: 'engine', writes: true, needs: 'writes', feature: 'drop tables' },
  rest: { actor: 'harness' },
  'list-files': { actor: 'harness' },
  'inspect-files': { actor: 'harness' },
  'mark-time': { actor: 'harness' },
  grant: { actor: 'harness' },
  revoke: { actor: 'harness' },
  fault: { actor: 'harness' },
  'catalog-deny': { actor: 'harness' },
  'catalog-allow': { actor: 'harness' },
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
