import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from './run-tool.ts';

export type Progress = (message: string) => void;

export const done = (dir: string, stamp: string) =>
  readFile(join(dir, '.complete'), 'utf8').then(
    (s) => s === stamp,
    () => false,
  );
export const markDone = (dir: string, stamp: string) => writeFile(join(dir, '.complete'), stamp);

/** Interesting lines of mvn/pip output, as progress. */
export function progressFilter(component: string, progress: Progress) {
  return (line: string) => {
    const m =
      /^(?:\[INFO\] )?(Downloaded from \S+: \S+\.(?:jar|pom)|Downloading \S+|Collecting \S+|Installing collected packages.*|Successfully installed.*)/.exec(
        line,
      );
    if (m && !m[1]!.endsWith('.pom')) progress(`${component}: ${m[1]!.replace(/https?:\/\/\S+\//, '')}`);
  };
}

export async function mvnCopy(component: string, args: string[], progress: Progress): Promise<{ ok: boolean; tail: string }> {
  const r = await runTool('mvn', ['-B', ...args], { onLine: progressFilter(component, progress) });
  return { ok: r.exitCode === 0, tail: r.tail };
}
