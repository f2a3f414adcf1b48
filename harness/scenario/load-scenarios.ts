import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import type { ComposeOptions } from './compose-scenario.ts';
import { loadScenarioFile, type LoadedFile } from './load-scenario-file.ts';
import { problem, type Problem } from './problem.ts';
import type { Scenario } from './scenario-model.ts';

export interface LoadedSuite {
  files: LoadedFile[];
  scenarios: Scenario[];
  problems: Problem[];
}

const isScenarioFile = (name: string) => /\.ya?ml$/.test(name) && !name.startsWith('_');

/** Scenario files under the given paths (files or folders), sorted by byte order. */
export async function findScenarioFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const info = await stat(p).catch(() => undefined);
    if (!info) {
      found.push(p); // reported as FILE_UNREADABLE by the loader
    } else if (info.isDirectory()) {
      for (const entry of await readdir(p)) await walk(join(p, entry));
    } else if (isScenarioFile(p)) {
      found.push(p);
    }
  };
  for (const p of paths) await walk(p);
  const rel = found.map((f) => relative(process.cwd(), f).split(sep).join('/') || f);
  return [...new Set(rel)].sort(byteOrder);
}

/** Loads every scenario under `paths`; duplicate names are located problems on the second file. */
export async function loadScenarios(paths: readonly string[], opts: ComposeOptions): Promise<LoadedSuite> {
  const files = await Promise.all((await findScenarioFiles(paths)).map((f) => loadScenarioFile(f, opts)));
  const problems = files.flatMap((f) => f.problems);
  const seen = new Map<string, Scenario>();
  const scenarios: Scenario[] = [];
  for (const f of files) {
    if (!f.scenario) continue;
    const first = seen.get(f.scenario.name);
    if (first) {
      problems.push(problem('DUPLICATE_SCENARIO', `scenario name '${f.scenario.name}' is already used by ${first.file}:${first.loc.line}`, f.scenario.loc));
      continue;
    }
    seen.set(f.scenario.name, f.scenario);
    if (!f.problems.length) scenarios.push(f.scenario);
  }
  return { files, scenarios, problems };
}
