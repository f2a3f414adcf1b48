import { $, which } from 'zx';
import { EnvironmentError } from '../environment-error.ts';

/** Fails with a clear ENV_MISSING_TOOL error when a tool the local environment needs is absent. */
export async function requireTool(tool: string, hint: string): Promise<string> {
  const found = await which(tool, { nothrow: true });
  if (!found) throw new EnvironmentError('ENV_MISSING_TOOL', tool, `not found on PATH: ${hint}`);
  return found;
}

/**
 * Runs a provisioning command, passing interesting output lines to `onLine` as progress.
 * Returns the exit code, the output tail for error messages, and the whole standard output.
 */
export async function runTool(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; onLine?: (line: string) => void },
): Promise<{ exitCode: number; tail: string; output: string }> {
  const p = $({ quiet: true, nothrow: true, cwd: opts.cwd, env: { ...process.env, ...opts.env } })`${cmd} ${args}`;
  const tail: string[] = [];
  for await (const line of p) {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    opts.onLine?.(line);
  }
  const out = await p;
  const stderr = out.stderr.trim().split('\n').slice(-20).join('\n');
  return { exitCode: out.exitCode ?? 1, tail: [tail.join('\n'), stderr].filter(Boolean).join('\n'), output: out.stdout };
}
