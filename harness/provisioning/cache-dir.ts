import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where engines and jars are installed: $PAIMON_INTEROP_CACHE, else the user's cache dir. */
export function cacheDir(): string {
  if (process.env.PAIMON_INTEROP_CACHE) return process.env.PAIMON_INTEROP_CACHE;
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'paimon-interop');
}
