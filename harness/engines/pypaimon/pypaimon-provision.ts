import { join } from 'node:path';
import { mkdir, rm } from 'node:fs/promises';
import {
  configuredSourceOrFail,
  done,
  exportSources,
  markDone,
  pinOf,
  sourceCacheDir,
  type PaimonVersionRow,
  type Progress,
} from '../../provisioning/index.ts';
import { PYPAIMON_PINS } from './pypaimon-versions.ts';

/** pypaimon's sources of a commit (`paimon-python/`), exported once into the cache: what pip installs for a row built from source. */
async function pypaimonSources(commit: string, progress: Progress): Promise<string> {
  const dir = join(sourceCacheDir(commit), 'paimon-python');
  if (await done(dir, commit)) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  progress(`pypaimon: exporting paimon-python/ of ${commit.slice(0, 12)}`);
  await exportSources(configuredSourceOrFail(`pypaimon of ${commit.slice(0, 12)}`), commit, dir, 'paimon-python');
  await markDone(dir, commit);
  return dir;
}

/** The pypaimon release a row pins, or its sources for a row built from source (they carry the ref's version). */
export async function pypaimonPackages(row: PaimonVersionRow, progress: Progress): Promise<string[] | { unavailable: string }> {
  if (row.source) return [await pypaimonSources(row.source.commit, progress)];
  const pin = pinOf(PYPAIMON_PINS, row);
  if (pin === undefined) return { unavailable: `not in this cell: no pypaimon release is pinned for Paimon ${row.paimon}` };
  return typeof pin === 'string' ? [`pypaimon==${pin}`] : { unavailable: `not in this cell: ${pin.unavailable}` };
}

/** The pypaimon release of a row, where it has one (a row built from source: the ref's version). */
export function pypaimonRelease(row: PaimonVersionRow): string | undefined {
  if (row.source) return row.release;
  const pin = pinOf(PYPAIMON_PINS, row);
  return typeof pin === 'string' ? pin : undefined;
}
