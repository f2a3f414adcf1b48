/**
 * The run prefix: the only namespace the harness creates, alters and drops catalog objects in.
 * Every database a run creates is named `pi_<run id>_…`, and a run id starts with the UTC time the
 * run started (`20261121t050912_ab12`), so the age of a leftover database is in its name.
 */
export const RUN_PREFIX = 'pi_';

/** The run prefix of one run: `pi_<run id>`. */
export const runPrefix = (runId: string) => `${RUN_PREFIX}${runId}`;

/** `pi_` + a run id (`YYYYMMDDtHHMMSS_xxxx`) + `_` or the end. */
const RUN_DATABASE = /^pi_(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})_[0-9a-f]{4}(?:_|$)/;

/** When the run that created `database` started, or undefined when the name is not a run's. */
export function runStartedAt(database: string): Date | undefined {
  const m = RUN_DATABASE.exec(database);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Whether a database name is under the run prefix (created by some run of the harness). */
const isRunDatabase = (database: string): boolean => database.startsWith(RUN_PREFIX);

/** The database a catalog path names (`/v1/{prefix}/databases/{db}/…`), if any. */
export function databaseOf(path: string): string | undefined {
  const segments = path.split('?')[0]!.split('/');
  const at = segments.indexOf('databases');
  const db = at >= 0 ? segments[at + 1] : undefined;
  return db ? decodeURIComponent(db) : undefined;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why a request to the catalog would change an object outside the run prefix, or undefined when
 * it stays inside (or changes nothing). Looks at the database of the path
 * (`/v1/{prefix}/databases/{db}/…`), a new database's name (`POST …/databases`) and the
 * databases a rename names (`source` / `destination`).
 */
export function outsideRunPrefix(method: string, path: string, body?: unknown): string | undefined {
  if (!MUTATING.has(method.toUpperCase())) return undefined;
  const pathOnly = path.split('?')[0]!;
  const inPath = databaseOf(pathOnly);
  const databases = inPath === undefined ? [] : [inPath];
  const b = (body ?? {}) as { name?: unknown; source?: { database?: unknown }; destination?: { database?: unknown } };
  // POST …/databases: the new database is named in the body.
  if (/\/databases\/?$/.test(pathOnly) && typeof b.name === 'string') databases.push(b.name);
  for (const id of [b.source, b.destination]) if (typeof id?.database === 'string') databases.push(id.database);
  const foreign = databases.filter((d) => !isRunDatabase(d));
  return foreign.length
    ? `${method.toUpperCase()} ${pathOnly} would change ${foreign.map((d) => `database '${d}'`).join(' and ')}, outside the run prefix '${RUN_PREFIX}'`
    : undefined;
}
