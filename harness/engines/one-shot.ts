import { spawn } from 'node:child_process';
import type { EngineRequest } from './engine.ts';

/** One request run the way a user scripting it would: in a fresh process of its own. */
interface OneShotResult {
  ok: boolean;
  wallMs: number;
  /** The command run, and on failure the end of its output. */
  detail: string;
}

/**
 * How a local engine runs one request in a process of its own (a fresh `python` per pypaimon step,
 * Flink's `sql-client.sh -f` per statement): the benchmark's naive comparison. Offered by launchers
 * of engines that have such a way; the others are left out of the comparison.
 */
export type OneShotRunner = (request: EngineRequest, database: string) => Promise<OneShotResult>;

/** Runs a command to its end: exit code and output, with wall time. */
export function runOnce(
  command: string,
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string; stdin?: string },
): Promise<{ code: number; stdout: string; stderr: string; wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (err) => resolve({ code: 127, stdout, stderr: `${stderr}${err.message}`, wallMs: performance.now() - started }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, wallMs: performance.now() - started }));
    child.stdin.end(opts.stdin ?? '');
  });
}
