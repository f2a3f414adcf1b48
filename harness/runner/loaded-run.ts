import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { KnownIssue } from '../known-issues/index.ts';
import type { Scenario } from '../scenario/index.ts';

/**
 * What the CLI loaded and validated once per run (every scenario and the known-issues table), handed
 * to the suite inside vitest as a file, so no cell loads or validates them again. v8's structured
 * serialization keeps what JSON would lose (bigints, regular expressions, undefined).
 */
export interface LoadedRun {
  scenarios: Scenario[];
  knownIssues: KnownIssue[];
}

export async function writeLoadedRun(file: string, run: LoadedRun): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, serialize(run));
}

export async function readLoadedRun(file: string): Promise<LoadedRun> {
  return deserialize(await readFile(file)) as LoadedRun;
}
