import { PAIMON_VERSIONS } from '../provisioning/index.ts';
import { UsageError } from './cli-output.ts';

/** One version of the table, or a usage error naming the flag and the versions there are. */
export function checkVersion(v: string, flag: string): string {
  if (!PAIMON_VERSIONS.some((r) => r.paimon === v)) throw new UsageError(`${flag}: Paimon ${v} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')}, or all)`);
  return v;
}

/** A comma list, trimmed, empty items dropped. */
export const commaList = (s: string): string[] => s.split(',').map((v) => v.trim()).filter(Boolean);

/** `--paimon`-style arguments: `all` (every row, newest first) or a comma list of versions of the table. */
export function paimonVersions(spec: string, flag: string): string[] {
  return spec === 'all' ? PAIMON_VERSIONS.map((r) => r.paimon) : commaList(spec).map((v) => checkVersion(v, flag));
}
