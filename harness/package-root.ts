import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where paimon-interop is installed (this checkout, or node_modules/paimon-interop): its bundled scenarios, known issues and vitest config. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The user's `scenarios/` folder when there is one here, else the scenarios that come with the tool. */
export function defaultScenarioPaths(): string[] {
  return existsSync('scenarios') ? ['scenarios'] : [join(PACKAGE_ROOT, 'scenarios')];
}

/** The user's `known-issues.yaml` when there is one here, else the one that comes with the tool. */
export function defaultKnownIssuesFile(): string {
  return existsSync('known-issues.yaml') ? 'known-issues.yaml' : join(PACKAGE_ROOT, 'known-issues.yaml');
}

/**
 * How a scenario file is named in ids and reports: relative to the working folder, and a bundled
 * file outside it relative to the tool (`scenarios/writes/x.yaml`, as in the repository), so ids
 * are the same on every machine and install.
 */
export function displayPath(file: string): string {
  const here = relative(process.cwd(), file);
  const fromTool = relative(PACKAGE_ROOT, resolve(file));
  const name = here.startsWith('..') && !fromTool.startsWith('..') ? fromTool : here;
  return name.split(sep).join('/') || file;
}

/** The file behind a display path: as named from the working folder, else in the tool's folder. */
export function readablePath(file: string): string {
  if (existsSync(file)) return file;
  const bundled = join(PACKAGE_ROOT, file);
  return existsSync(bundled) ? bundled : file;
}
