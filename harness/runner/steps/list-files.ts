import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { byteOrder } from '../../byte-order.ts';
import { parseType, type CanonicalResult } from '../../values/index.ts';

/**
 * The files below a local path as a one-column result (`path`, relative, sorted by byte
 * order); hidden files (Paimon's `.` markers, checksums) are left out. A missing path is an
 * empty result: "the files are gone" is something scenarios assert.
 */
export async function listFiles(root: string): Promise<CanonicalResult> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else found.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  found.sort(byteOrder);
  return { columns: [{ name: 'path', type: parseType('STRING') }], rows: found.map((f) => [f]) };
}
