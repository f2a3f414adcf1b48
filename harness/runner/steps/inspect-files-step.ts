import { FILES_ACTOR } from '../../verdicts/index.ts';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { byteOrder } from '../../byte-order.ts';
import { normalizeValue, parseType, type CanonicalResult } from '../../values/index.ts';
import { evaluateOutcome } from '../evaluate-step.ts';
import type { StepEngineResult } from '../../verdicts/index.ts';
import { withStatus, type StepHandler } from './step-handler.ts';

const INSPECT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'gateways', 'inspect_files.py');
const run = promisify(execFile);

export interface InspectedFile {
  file: string;
  encoding: string;
  digits: number;
  values: (string | null)[];
}

/**
 * `inspect-files`: how a TIMESTAMP column is stored in the table's data files, read with the
 * format's own reader (pyarrow, in the harness's Python), independent of every engine: one row
 * (digits, value) per stored value, sorted. `digits` is the unit the file declares (parquet) or
 * the fewest of 0/3/6/9 that hold the stored values (ORC, which has one encoding). The files and
 * their encodings go into the step's statement, as evidence.
 */
export const inspectFilesStep: StepHandler = async ({ step, ctx, database, base }) => {
  const { table, column } = step['inspect-files']!;
  const skip = (reason: string) => ({ ...base, status: 'skip' as const, skippedEngines: [{ ...FILES_ACTOR, reason }] });
  const inspector = ctx.env.features.files?.inspector;
  if (!inspector) return skip("the data files are not on this machine (inspect-files needs the local environment's warehouse)");
  if (!ctx.catalog) return skip('no catalog endpoint to find the table path');
  const t = performance.now();
  const entry = (fields: Pick<StepEngineResult, 'status'> & Partial<StepEngineResult>): StepEngineResult => ({
    ...FILES_ACTOR,
    durationMs: Math.round(performance.now() - t),
    failures: [],
    ...fields,
  });
  try {
    const path = await ctx.catalog.tablePath(database, table);
    if (path === undefined) {
      const outcome = {
        ok: false as const,
        statement: `GET table ${table}`,
        error: { errorClass: 'not-found' as const, message: `table ${database}.${table} does not exist` },
      };
      const failures = evaluateOutcome(step.expect, outcome);
      return withStatus({
        ...base,
        engines: [entry({ status: failures.length ? 'fail' : 'pass', statement: outcome.statement, failures, error: outcome.error })],
      });
    }
    const local = path.replace(/^file:(\/\/)?/, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(local)) return skip(`the table's files are at ${path}, not on this machine`);
    const reply = await inspectTimestampColumn(inspector, local, column);
    if ('error' in reply)
      return withStatus({
        ...base,
        engines: [entry({ status: 'error', reason: `inspect-files could not read the data files of ${table}: ${reply.error}` })],
      });
    const result = inspectedResult(reply.files);
    const statement = `inspect ${reply.files.length} data file(s) of ${table}.${column} with pyarrow: ${reply.files.map((f) => `${f.file} (${f.encoding})`).join('; ') || 'none'}`;
    const failures = evaluateOutcome(step.expect, { ok: true, result });
    return withStatus({ ...base, engines: [entry({ status: failures.length ? 'fail' : 'pass', statement, failures, actual: result })] });
  } catch (err) {
    return withStatus({ ...base, engines: [entry({ status: 'error', reason: `inspect-files: ${(err as Error).message}` })] });
  }
};

/**
 * Runs the inspector (inspect_files.py, with a Python that has pyarrow) on a table folder: each
 * data file's encoding, digits and stored values, or the inspector's one-line error.
 */
export async function inspectTimestampColumn(
  python: string,
  tableDir: string,
  column: string,
): Promise<{ files: InspectedFile[] } | { error: string }> {
  const { stdout } = await run(python, [INSPECT_SCRIPT, tableDir, column], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }).catch(
    (err: { stdout?: string; message: string }) => ({ stdout: err.stdout || JSON.stringify({ error: err.message }) }),
  );
  try {
    const reply = JSON.parse(stdout) as { files?: InspectedFile[]; error?: string };
    return reply.files ? { files: reply.files } : { error: reply.error ?? 'no answer' };
  } catch {
    return { error: `unreadable answer: ${stdout.slice(0, 200)}` };
  }
}

/** One row (digits, value) per stored value, sorted by byte order of the value. */
function inspectedResult(files: InspectedFile[]): CanonicalResult {
  const columns = [
    { name: 'digits', type: parseType('INT') },
    { name: 'value', type: parseType('STRING') },
  ];
  const rows = files.flatMap((f) => f.values.map((v) => [normalizeValue(f.digits, columns[0]!.type), v]));
  rows.sort((a, b) => byteOrder(`${a[1]}|${a[0]}`, `${b[1]}|${b[0]}`));
  return { columns, rows };
}
