import fc from 'fast-check';
import type { Predicate, PredicateLiteral } from '../values/index.ts';
import { printPredicate } from '../scenario/index.ts';
import type { AggregateFunction, ExploreCase, ExploreColumn, ExploreOp, ExploreTable, MergeEngine } from './explore-case.ts';

/**
 * fast-check arbitraries for generated cases: a table drawn from a type pool and an option
 * grammar, then a history over it. Everything comes from fast-check, so a case is reproducible
 * from (seed, path) and shrinks towards fewer operations, rows and columns and simpler values.
 */

/** A column type the generator knows, with its values (edge values first, so they shrink to them). */
interface TypeSpec {
  type: string;
  values: fc.Arbitrary<unknown>;
  /** Usable as a primary or partition key (a scalar with a total order and few surprises). */
  key: boolean;
  /** Ordered, so range filters apply. */
  ordered: boolean;
}

const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');

/** An exact decimal of `scale` digits from an integer count of its unit. */
function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

const DAY_MS = 86_400_000;
const dateText = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** A timestamp's wall-clock text from a count of `digits`-digit units since the epoch. */
function timestampText(units: bigint, digits: number): string {
  const per = 10n ** BigInt(digits);
  let seconds = units / per;
  let frac = units % per;
  if (frac < 0n) {
    frac += per;
    seconds -= 1n;
  }
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return `${whole}.${pad(frac, digits)}`;
}

const INT = fc.oneof(fc.constantFrom(0, 1, -1, 2147483647, -2147483648), fc.integer());
const STRING = fc.oneof(
  fc.constantFrom('', 'a', ' ', 'NULL', "it's", 'Ünïcødé 日本 🎉'),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
// 0001-01-01 .. 9999-12-31, and the dates around the epoch.
const DATE_DAYS = fc.oneof(fc.constantFrom(0, -1, 19_000), fc.integer({ min: -719_162, max: 2_932_896 }));
const MIN_TS_S = -2_208_988_800n; // 1900-01-01
const MAX_TS_S = 9_223_372_036n; // 2262-04-11

const TYPE_POOL: readonly TypeSpec[] = [
  { type: 'INT', values: INT, key: true, ordered: true },
  {
    type: 'BIGINT',
    values: fc.oneof(
      fc.constantFrom('0', '9223372036854775807', '-9223372036854775808'),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
    ),
    key: true,
    ordered: true,
  },
  {
    type: 'DOUBLE',
    values: fc.oneof(
      fc.constantFrom(0, 1.5, -2.25, 1e300, 'NaN', 'Infinity', '-Infinity'),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
    key: false,
    ordered: false,
  },
  {
    type: 'DECIMAL(10,2)',
    values: fc.bigInt({ min: -(10n ** 10n - 1n), max: 10n ** 10n - 1n }).map((n) => decimalText(n, 2)),
    key: true,
    ordered: true,
  },
  {
    type: 'DECIMAL(20,4)',
    values: fc.bigInt({ min: -(10n ** 20n - 1n), max: 10n ** 20n - 1n }).map((n) => decimalText(n, 4)),
    key: false,
    ordered: true,
  },
  { type: 'STRING', values: STRING, key: true, ordered: false },
  { type: 'BOOLEAN', values: fc.boolean(), key: false, ordered: false },
  { type: 'DATE', values: DATE_DAYS.map(dateText), key: true, ordered: true },
  {
    type: 'TIMESTAMP(3)',
    values: fc.bigInt({ min: MIN_TS_S * 1000n, max: MAX_TS_S * 1000n }).map((n) => timestampText(n, 3)),
    key: false,
    ordered: true,
  },
  {
    type: 'TIMESTAMP(6)',
    values: fc.bigInt({ min: MIN_TS_S * 1_000_000n, max: MAX_TS_S * 1_000_000n }).map((n) => timestampText(n, 6)),
    key: false,
    ordered: true,
  },
  { type: 'BYTES', values: fc.uint8Array({ maxLength: 8 }).map((b) => `0x${Buffer.from(b).toString('hex')}`), key: false, ordered: false },
  { type: 'ARRAY<INT>', values: fc.array(fc.option(INT, { nil: null }), { maxLength: 4 }), key: false, ordered: false },
  {
    type: 'MAP<STRING, INT>',
    values: fc.dictionary(fc.string({ maxLength: 4 }), fc.option(INT, { nil: null }), { maxKeys: 3 }),
    key: false,
    ordered: false,
  },
  {
    type: 'ROW<a INT, b STRING>',
    values: fc.record({ a: fc.option(INT, { nil: null }), b: fc.option(STRING, { nil: null }) }),
    key: false,
    ordered: false,
  },
];

const spec = (type: string) => TYPE_POOL.find((t) => t.type === type)!;

/** Limits of generated cases (the CLI may shrink them for a quick run). */
export interface CaseLimits {
  maxColumns: number;
  maxInserts: number;
  maxRows: number;
  maxFilters: number;
}

export const DEFAULT_LIMITS: CaseLimits = { maxColumns: 5, maxInserts: 3, maxRows: 5, maxFilters: 2 };

/** The option grammar: each option with the values it takes (Paimon 1.1+ unless noted). */
function tableOptions(primaryKey: boolean, keyColumn: string): fc.Arbitrary<Record<string, string>> {
  const format = fc.constantFrom('parquet', 'orc', 'avro');
  return fc
    .record({
      format,
      compression: fc.constantFrom('zstd', 'snappy', 'lz4', 'none'),
      stats: fc.constantFrom(undefined, 'none', 'counts', 'full', 'truncate(16)'),
      bucket: primaryKey ? fc.constantFrom('1', '2', '4') : fc.constantFrom(undefined, '2'),
      deletionVectors: primaryKey ? fc.boolean() : fc.constant(false),
    })
    .map(({ format, compression, stats, bucket, deletionVectors }) => {
      const options: Record<string, string> = { 'file.format': format };
      // Avro's codecs are named otherwise: no lz4, and "no compression" is not none.
      options['file.compression'] = format === 'avro' && (compression === 'lz4' || compression === 'none') ? 'snappy' : compression;
      if (stats) options['metadata.stats-mode'] = stats;
      if (bucket) options.bucket = bucket;
      if (bucket && !primaryKey) options['bucket-key'] = keyColumn;
      if (deletionVectors) options['deletion-vectors.enabled'] = 'true';
      return options;
    });
}

/** Aggregate functions by column kind: max and min on ordered scalars, the last values on any. */
function aggregatesArbitrary(columns: readonly ExploreColumn[]): fc.Arbitrary<Record<string, AggregateFunction>> {
  return fc
    .tuple(
      ...columns.map((c) =>
        fc.constantFrom<AggregateFunction>(
          'last_non_null_value',
          'last_value',
          ...(spec(c.type).ordered && !c.type.startsWith('DOUBLE') ? (['max', 'min'] as const) : []),
        ),
      ),
    )
    .map((fns) => Object.fromEntries(fns.flatMap((fn, i) => (fn === 'last_non_null_value' ? [] : [[columns[i]!.name, fn]]))));
}

/**
 * A table: a key column first, then up to maxColumns-1 others and up to two columns a later ALTER
 * adds; append, or primary key with one of the merge engines the model knows.
 */
function tableArbitrary(limits: CaseLimits = DEFAULT_LIMITS): fc.Arbitrary<ExploreTable> {
  const keyTypes = TYPE_POOL.filter((t) => t.key).map((t) => t.type);
  const partitionTypes = ['INT', 'STRING', 'DATE'];
  const anyType = fc.constantFrom(...TYPE_POOL.map((t) => t.type));
  return fc
    .record({
      keyType: fc.constantFrom(...keyTypes),
      others: fc.array(anyType, { minLength: 1, maxLength: Math.max(1, limits.maxColumns - 1) }),
      later: fc.array(anyType, { maxLength: 2 }),
      partitionType: fc.option(fc.constantFrom(...partitionTypes), { nil: undefined }),
      mode: fc.constantFrom<'append' | MergeEngine>('append', 'deduplicate', 'first-row', 'partial-update', 'aggregation'),
    })
    .chain(({ keyType, others, later, partitionType, mode }) => {
      const columns: ExploreColumn[] = [{ name: 'k', type: keyType }, ...others.map((type, i) => ({ name: `c${i + 1}`, type }))];
      if (partitionType) columns.push({ name: 'p', type: partitionType });
      const laterColumns = later.map((type, i) => ({ name: `a${i + 1}`, type }));
      const primaryKey = mode !== 'append';
      // Functions for the columns CREATE TABLE has: an option naming a column still to come is
      // refused (and the reference catalog then never answers: reference-server-hangs-on-refused-create-table).
      const valueColumns = columns.filter((c) => c.name !== 'k' && c.name !== 'p');
      return fc
        .tuple(tableOptions(primaryKey, 'k'), mode === 'aggregation' ? aggregatesArbitrary(valueColumns) : fc.constant(undefined))
        .map(([options, aggregates]) => {
          const table: ExploreTable = { columns, options: primaryKey && mode === 'first-row' ? withoutDeletionVectors(options) : options };
          if (laterColumns.length) table.later = laterColumns;
          if (primaryKey) Object.assign(table, { primaryKey: partitionType ? ['k', 'p'] : ['k'], mergeEngine: mode });
          if (aggregates && Object.keys(aggregates).length) table.aggregates = aggregates;
          if (partitionType) table.partitionKeys = ['p'];
          return table;
        });
    });
}

// first-row keeps the first row per key by lookup; Paimon refuses deletion vectors with it.
function withoutDeletionVectors(options: Record<string, string>): Record<string, string> {
  const { 'deletion-vectors.enabled': _dv, ...rest } = options;
  return rest;
}

/**
 * A portable filter on one column, drawn from values the column holds (so it selects something),
 * as the filter model that `printPredicate` writes in the scenario's `where` syntax.
 */
function filterArbitrary(columns: readonly ExploreColumn[], pools: ReadonlyMap<string, unknown[]>): fc.Arbitrary<string> {
  const scalar = columns.filter((c) => !/^(ARRAY|MAP|ROW)/.test(c.type) && c.type !== 'BYTES' && c.type !== 'DOUBLE');
  if (!scalar.length) return fc.constant(printPredicate({ op: 'is-not-null', column: 'k' }));
  const leaf = fc.constantFrom(...scalar).chain((c): fc.Arbitrary<Predicate> => {
    const column = c.name;
    const pool = (pools.get(column) ?? []).filter((v) => v !== null);
    const value = (pool.length ? fc.constantFrom(...pool) : spec(c.type).values) as fc.Arbitrary<PredicateLiteral>;
    const forms: fc.Arbitrary<Predicate>[] = [
      fc.constant({ op: 'is-null', column }),
      fc.constant({ op: 'is-not-null', column }),
      value.map((v) => ({ op: '=', column, value: v })),
      value.map((v) => ({ op: '<>', column, value: v })),
      fc.array(value, { minLength: 1, maxLength: 3 }).map((values) => ({ op: 'in', column, values })),
      fc.array(value, { minLength: 1, maxLength: 2 }).map((values) => ({ op: 'not-in', column, values })),
    ];
    if (spec(c.type).ordered) {
      forms.push(
        value.map((v) => ({ op: '<', column, value: v })),
        value.map((v) => ({ op: '>=', column, value: v })),
      );
      forms.push(fc.tuple(value, value).map(([low, high]) => ({ op: 'between', column, low, high })));
    }
    return fc.oneof(...forms);
  });
  const filter = fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 1,
      arbitrary: fc.tuple(leaf, leaf, fc.constantFrom<'and' | 'or'>('and', 'or')).map(([a, b, op]): Predicate => ({ op, args: [a, b] })),
    },
    { weight: 1, arbitrary: leaf.map((arg): Predicate => ({ op: 'not', arg })) },
  );
  return filter.map(printPredicate);
}

/** An option change of the option grammar: another file format (its codec with it), codec or statistics mode. */
const optionChange: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc
    .constantFrom('parquet', 'orc', 'avro')
    .map((format) => ({ 'file.format': format, 'file.compression': format === 'avro' ? 'snappy' : 'zstd' })),
  fc.constantFrom('zstd', 'snappy').map((codec) => ({ 'file.compression': codec })),
  fc.constantFrom('none', 'counts', 'full', 'truncate(16)').map((mode) => ({ 'metadata.stats-mode': mode })),
);

/**
 * A history over the table: inserts by random writers (a primary-key table's rows take keys from a
 * small pool, unique within one insert, so writers overwrite each other) with up to two other
 * operations among them (an ALTER by a random writer; with Flink, a full compaction or a tag),
 * then reads: the whole table, filters, a projection, and (sometimes) time travel, a tag, an
 * incremental range and the $snapshots system table.
 */
function opsArbitrary(table: ExploreTable, writers: readonly string[], limits: CaseLimits = DEFAULT_LIMITS): fc.Arbitrary<ExploreOp[]> {
  const keyColumns = table.primaryKey ?? [];
  const small = (c: ExploreColumn) => keyColumns.includes(c.name) || table.partitionKeys?.includes(c.name);
  const all = [...table.columns, ...(table.later ?? [])];
  // Keys and partitions take few distinct values so rows meet; other columns any value or NULL.
  const pools = fc.record(
    Object.fromEntries(
      table.columns
        .filter(small)
        .map((c) => [c.name, fc.uniqueArray(spec(c.type).values, { minLength: 1, maxLength: 3, selector: (v) => JSON.stringify(v) })]),
    ),
  );
  return pools.chain((pool) => {
    const cell = (c: ExploreColumn) => {
      const p = (pool as Record<string, unknown[]>)[c.name];
      if (p) return keyColumns.includes(c.name) ? fc.constantFrom(...p) : fc.option(fc.constantFrom(...p), { nil: null, freq: 4 });
      return fc.option(spec(c.type).values, { nil: null, freq: 4 });
    };
    const row = fc.tuple(...all.map(cell));
    const keyOf = (r: unknown[]) => JSON.stringify(keyColumns.map((k) => r[table.columns.findIndex((c) => c.name === k)]));
    const rows = keyColumns.length
      ? fc.uniqueArray(row, { minLength: 1, maxLength: limits.maxRows, selector: keyOf })
      : fc.array(row, { minLength: 1, maxLength: limits.maxRows });
    const insert = fc.record({ writer: fc.constantFrom(...writers), rows });
    const procedures = writers.includes('flink');
    const other = fc.oneof(
      {
        weight: 2,
        arbitrary: fc
          .record({ engine: fc.constantFrom(...writers), change: fc.option(optionChange, { nil: undefined }) })
          .map(({ engine, change }): ExploreOp =>
            change ? { kind: 'alter', engine, setOptions: change } : { kind: 'alter', engine, addColumn: true },
          ),
      },
      ...(procedures
        ? [
            { weight: 1, arbitrary: fc.constant<ExploreOp>({ kind: 'compact' }) },
            { weight: 1, arbitrary: fc.constant<ExploreOp>({ kind: 'tag' }) },
          ]
        : []),
    );
    const history = fc
      .tuple(
        fc.array(insert, { minLength: 1, maxLength: limits.maxInserts }),
        fc.array(fc.tuple(fc.nat(limits.maxInserts), other), { maxLength: 2 }),
      )
      .map(([inserts, others]) =>
        // Each other operation goes after the insert its position names (never before the first).
        inserts.flatMap((ins, i): ExploreOp[] => [
          { kind: 'insert', n: i + 1, writer: ins.writer, rows: ins.rows },
          ...others.filter(([after]) => Math.min(Math.max(after, 1), inserts.length) === i + 1).map(([, op]) => op),
        ]),
      );
    const poolMap = new Map(Object.entries(pool as Record<string, unknown[]>));
    const filter = filterArbitrary(table.columns, poolMap).map((where): ExploreOp => ({ kind: 'read', where }));
    const projection = fc
      .shuffledSubarray(
        all.map((c) => c.name),
        { minLength: 1 },
      )
      .map((columns): ExploreOp => ({ kind: 'read', columns }));
    const ordinal = fc.integer({ min: 1, max: limits.maxInserts });
    const extra = fc.oneof(
      ordinal.map((n): ExploreOp => ({ kind: 'read', afterInsert: n })),
      fc
        .tuple(fc.nat(limits.maxInserts), ordinal)
        .map(([from, to]): ExploreOp => ({ kind: 'read', incremental: { from: Math.min(from, to - 1), to } })),
      fc.constant<ExploreOp>({ kind: 'read', system: 'snapshots' }),
      ...(procedures ? [fc.integer({ min: 1, max: 2 }).map((tag): ExploreOp => ({ kind: 'read', tag }))] : []),
    );
    return fc
      .tuple(
        history,
        fc.array(filter, { maxLength: limits.maxFilters }),
        fc.option(projection, { nil: undefined }),
        fc.array(extra, { maxLength: 2 }),
      )
      .map(([ops, filters, proj, extras]) => [...ops, { kind: 'read' } as ExploreOp, ...filters, ...(proj ? [proj] : []), ...extras]);
  });
}

/** A whole case: a table, then a history over it written by `writers`. */
export function caseArbitrary(writers: readonly string[], limits: CaseLimits = DEFAULT_LIMITS): fc.Arbitrary<ExploreCase> {
  if (!writers.length) throw new Error('explore needs at least one writer');
  // Any writer creates the table; paimon-java first, so shrinking leads back to it.
  const creators = [...writers].sort((a, b) => Number(b === 'paimon-java') - Number(a === 'paimon-java'));
  return fc.tuple(tableArbitrary(limits), fc.constantFrom(...creators)).chain(([t, creator]) => {
    const table = { creator, ...t };
    return opsArbitrary(table, writers, limits).map((ops) => ({ table, ops }));
  });
}
