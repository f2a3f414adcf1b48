/**
 * Canonical column types: one vocabulary for what Spark, Doris, pypaimon and Flink report, so
 * values can be normalized and compared by type instead of as strings.
 */
export type CanonicalType =
  | {
      kind:
        'boolean' | 'tinyint' | 'smallint' | 'int' | 'bigint' | 'float' | 'double' | 'string' | 'binary' | 'date' | 'variant' | 'unknown';
    }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'timestamp' | 'timestamp_ltz' | 'time'; precision: number }
  | { kind: 'array'; element: CanonicalType }
  | { kind: 'map'; key: CanonicalType; value: CanonicalType }
  | { kind: 'row'; fields: { name: string; type: CanonicalType }[] };

const SIMPLE: Record<string, CanonicalType['kind']> = {
  boolean: 'boolean',
  bool: 'boolean',
  tinyint: 'tinyint',
  byte: 'tinyint',
  int8: 'tinyint',
  smallint: 'smallint',
  short: 'smallint',
  int16: 'smallint',
  uint8: 'smallint',
  int: 'int',
  integer: 'int',
  int32: 'int',
  uint16: 'int',
  bigint: 'bigint',
  long: 'bigint',
  int64: 'bigint',
  uint32: 'bigint',
  uint64: 'bigint',
  float: 'float',
  real: 'float',
  float32: 'float',
  halffloat: 'float',
  float16: 'float',
  double: 'double',
  float64: 'double',
  'double precision': 'double',
  string: 'string',
  varchar: 'string',
  char: 'string',
  text: 'string',
  large_string: 'string',
  utf8: 'string',
  binary: 'binary',
  varbinary: 'binary',
  bytes: 'binary',
  blob: 'binary',
  large_binary: 'binary',
  date: 'date',
  date32: 'date',
  variant: 'variant',
};

/** Splits `a, b<c, d>, e` at top-level commas. */
function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p.length);
}

/** The parts of a nested Paimon SQL type, as SQL type text (case and nullability kept). */
export type NestedTypeParts =
  | { kind: 'array'; element: string }
  | { kind: 'map'; key: string; value: string }
  | { kind: 'row'; fields: { name: string; type: string }[] };

/**
 * Splits a nested Paimon SQL type (`ARRAY<T>`, `MAP<K, V>`, `ROW<name T, ...>`, with or without
 * NOT NULL; a field name may be back-quoted) into its parts; undefined for any other type.
 */
export function nestedTypeParts(raw: string): NestedTypeParts | undefined {
  const m = /^\s*(array|map|row)\s*<([\s\S]*)>\s*(?:not\s+null)?\s*$/i.exec(raw);
  if (!m) return undefined;
  const inner = splitTop(m[2]!);
  const kind = m[1]!.toLowerCase();
  if (kind === 'array' && inner.length === 1) return { kind, element: inner[0]! };
  if (kind === 'map' && inner.length === 2) return { kind, key: inner[0]!, value: inner[1]! };
  if (kind !== 'row') return undefined;
  const fields: { name: string; type: string }[] = [];
  for (const f of inner) {
    const field = /^`((?:[^`]|``)+)`\s+([\s\S]+)$/.exec(f) ?? /^(\S+)\s+([\s\S]+)$/.exec(f);
    if (!field) return undefined;
    fields.push({ name: field[1]!.replace(/``/g, '`'), type: field[2]!.trim() });
  }
  return { kind: 'row', fields };
}

/** Digits of an arrow timestamp unit. */
const ARROW_UNIT_DIGITS: Record<string, number> = { s: 0, ms: 3, us: 6, ns: 9 };

/**
 * What spellings mean where engines differ: a bare `TIMESTAMP` is Paimon's and Flink's
 * TIMESTAMP(6) (no zone), but Spark's session-zoned instant (its engine folder says so).
 */
export interface TypeSpellings {
  bareTimestamp: 'timestamp' | 'timestamp_ltz';
}

/** Paimon's own spellings (scenarios, Paimon SQL, Flink). */
const PAIMON_SPELLINGS: TypeSpellings = { bareTimestamp: 'timestamp' };

/**
 * Parses a type as engines print it: Paimon SQL (`TIMESTAMP(9)`, `DECIMAL(10, 2)`,
 * `TIMESTAMP(6) WITH LOCAL TIME ZONE`, `VARCHAR(10) NOT NULL`), Spark (`timestamp_ntz`,
 * `decimal(10,2)`, `array<int>`), arrow as pyarrow prints it (`timestamp[ns]`,
 * `timestamp[ms, tz=UTC]`, `decimal128(38, 18)`, `date32[day]`, `list<element: int32>`) or the
 * canonical spelling itself. `spellings` says what the engine means where engines differ.
 */
export function parseType(raw: string, spellings: TypeSpellings = PAIMON_SPELLINGS): CanonicalType {
  const nestedType = (inner: string) => parseType(inner, spellings);
  let t = raw
    .trim()
    .toLowerCase()
    .replace(/\s+not null$/, '')
    .replace(/\s+/g, ' ');
  // Arrow: a timestamp's precision is its unit; a time zone makes it an instant (LTZ).
  const arrowTs = /^timestamp\[(s|ms|us|ns)(?:, tz=[^\]]+)?\]$/.exec(t);
  if (arrowTs) return { kind: t.includes('tz=') ? 'timestamp_ltz' : 'timestamp', precision: ARROW_UNIT_DIGITS[arrowTs[1]!]! };
  const arrowTime = /^time(32|64)\[(s|ms|us|ns)\]$/.exec(t);
  if (arrowTime) return { kind: 'time', precision: ARROW_UNIT_DIGITS[arrowTime[2]!]! };
  t = t.replace(/^date(32|64)\[[a-z]+\]$/, 'date').replace(/^decimal(128|256)\(/, 'decimal(');
  const ltz =
    /with local time ?zone$/.test(t) || t.startsWith('timestamp_ltz') || (t === 'timestamp' && spellings.bareTimestamp === 'timestamp_ltz');
  t = t.replace(/ with(out)? (local )?time ?zone$/, '');
  const m = /^([a-z][a-z0-9_ ]*?)\s*(?:\((.*)\))?$/.exec(t);
  if (m) {
    const [, name, args] = m as unknown as [string, string, string | undefined];
    const nums = args ? args.split(',').map((s) => Number(s.trim())) : [];
    if (name === 'decimal' || name === 'numeric' || name === 'decimalv3') {
      return { kind: 'decimal', precision: nums[0] ?? 10, scale: nums[1] ?? 0 };
    }
    if (name === 'timestamp' || name === 'timestamp_ntz' || name === 'timestamp_ltz' || name === 'datetime' || name === 'datetimev2') {
      // A bare `timestamp` has microseconds (Paimon's TIMESTAMP is TIMESTAMP(6); Spark's is session-zoned).
      const precision = nums[0] ?? (name === 'timestamp' || name.startsWith('timestamp_') ? 6 : 0);
      return { kind: ltz ? 'timestamp_ltz' : 'timestamp', precision };
    }
    if (name === 'time') return { kind: 'time', precision: nums[0] ?? 0 };
    const simple = SIMPLE[name];
    if (simple) return { kind: simple } as CanonicalType;
  }
  const nested = /^(array|list|large_list|map|struct|row)\s*<(.*)>$/.exec(t);
  if (nested) {
    const inner = splitTop(raw.trim().replace(/^[^<]*<|>\s*(not null)?$/gi, ''));
    if (nested[1] === 'array') return { kind: 'array', element: nestedType(inner[0] ?? 'unknown') };
    // Arrow names a list's element field: `list<element: int32>`, `list<item: string>`.
    if (nested[1] !== 'map' && nested[1] !== 'struct' && nested[1] !== 'row')
      return { kind: 'array', element: nestedType((inner[0] ?? 'unknown').replace(/^[a-z_]+:\s*/i, '')) };
    if (nested[1] === 'map') return { kind: 'map', key: nestedType(inner[0] ?? 'unknown'), value: nestedType(inner[1] ?? 'unknown') };
    return {
      kind: 'row',
      fields: inner.map((f) => {
        const [, name = '', type = 'unknown'] = /^`?([^`:\s]+)`?\s*:?\s*(.*)$/.exec(f) ?? [];
        return { name, type: nestedType(type) };
      }),
    };
  }
  return { kind: 'unknown' };
}

/** Canonical spelling, used in `types:` expectations and reports. */
export function formatType(t: CanonicalType): string {
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'timestamp':
    case 'timestamp_ltz':
    case 'time':
      return `${t.kind}(${t.precision})`;
    case 'array':
      return `array<${formatType(t.element)}>`;
    case 'map':
      return `map<${formatType(t.key)},${formatType(t.value)}>`;
    case 'row':
      return `row<${t.fields.map((f) => `${f.name}:${formatType(f.type)}`).join(',')}>`;
    default:
      return t.kind;
  }
}

/**
 * The family a type's values compare in. Engines spell one column's type differently (INT vs
 * BIGINT after a widening read, TIMESTAMP(9) vs DATETIMEV2(6)); values of one family compare by
 * value, values of different families never compare equal (a STRING 'true' is not a BOOLEAN).
 */
export function typeFamily(t: CanonicalType): string {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return 'integer';
    case 'float':
    case 'double':
      return 'float';
    case 'array':
      return `array<${typeFamily(t.element)}>`;
    case 'map':
      return `map<${typeFamily(t.key)},${typeFamily(t.value)}>`;
    case 'row':
      return `row<${t.fields.map((f) => `${f.name}:${typeFamily(f.type)}`).join(',')}>`;
    default:
      return t.kind;
  }
}
