import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { byteOrder } from '../byte-order.ts';
import { displayPath } from '../package-root.ts';
import type { ComposeOptions } from './compose-scenario.ts';
import { loadScenarioFile, type LoadedFile } from './load-scenario-file.ts';
import { problem, type Problem } from './problem.ts';
import type { Scenario } from './scenario-model.ts';

export interface LoadedSuite {
  files: LoadedFile[];
  scenarios: Scenario[];
  problems: Problem[];
}

/** A scenario file: `.yaml`/`.yml`, and a base name not starting with `_` (drafts, includes). */
const isScenarioFile = (path: string) => /\.ya?ml$/.test(path) && !basename(path).startsWith('_');

/** Scenario files under the given paths (files or folders), sorted by byte order. */
export async function findScenarioFiles(paths: readonly string[]): Promise<string[]> {
  return (await scanPaths(paths)).files;
}

/**
 * Scenario files under the given paths, and a problem for each path given explicitly that holds
 * none (a file that is not a scenario file, an empty folder): asking for nothing is an error.
 */
async function scanPaths(paths: readonly string[]): Promise<{ files: string[]; problems: Problem[] }> {
  const found: string[] = [];
  const problems: Problem[] = [];
  const walk = async (p: string): Promise<number> => {
    const info = await stat(p).catch(() => undefined);
    if (!info) {
      found.push(p); // reported as FILE_UNREADABLE by the loader
      return 1;
    }
    if (info.isDirectory()) {
      const entries = await readdir(p).catch(() => undefined);
      if (!entries) {
        found.push(p);
        return 1;
      }
      let n = 0;
      for (const entry of entries) n += await walk(join(p, entry));
      return n;
    }
    if (!isScenarioFile(p)) return 0;
    found.push(p);
    return 1;
  };
  for (const p of paths) {
    if ((await walk(p)) > 0) continue;
    const info = await stat(p).catch(() => undefined);
    const why = info?.isDirectory()
      ? 'the folder holds no scenario file (*.yaml or *.yml, not starting with _)'
      : 'not a scenario file (*.yaml or *.yml, not starting with _)';
    problems.push(problem('NO_SCENARIOS', why, { file: displayPath(p), line: 1, col: 1 }));
  }
  const rel = found.map(displayPath);
  return { files: [...new Set(rel)].sort(byteOrder), problems };
}

/** Loads every scenario under `paths`; duplicate names are located problems on the second file. */
export async function loadScenarios(paths: readonly string[], opts: ComposeOptions): Promise<LoadedSuite> {
  const scanned = await scanPaths(paths);
  const files = await Promise.all(scanned.files.map((f) => loadScenarioFile(f, opts)));
  const problems = [...scanned.problems, ...files.flatMap((f) => f.problems)];
  const seen = new Map<string, Scenario>();
  const scenarios: Scenario[] = [];
  for (const f of files) {
    if (!f.scenario) continue;
    const first = seen.get(f.scenario.name);
    if (first) {
      problems.push(
        problem(
          'DUPLICATE_SCENARIO',
          `scenario name '${f.scenario.name}' is already used by ${first.file}:${first.loc.line}`,
          f.scenario.loc,
        ),
      );
      continue;
    }
    seen.set(f.scenario.name, f.scenario);
    if (!f.problems.length) scenarios.push(f.scenario);
  }
  return { files, scenarios, problems };
}
